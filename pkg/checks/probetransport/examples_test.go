package probetransport

import (
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/rules"
)

// TestExamples runs every example of rules/transport-live.yaml through
// the check against a loopback server built from its input: an example
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
				got := only(probe(t, sc), id)
				if fired := len(got) > 0; fired != ex.Match {
					t.Errorf("%s fired: %v, want %v (%v)", id, fired, ex.Match, got)
				}
			})
		}
	}
	if n < 2*len(Rules) {
		t.Errorf("only %d examples for %d rules", n, len(Rules))
	}
}
