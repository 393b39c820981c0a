// Command genspec writes an OpenAPI 3.0 document of a given number of
// operations, for the scaling benchmark (bench/scale.sh).
//
//	genspec -ops 10000 -out openapi.yaml
//
// The document has the shape of a large B2B API: list, get, create, update
// and delete on ops/5 resources (rounded up; the last may have fewer), each
// resource with its own schemas, every third one nested under a tenant,
// path parameters declared on the path item, paging query parameters on
// lists, request bodies and responses that $ref component schemas, shared
// error responses, bearer authentication by default and a public read on
// every tenth resource. The same -ops writes the same bytes.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// maxOps bounds -ops: past it the document outgrows any limit scan has.
const maxOps = 1_000_000

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("genspec", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ops := fs.Int("ops", 0, "number of operations to write (1 to 1000000)")
	out := fs.String("out", "", "file to write; - for standard output")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *ops < 1 || *ops > maxOps || *out == "" {
		fmt.Fprintf(stderr, "genspec: need -ops N (1 to %d) and -out FILE\n", maxOps)
		return 2
	}
	if err := writeTo(*out, *ops, stdout); err != nil {
		fmt.Fprintf(stderr, "genspec: %v\n", err)
		return 1
	}
	return 0
}

// writeTo writes the document of n operations to path, or to stdout when
// path is "-"; a file is removed again when writing it fails.
func writeTo(path string, n int, stdout io.Writer) error {
	if path == "-" {
		w := bufio.NewWriter(stdout)
		writeSpec(w, n)
		return w.Flush()
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	writeSpec(w, n)
	err = errors.Join(w.Flush(), f.Close())
	if err != nil {
		_ = os.Remove(path)
	}
	return err
}
