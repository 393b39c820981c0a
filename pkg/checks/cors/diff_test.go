package cors

import (
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/testkit"
)

// TestDiffReadsChangedFiles holds a diff scan to the files the range
// changed: a finding in any other file would be dropped by the diff
// filter, so reading it is wasted work. Both the line rules and the
// allow-list check pass over the unchanged file.
func TestDiffReadsChangedFiles(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	src := "app.use(cors({ origin: \"https://evil.example\" }));\napp.use(\"/b\", cors());\n"
	testkit.WriteFiles(t, root, map[string]string{
		"src/changed.ts":   src,
		"src/unchanged.ts": src,
	})
	cfg := config.Default()
	cfg.CORS.AllowedOrigins = []string{"https://portal.example"}
	// The full scan folds the second file's allow-all into the first's.
	full := target(t, root, cfg)
	checktest.Compare(t, where(checktest.Reports(t, c, full)), []string{
		"src/changed.ts:1 cors/origin-not-allowed",
		"src/changed.ts:2 cors/allow-all-origins",
		"src/unchanged.ts:1 cors/origin-not-allowed",
	})

	diff := target(t, root, cfg)
	diff.Diff = &check.Range{Base: "main", Head: "HEAD"}
	diff.Changed = func(file string) bool { return file == "src/changed.ts" }
	checktest.Compare(t, where(checktest.Reports(t, c, diff)), []string{
		"src/changed.ts:1 cors/origin-not-allowed",
		"src/changed.ts:2 cors/allow-all-origins",
	})
}
