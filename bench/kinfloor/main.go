// Command kinfloor is the speed floor of the OpenAPI benchmark: it only
// loads a document with kin-openapi the way a scan must (with origins, so
// findings can name lines, and with external references) and counts the
// operations. No checker that uses this loader can be faster.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/getkin/kin-openapi/openapi3"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: kinfloor FILE")
		return 2
	}
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = true
	loader.IsExternalRefsAllowed = true
	doc, err := loader.LoadFromFile(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "kinfloor: %s: %v\n", args[0], err)
		return 2
	}
	ops := 0
	if doc.Paths != nil {
		for _, item := range doc.Paths.Map() {
			ops += len(item.Operations())
		}
	}
	fmt.Fprintf(stdout, "%d operations\n", ops)
	return 0
}
