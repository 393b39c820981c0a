package manifests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/finding"
)

// TestReachFixtures holds the check to testdata/prodconfig/reach: Compose
// files whose database, cache or broker passwords open a store that
// publishes no port, or only on loopback (low, saying so), beside stores
// published on every interface, on a variable's address or on the host's
// network, and passwords of stores the file does not run (their rule's
// severity). A finding is low exactly on the lines marked "# low".
func TestReachFixtures(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "..", "..", "testdata", "prodconfig", "reach")
	tree := checktest.Tree(t, root)
	target := &check.Target{Root: tree.Root(), Tree: tree}
	checktest.Compare(t, checktest.Findings(t, c, target), checktest.Wants(t, tree, checktest.Select{Rule: checktest.Only(c.Rules)}))
	for _, r := range checktest.Reports(t, c, target) {
		wantLow := markedLow(t, filepath.Join(root, r.File), r.Line)
		low := r.Capped && r.MaxSeverity == finding.Low
		switch {
		case wantLow && !low:
			t.Errorf("%s:%d %s is not capped at low", r.File, r.Line, r.Rule)
		case wantLow && !strings.Contains(r.Message, "cannot be reached from outside"):
			t.Errorf("%s:%d %s does not say why it is low: %s", r.File, r.Line, r.Rule, r.Message)
		case !wantLow && r.Capped:
			t.Errorf("%s:%d %s is capped at %v: %s", r.File, r.Line, r.Rule, r.MaxSeverity, r.Message)
		}
	}
}

// markedLow reports whether line of the file at p carries "# low".
func markedLow(t *testing.T, p string, line int) bool {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	return line >= 1 && line <= len(lines) && strings.Contains(lines[line-1], "# low")
}
