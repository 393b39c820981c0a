package debug

import (
	"path/filepath"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestFixtures runs the check over the fixture repositories and compares
// its findings, as "file:line rule", with what the fixtures say they
// expect: want comments, or for formats without comments a sibling
// NAME.want file of "LINE RULE" lines.
func TestFixtures(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"vulnerable", "fixed"} {
		t.Run(name, func(t *testing.T) {
			tree := checktest.Tree(t, filepath.Join("..", "..", "..", "testdata", "debug", name))
			want := checktest.Wants(t, tree, checktest.Select{})
			if name == "fixed" && len(want) > 0 {
				t.Fatalf("the fixed fixture expects findings: %v", want)
			}
			if name == "vulnerable" && len(want) < 15 {
				t.Fatalf("the vulnerable fixture expects only %d findings", len(want))
			}
			got := checktest.Findings(t, c, &check.Target{Root: tree.Root(), Tree: tree})
			checktest.Compare(t, got, want)
		})
	}
}
