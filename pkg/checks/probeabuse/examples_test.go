package probeabuse

import (
	"slices"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/rules"
)

// TestExamples runs every example of rules/abuse.yaml through the check
// against a loopback server answering as its scenario says: an example
// that must match fires its rule, one that must not does not.
func TestExamples(t *testing.T) {
	cat, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, id := range Rules {
		r := cat.Rule(id)
		if r == nil {
			t.Fatalf("%s is not in the catalog", id)
		}
		for _, ex := range r.Examples {
			n++
			t.Run(id+"/"+ex.Name, func(t *testing.T) {
				var sc scenario
				if err := yaml.Unmarshal([]byte(ex.Input), &sc); err != nil {
					t.Fatal(err)
				}
				res := probeScenario(t, sc)
				got := res.fired()
				if fired := slices.Contains(got, id); fired != ex.Match {
					t.Errorf("%s fired: %v, want %v (all: %v; coverage: %q)", id, fired, ex.Match, got, res.coverage.Lines())
				}
			})
		}
	}
	if n < 2*len(Rules) {
		t.Errorf("only %d examples for %d rules", n, len(Rules))
	}
}
