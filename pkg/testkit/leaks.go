package testkit

import (
	"strings"
	"testing"
)

// Planted is a fake secret made at test time and written into a checked
// tree, so a test can tell whether any output shows it.
type Planted struct {
	// Kind names it in failures ("spec server password").
	Kind string
	// Value is what the tree holds.
	Value string
	// Random is the part no output may show any 8-character piece of: the
	// value without its public prefix.
	Random string
}

// Leaks reports which planted values, or 8-character pieces of their
// random parts, appear in out.
func Leaks(out string, plants []Planted) []string {
	var found []string
	for _, p := range plants {
		if strings.Contains(out, p.Value) {
			found = append(found, p.Kind+" (whole value)")
			continue
		}
		for i := 0; i+8 <= len(p.Random); i++ {
			if piece := p.Random[i : i+8]; strings.Contains(out, piece) {
				found = append(found, p.Kind+" (piece "+piece+")")
				break
			}
		}
	}
	return found
}

// Plant makes a Planted value: prefix followed by n random letters and
// digits.
func Plant(t testing.TB, kind, prefix string, n int) Planted {
	t.Helper()
	random := Random(t, Alnum, n)
	return Planted{Kind: kind, Value: prefix + random, Random: random}
}
