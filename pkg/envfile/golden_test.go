package envfile

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/envfile/*.golden")

// TestGolden parses every testdata/envfile/*.env and compares the entries
// and problems with NAME.golden; -update rewrites the golden files, which
// are then reviewed like code.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "envfile", "*.env"))
	if err != nil || len(files) < 4 {
		t.Fatalf("found %d env files: %v", len(files), err)
	}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			got := render(Parse(data))
			golden := strings.TrimSuffix(name, ".env") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// render writes a parse result one entry or problem a line.
func render(f File) string {
	var b strings.Builder
	for _, s := range compact(f) {
		b.WriteString(s + "\n")
	}
	for _, p := range f.Problems {
		fmt.Fprintf(&b, "problem %d: %s\n", p.Line, p.Message)
	}
	return b.String()
}
