package probeexposure

import (
	"slices"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/rules"
)

// scenario is the input of a rule example of rules/exposure.yaml: one of
// the loopback sites of sites_test.go.
type scenario struct {
	Site string `yaml:"site"`
}

// TestExamples runs every example of the exposure rules through the check
// against its site: an example that must match fires its rule, one that
// must not does not.
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
				reps, _ := probeSite(t, sc.Site)
				var got []string
				for _, r := range reps {
					got = append(got, r.Rule)
				}
				if fired := slices.Contains(got, id); fired != ex.Match {
					t.Errorf("%s fired: %v, want %v (all: %v)", id, fired, ex.Match, got)
				}
			})
		}
	}
	if n < 2*len(Rules) {
		t.Errorf("only %d examples for %d rules", n, len(Rules))
	}
}
