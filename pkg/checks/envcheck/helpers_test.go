package envcheck

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/testkit"
)

// scenario is what one run of the check sees, built from a txtar-like
// text of "-- NAME --" sections (see rules/env.yaml).
type scenario struct {
	tree     checktest.MemFiles
	envFiles []string
	environ  []string
	cfg      *config.Config
	root     string
}

// parseScenario reads text into a scenario. Sections named "/…" are
// written under a temporary folder outside the root and become --env
// files; "(config)" is written and loaded as the config.
func parseScenario(t *testing.T, text string) scenario {
	t.Helper()
	dir := t.TempDir()
	sc := scenario{tree: checktest.MemFiles{}, cfg: config.Default(), root: filepath.Join(dir, "repo")}
	name := ""
	var body strings.Builder
	flush := func() {
		if name == "" {
			return
		}
		content := body.String()
		switch {
		case name == "(process)":
			sc.environ = []string{}
			for _, l := range strings.Split(strings.TrimRight(content, "\n"), "\n") {
				if l != "" {
					sc.environ = append(sc.environ, l)
				}
			}
		case name == "(config)":
			testkit.WriteFiles(t, sc.root, map[string]string{".launchgate.yml": content})
			cfg, err := config.Load(filepath.Join(sc.root, ".launchgate.yml"))
			if err != nil {
				t.Fatal(err)
			}
			sc.cfg = cfg
		case strings.HasPrefix(name, "/"):
			outside := filepath.Join(dir, "outside")
			testkit.WriteFiles(t, outside, map[string]string{name: content})
			sc.envFiles = append(sc.envFiles, filepath.Join(outside, filepath.FromSlash(name)))
		default:
			sc.tree[name] = content
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
	return sc
}

// runScenario runs the check over sc and returns its reports.
func runScenario(t *testing.T, sc scenario) []check.Report {
	t.Helper()
	var out []check.Report
	in := inputs{root: sc.root, tree: sc.tree, fromGit: true, envFiles: sc.envFiles, environ: sc.environ, cfg: sc.cfg}
	if err := run(context.Background(), in, func(r check.Report) { out = append(out, r) }); err != nil {
		t.Fatal(err)
	}
	return out
}

// rulesOf lists the rules of reports, one per report.
func rulesOf(reports []check.Report) []string {
	var out []string
	for _, r := range reports {
		out = append(out, r.Rule)
	}
	return out
}
