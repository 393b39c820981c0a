package cors

import (
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/testkit"
)

// target is the folder root as a scan with cfg (nil for none) sees it.
func target(t testing.TB, root string, cfg *config.Config) *check.Target {
	t.Helper()
	tree := checktest.Tree(t, root)
	return &check.Target{Root: tree.Root(), Tree: tree, Config: cfg}
}

// runFiles writes files (slash path → content) to a temporary folder and
// runs the check over it.
func runFiles(t testing.TB, c *check.Check, files map[string]string, cfg *config.Config) []check.Report {
	t.Helper()
	root := t.TempDir()
	testkit.WriteFiles(t, root, files)
	return checktest.Reports(t, c, target(t, root, cfg))
}
