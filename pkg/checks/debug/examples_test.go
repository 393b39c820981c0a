package debug

import (
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestRuleExamples runs every example of every rule the check runs
// through it, with all of them active: an example that must match yields at
// least one report of its rule, one that must not yields none.
func TestRuleExamples(t *testing.T) {
	cat := checktest.Catalog(t)
	rs := loadRules(t)
	for _, r := range cat.Rules() {
		if !slices.Contains(categories(), r.Category()) || r.Match == nil {
			continue
		}
		for _, ex := range r.Examples {
			t.Run(r.ID+"/"+ex.Name, func(t *testing.T) {
				name := checktest.ExampleFile(r, ex)
				checktest.HoldExample(t, r.ID, ex, name, run(t, checktest.MemFiles{name: ex.Input}, rs))
			})
		}
	}
}

// TestCheckListsCatalogRules holds the check to the catalog: it emits
// exactly the debug and secret rules that have a line match.
func TestCheckListsCatalogRules(t *testing.T) {
	cat := checktest.Catalog(t)
	c, err := New(cat)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range cat.Rules() {
		if slices.Contains(categories(), r.Category()) && r.Match != nil {
			want = append(want, r.ID)
		}
	}
	if strings.Join(c.Rules, ",") != strings.Join(want, ",") {
		t.Errorf("check rules = %v, want %v", c.Rules, want)
	}
	if len(want) < 10 {
		t.Errorf("only %d debug rules", len(want))
	}
}
