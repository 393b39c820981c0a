package envfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse holds Parse to never panicking and to entries that make sense:
// lines within the input, keys of key characters, unique keys.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "envfile", "*"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("A=\"x\\\"\nB='y\nexport C=${D:-e} # f\n\xEF\xBB\xBFG: h\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := Parse(data)
		lines := 1 + strings.Count(normalizeNewlines(data), "\n")
		seen := map[string]bool{}
		for _, e := range p.Entries {
			if e.Line < 1 || e.Line > lines {
				t.Fatalf("entry %s on line %d of %d", e.Key, e.Line, lines)
			}
			if e.Key == "" || keyLength(e.Key) != len(e.Key) {
				t.Fatalf("bad key %q", e.Key)
			}
			if seen[e.Key] {
				t.Fatalf("key %q twice", e.Key)
			}
			seen[e.Key] = true
		}
		for _, pr := range p.Problems {
			if pr.Line < 1 || pr.Line > lines || pr.Message == "" {
				t.Fatalf("problem %+v in %d lines", pr, lines)
			}
		}
		if len(p.Problems) > maxProblems+1 {
			t.Fatalf("%d problems", len(p.Problems))
		}
	})
}
