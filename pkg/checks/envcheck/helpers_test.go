package envcheck

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/rules"
)

// memFiles is an in-memory tree.
type memFiles map[string]string

func (m memFiles) Files() []string {
	var names []string
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func (m memFiles) Read(name string) ([]byte, error) {
	s, ok := m[name]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return []byte(s), nil
}

func loadCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// scenario is what one run of the check sees, built from a txtar-like
// text of "-- NAME --" sections (see rules/env.yaml).
type scenario struct {
	tree     memFiles
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
	sc := scenario{tree: memFiles{}, cfg: config.Default(), root: filepath.Join(dir, "repo")}
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
			p := filepath.Join(sc.root, ".launchgate.yml")
			writeFile(t, p, content)
			cfg, err := config.Load(p)
			if err != nil {
				t.Fatal(err)
			}
			sc.cfg = cfg
		case strings.HasPrefix(name, "/"):
			p := filepath.Join(dir, "outside", filepath.FromSlash(name))
			writeFile(t, p, content)
			sc.envFiles = append(sc.envFiles, p)
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

func writeFile(t *testing.T, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
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
