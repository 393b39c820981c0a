package secretscan

import (
	"log/slog"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/secrets"
	"github.com/launchgate/launchgate/pkg/testkit"
)

// secretsLines runs the check on target with a Tally and returns its
// evidence for the secrets row.
func secretsLines(t *testing.T, eng *secrets.Engine, target *check.Target) []string {
	t.Helper()
	target.Tally = &check.Tally{}
	target.Config = config.Default()
	target.Logger = slog.New(slog.DiscardHandler)
	checktest.Reports(t, New(func() (*secrets.Engine, error) { return eng, nil }, nil), target)
	lines := target.Tally.Lines()
	for area := range lines {
		if area != "secrets" {
			t.Errorf("evidence for %s, which the check does not cover: %q", area, lines[area])
		}
	}
	return lines["secrets"]
}

// TestEvidence checks what the check says it scanned: the tree of the key
// material fixtures (where keys fire and where they stay quiet, the same
// count either way), a folder of it given as build output, and the lines
// a diff range adds.
func TestEvidence(t *testing.T) {
	eng := engine(t)
	rules := strconv.Itoa(eng.RuleCount())
	base := filepath.Join("..", "..", "..", "testdata", "secrets")
	tree := func(dir string) *check.Target {
		tr := checktest.Tree(t, filepath.Join(base, dir))
		return &check.Target{Root: tr.Root(), Tree: tr}
	}
	fires, quiet := tree(filepath.Join("keymaterial", "fires")), tree(filepath.Join("keymaterial", "quiet"))
	artifacts := tree("docs-examples")
	artifacts.Artifacts = []string{filepath.Join(artifacts.Root, "docs")}

	build := t.TempDir()
	testkit.WriteFiles(t, build, map[string]string{
		"release/site.zip":   string(zipOf(t, [2]string{"index.html", "<p>hi</p>\n"}, [2]string{"config.js", "export const a = 1;\n"})),
		"release/app.js":     "console.log(1);\n",
		"release/app.js.map": `{"version":3,"sources":["src/app.ts"],"sourcesContent":["console.log(1);"],"mappings":"AAAA"}`,
	})
	output := &check.Target{Root: build, Artifacts: []string{filepath.Join(build, "release")}}

	repo := t.TempDir()
	testkit.InitRepo(t, repo)
	testkit.WriteFiles(t, repo, map[string]string{"README.md": "app\n"})
	from := testkit.Commit(t, repo, "base")
	testkit.WriteFiles(t, repo, map[string]string{"README.md": "app\nmore\n", "src/config.ts": "export const a = 1;\nexport const b = 2;\n", "package-lock.json": "{}\n"})
	to := testkit.Commit(t, repo, "head")
	diff := &check.Target{Root: repo, Tree: checktest.Tree(t, repo), Diff: &check.Range{Base: from, Head: to}}
	whole := &check.Target{Root: repo, Tree: checktest.Tree(t, repo)}

	tests := []struct {
		name   string
		target *check.Target
		want   []string
	}{
		{"fires", fires, []string{"24 files scanned (4.1 KB) with RULES secret rules"}},
		{"quiet", quiet, []string{"20 files scanned (2.7 KB) with RULES secret rules"}},
		{"tree and artifacts", artifacts, []string{
			"7 files scanned (2.7 KB) with RULES secret rules",
			"1 build artifact scanned: 1 file (167 B)",
		}},
		{"build output", output, []string{"1 build artifact scanned: 4 files (139 B), 1 archive opened, original sources of 1 source map"}},
		{"lock file left out", whole, []string{"2 files scanned (49 B) with RULES secret rules; 1 lock, test and fixture file left out"}},
		{"diff", diff, []string{"added lines of " + short(from) + ".." + short(to) + " only: 3 lines in 2 files scanned with RULES secret rules"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := secretsLines(t, eng, tt.target)
			want := make([]string, len(tt.want))
			for i, w := range tt.want {
				want[i] = strings.ReplaceAll(w, "RULES", rules)
			}
			if !slices.Equal(got, want) {
				t.Errorf("\n got %q\nwant %q", got, want)
			}
		})
	}
}
