package cors

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/config"
)

// TestFixtures runs the check over every portal of testdata/prodconfig,
// with the portal's .launchgate.yml, and compares its findings, as
// "file:line rule", with what the portal's files expect of this check's
// rules: want comments, or a sibling NAME.want file of "LINE RULE" lines.
// Expectations of other checks' rules are left to them.
func TestFixtures(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Join("..", "..", "..", "testdata", "prodconfig")
	fws, err := os.ReadDir(base)
	if err != nil {
		t.Fatal(err)
	}
	portals := 0
	for _, fw := range fws {
		for _, twin := range []string{"vulnerable", "fixed"} {
			root := filepath.Join(base, fw.Name(), twin)
			if _, err := os.Stat(root); err != nil {
				continue
			}
			portals++
			t.Run(fw.Name()+"/"+twin, func(t *testing.T) {
				// Every file counts, even one a scan would skip.
				want := checktest.Wants(t, checktest.DirFiles(t, root), checktest.Select{Rule: checktest.Only(c.Rules)})
				if twin == "fixed" && len(want) > 0 {
					t.Fatalf("the fixed twin expects findings: %v", want)
				}
				if twin == "vulnerable" && len(want) < 3 {
					t.Fatalf("the vulnerable twin expects only %d findings of this check", len(want))
				}
				cfg, err := config.LoadDefault(root)
				if err != nil {
					t.Fatal(err)
				}
				checktest.Compare(t, checktest.Findings(t, c, target(t, root, cfg)), want)
			})
		}
	}
	if portals < 14 {
		t.Errorf("found %d fixture portals, want the vulnerable and fixed twins of 7 frameworks", portals)
	}
}
