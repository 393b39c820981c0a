package cors

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/source"
	"github.com/launchgate/launchgate/rules"
)

func loadCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// runDir runs the check over the folder root with cfg (nil for none).
func runDir(t testing.TB, c *check.Check, root string, cfg *config.Config) []check.Report {
	t.Helper()
	tree, err := source.ListTree(context.Background(), root, source.TreeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	target := &check.Target{Root: tree.Root(), Tree: tree, Config: cfg}
	if !c.Applies(target) {
		t.Fatal("the check does not apply to a target with a tree")
	}
	var out []check.Report
	if err := c.Run(context.Background(), target, func(r check.Report) { out = append(out, r) }); err != nil {
		t.Fatal(err)
	}
	return out
}

// runFiles writes files (slash path → content) to a temporary folder and
// runs the check over it.
func runFiles(t testing.TB, c *check.Check, files map[string]string, cfg *config.Config) []check.Report {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return runDir(t, c, root, cfg)
}
