package monitors

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/spec"
	"github.com/launchgate/launchgate/pkg/testkit"
)

// writeScenario writes a txtar-like text of "-- PATH --" sections into a
// new folder; the section "(config)" becomes .launchgate.yml.
func writeScenario(t *testing.T, text string) string {
	t.Helper()
	files := map[string]string{}
	name := ""
	var body strings.Builder
	flush := func() {
		if name != "" {
			if name == "(config)" {
				name = ".launchgate.yml"
			}
			files[name] = body.String()
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") {
			flush()
			name = strings.TrimSuffix(strings.TrimPrefix(trimmed, "-- "), " --")
			continue
		}
		body.WriteString(line)
	}
	flush()
	dir := t.TempDir()
	testkit.WriteFiles(t, dir, files)
	return dir
}

// scanDir runs the check over the checkout at dir as a scan would: its
// tree, its .launchgate.yml and the specs discovered in it. It returns
// nil reports when the check does not apply, and the evidence recorded.
func scanDir(t *testing.T, dir string) ([]check.Report, *check.Tally, bool) {
	t.Helper()
	cfg := config.Default()
	if _, err := os.Stat(filepath.Join(dir, ".launchgate.yml")); err == nil {
		if cfg, err = config.Load(filepath.Join(dir, ".launchgate.yml")); err != nil {
			t.Fatal(err)
		}
	}
	specs, err := spec.Discover(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	tally := &check.Tally{}
	target := &check.Target{Root: dir, Specs: specs, Config: cfg, Tree: checktest.Tree(t, dir), Tally: tally}
	c := New()
	if !c.Applies(target) {
		return nil, tally, false
	}
	var out []check.Report
	if err := c.Run(context.Background(), target, func(r check.Report) { out = append(out, r) }); err != nil {
		t.Fatal(err)
	}
	return out, tally, true
}
