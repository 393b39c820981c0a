package monitors

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/rules"
)

// TestRuleExamples runs every example of every monitoring rule through
// the check: one that must match yields a report of its rule, one that
// must not yields none.
func TestRuleExamples(t *testing.T) {
	cat := checktest.Catalog(t)
	n := 0
	for _, r := range cat.Rules() {
		if !slices.Contains(Rules, r.ID) {
			continue
		}
		matches, nonMatches := 0, 0
		for _, ex := range r.Examples {
			if ex.Match {
				matches++
			} else {
				nonMatches++
			}
			t.Run(r.ID+"/"+ex.Name, func(t *testing.T) {
				reports, _, _ := scanDir(t, writeScenario(t, ex.Input))
				checktest.HoldExample(t, r.ID, ex, r.ID, reports)
			})
		}
		if matches == 0 || nonMatches == 0 {
			t.Errorf("%s has %d matching and %d non-matching examples; it needs both", r.ID, matches, nonMatches)
		}
		n++
	}
	if n != len(Rules) {
		t.Errorf("the catalog has %d monitoring rules, the check emits %d", n, len(Rules))
	}
}

// TestCheckListsCatalogRules holds the check to the catalog: every rule it
// emits is in rules/monitoring.yaml, which describes no other.
func TestCheckListsCatalogRules(t *testing.T) {
	data, err := fs.ReadFile(rules.FS, "monitoring.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Rules []struct {
			ID string `yaml:"id"`
		} `yaml:"rules"`
	}
	if err := yaml.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range f.Rules {
		want = append(want, r.ID)
	}
	slices.Sort(want)
	if strings.Join(New().Rules, ",") != strings.Join(want, ",") {
		t.Errorf("check rules = %v, want %v", New().Rules, want)
	}
}
