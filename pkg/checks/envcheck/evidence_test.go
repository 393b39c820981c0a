package envcheck

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/config"
)

// TestEvidence checks what the check says it read for the scorecard's
// config row, on fixture portals: production env files and deploy
// manifests with their keys counted, the process environment when asked
// for, and a checkout without a production env file. No value is named.
func TestEvidence(t *testing.T) {
	base := filepath.Join("..", "..", "..", "testdata", "prodconfig")
	tests := []struct {
		name, dir string
		environ   []string
		want      []string
	}{
		{"vulnerable", filepath.Join("nextjs", "vulnerable"), nil, []string{
			"1 production env file checked (.env.production): 4 keys",
			"production environment of 4 deploy manifests checked: 15 keys",
		}},
		{"fixed", filepath.Join("nextjs", "fixed"), nil, []string{
			"1 production env file checked (.env.production): 5 keys",
			"production environment of 4 deploy manifests checked: 9 keys",
		}},
		{"process", filepath.Join("go", "fixed"), []string{"SESSION_SECRET=s3cr3t-value", "PORT=8080"}, []string{
			"the process environment checked: 2 keys",
			"1 production env file checked (.env.production): 5 keys",
			"production environment of 4 deploy manifests checked: 3 keys",
		}},
		{"none", filepath.Join("..", "specs", "valid"), nil, []string{"no production env file found (.env.production and the like, or --env)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := checktest.Tree(t, filepath.Join(base, tt.dir))
			tally := &check.Tally{}
			target := &check.Target{Root: tree.Root(), Tree: tree, Config: config.Default(), Environ: tt.environ, Tally: tally}
			if err := New().Run(context.Background(), target, func(check.Report) {}); err != nil {
				t.Fatal(err)
			}
			got := tally.Lines()
			for _, l := range got["config"] {
				if strings.Contains(l, "s3cr3t") {
					t.Fatalf("a line carries a value: %q", l)
				}
			}
			if !slices.Equal(got["config"], tt.want) || len(got) != 1 {
				t.Errorf("\n got %q\nwant config: %q", got, tt.want)
			}
		})
	}
}
