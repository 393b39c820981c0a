package envcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/config"
)

// TestFixtures runs the check over the shared fixture portals in
// testdata/prodconfig and compares its findings, as "file:line rule", with
// what the fixtures expect of the env check's rules: want comments, or a
// sibling NAME.want file of "LINE RULE" lines. Other checks' expectations
// are left to them.
func TestFixtures(t *testing.T) {
	base := filepath.Join("..", "..", "..", "testdata", "prodconfig")
	frameworks := []string{"nextjs", "express", "flask", "django", "laravel", "rails", "go", "settings"}
	total := 0
	for _, fw := range frameworks {
		for _, twin := range []string{"vulnerable", "fixed"} {
			t.Run(fw+"/"+twin, func(t *testing.T) {
				root := filepath.Join(base, fw, twin)
				tree := checktest.Tree(t, root)
				want := fixtureWants(t, tree)
				if twin == "fixed" && len(want) > 0 {
					t.Fatalf("the fixed twin expects env findings: %v", want)
				}
				if twin == "vulnerable" && len(want) < 3 {
					t.Fatalf("the vulnerable twin expects only %d env findings", len(want))
				}
				total += len(want)
				cfg := config.Default()
				if p := filepath.Join(root, ".launchgate.yml"); fileExists(p) {
					var err error
					if cfg, err = config.Load(p); err != nil {
						t.Fatal(err)
					}
				}
				got := checktest.Findings(t, New(), &check.Target{Root: tree.Root(), Tree: tree, Config: cfg})
				checktest.Compare(t, got, want)
			})
		}
	}
	// Every rule that can fire on a checkout alone is shown somewhere.
	t.Run("coverage", func(t *testing.T) {
		seen := map[string]bool{}
		for _, fw := range frameworks {
			for _, w := range fixtureWants(t, checktest.Tree(t, filepath.Join(base, fw, "vulnerable"))) {
				_, rule, _ := strings.Cut(w, " ")
				seen[rule] = true
			}
		}
		for _, r := range Rules {
			if r != ruleDevMode && !seen[r] {
				t.Errorf("no fixture portal expects %s", r)
			}
		}
	})
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// fixtureWants collects the env check's expectations of every file in
// tree, sorted. A "#" in an env file's value line is part of what some
// loaders read, so env files keep their expectations in .want files.
func fixtureWants(t *testing.T, tree checktest.Files) []string {
	t.Helper()
	return checktest.Wants(t, tree, checktest.Select{
		Rule:         checktest.Only(Rules),
		SkipComments: func(name string) bool { return kindOf(name) != notEnv },
	})
}
