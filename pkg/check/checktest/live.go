package checktest

import (
	"slices"
	"testing"

	"go.yaml.in/yaml/v4"
)

// LiveExamples runs every example of the live rules ids: each example's
// input is a YAML scenario that decodes into a fresh value from scenario,
// and fired runs the check against what the scenario describes and
// returns the rules it reported. An example that must match fires its
// rule; one that must not does not. It also holds each rule to at least
// two examples.
func LiveExamples[S any](t *testing.T, ids []string, fired func(t *testing.T, sc S) []string) {
	t.Helper()
	cat := Catalog(t)
	n := 0
	for _, id := range ids {
		r := cat.Rule(id)
		if r == nil {
			t.Fatalf("%s is not in the catalog", id)
		}
		for _, ex := range r.Examples {
			n++
			t.Run(id+"/"+ex.Name, func(t *testing.T) {
				var sc S
				if err := yaml.Unmarshal([]byte(ex.Input), &sc); err != nil {
					t.Fatalf("example input: %v", err)
				}
				got := fired(t, sc)
				if ok := slices.Contains(got, id); ok != ex.Match {
					t.Errorf("%s fired: %v, want %v (all: %v)", id, ok, ex.Match, got)
				}
			})
		}
	}
	if n < 2*len(ids) {
		t.Errorf("only %d examples for %d rules", n, len(ids))
	}
}
