package manifests

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestEvidence checks what the check says it read for the scorecard's
// config row: the manifests of a vulnerable twin with their secrets
// counted, the same manifests of the fixed twin with none, and a checkout
// without a manifest.
func TestEvidence(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	testdata := filepath.Join("..", "..", "..", "testdata")
	for _, tt := range []struct{ name, dir, want string }{
		{"vulnerable", filepath.Join("prodconfig", "nextjs", "vulnerable"),
			"4 deploy manifests checked for literal secrets (.github/workflows/deploy.yml, Dockerfile, netlify.toml and 1 more): 7 found"},
		{"fixed", filepath.Join("prodconfig", "nextjs", "fixed"),
			"4 deploy manifests checked for literal secrets (.github/workflows/deploy.yml, Dockerfile, netlify.toml and 1 more): 0 found"},
		{"many", filepath.Join("debug", "vulnerable"),
			"8 deploy manifests checked for literal secrets (Dockerfile, Dockerfile.dev, config/environments/production.rb and 5 more): 0 found"},
		{"none", filepath.Join("specs", "valid"),
			"no deploy manifest found (Dockerfile, Compose, Kubernetes, platform files, GitHub workflows)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tree := checktest.Tree(t, filepath.Join(testdata, tt.dir))
			tally := &check.Tally{}
			target := &check.Target{Root: tree.Root(), Tree: tree, Tally: tally}
			if err := c.Run(context.Background(), target, func(check.Report) {}); err != nil {
				t.Fatal(err)
			}
			got := tally.Lines()
			if want := []string{tt.want}; !slices.Equal(got["config"], want) || len(got) != 1 {
				t.Errorf("\n got %q\nwant config: %q", got, want)
			}
		})
	}
}
