package debug

import (
	"path"
	"strings"
	"testing"
)

// TestRuleExamples runs every example of every debug rule through the
// check, with all debug rules active: an example that must match yields at
// least one report of its rule, one that must not yields none.
func TestRuleExamples(t *testing.T) {
	cat := loadCatalog(t)
	rs := loadRules(t)
	for _, r := range cat.Rules() {
		if r.Category() != category || r.Match == nil {
			continue
		}
		for _, ex := range r.Examples {
			t.Run(r.ID+"/"+ex.Name, func(t *testing.T) {
				name := ex.File
				if name == "" {
					name = exampleName(r.Match.Files[0])
				}
				got := 0
				for _, rep := range run(t, memFiles{name: ex.Input}, rs) {
					if rep.Rule == r.ID {
						got++
					}
				}
				switch {
				case ex.Match && got == 0:
					t.Errorf("%s: no report for %s in\n%s", name, r.ID, ex.Input)
				case !ex.Match && got > 0:
					t.Errorf("%s: %d reports for %s, want none, in\n%s", name, got, r.ID, ex.Input)
				}
			})
		}
	}
}

// exampleName turns a files glob into a path it matches.
func exampleName(glob string) string {
	glob = strings.ReplaceAll(glob, "**/", "")
	return path.Clean(strings.ReplaceAll(glob, "*", "x"))
}

// TestCheckListsCatalogRules holds the check to the catalog: it emits
// exactly the debug rules that have a line match.
func TestCheckListsCatalogRules(t *testing.T) {
	cat := loadCatalog(t)
	c, err := New(cat)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range cat.Rules() {
		if r.Category() == category && r.Match != nil {
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
