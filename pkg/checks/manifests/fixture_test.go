package manifests

import (
	"path/filepath"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// frameworks are the fixture portals under testdata/prodconfig.
var frameworks = []string{"nextjs", "express", "flask", "django", "laravel", "rails", "go", "settings"}

// TestFixtures runs the check over every fixture portal and compares its
// findings, as "file:line rule", with what the fixtures expect of this
// check's rules: want comments, or for formats without comments a sibling
// NAME.want file of "LINE RULE" lines. Expectations of other checks' rules
// are left to their tests.
func TestFixtures(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, fw := range frameworks {
		for _, variant := range []string{"vulnerable", "fixed"} {
			t.Run(fw+"/"+variant, func(t *testing.T) {
				tree := checktest.Tree(t, filepath.Join("..", "..", "..", "testdata", "prodconfig", fw, variant))
				want := checktest.Wants(t, tree, checktest.Select{Rule: checktest.Only(c.Rules)})
				if variant == "fixed" && len(want) > 0 {
					t.Fatalf("the fixed twin expects findings: %v", want)
				}
				total += len(want)
				got := checktest.Findings(t, c, &check.Target{Root: tree.Root(), Tree: tree})
				checktest.Compare(t, got, want)
			})
		}
	}
	if total < 20 {
		t.Errorf("the vulnerable twins expect only %d findings of the manifests rules", total)
	}
}
