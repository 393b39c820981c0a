package manifests

import (
	"path/filepath"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestReachFixtures holds the check to testdata/prodconfig/reach: Compose
// files whose database, cache or broker passwords open a store that
// publishes no port, or only on loopback (low, saying so), beside stores
// published on every interface, on a variable's address or on the host's
// network, and passwords of stores the file does not run (their rule's
// severity); a key file's password is medium. A finding is capped exactly
// on the lines marked "# low" or "# medium", at the marked severity.
func TestReachFixtures(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "..", "..", "testdata", "prodconfig", "reach")
	tree := checktest.Tree(t, root)
	target := &check.Target{Root: tree.Root(), Tree: tree}
	checktest.Compare(t, checktest.Findings(t, c, target), checktest.Wants(t, tree, checktest.Select{Rule: checktest.Only(c.Rules)}))
	checktest.CapMarks(t, root, checktest.Reports(t, c, target), "cannot be reached from outside", "unlocks a key file")
}
