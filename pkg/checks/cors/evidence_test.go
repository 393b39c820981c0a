package cors

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/config"
)

// TestEvidence checks what the check says it read for the scorecard's
// cors and transport rows, on fixture portals: the files the rules read,
// the allowed origins of the portal's config, and the places that set a
// session cookie without Secure or HttpOnly (some in a vulnerable twin,
// none in its fixed one).
func TestEvidence(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Join("..", "..", "..", "testdata")
	tests := []struct {
		name, dir string
		want      map[string][]string
	}{
		{"express vulnerable", filepath.Join("prodconfig", "express", "vulnerable"), map[string][]string{
			"cors":      {"CORS configuration looked for in 3 files; allowed origins: https://portal.acme-invoices.com (.launchgate.yml cors.allowed_origins)"},
			"transport": {"session cookie settings looked for in 8 files: 3 places set a cookie without Secure or HttpOnly"},
		}},
		{"express fixed", filepath.Join("prodconfig", "express", "fixed"), map[string][]string{
			"cors":      {"CORS configuration looked for in 3 files; allowed origins: https://portal.acme-invoices.com (.launchgate.yml cors.allowed_origins)"},
			"transport": {"session cookie settings looked for in 7 files: 0 places set a cookie without Secure or HttpOnly"},
		}},
		{"cookies vulnerable", filepath.Join("cookies", "vulnerable"), map[string][]string{
			"cors":      {"CORS configuration looked for in 0 files; no cors.allowed_origins in .launchgate.yml"},
			"transport": {"session cookie settings looked for in 7 files: 9 places set a cookie without Secure or HttpOnly"},
		}},
		{"cookies fixed", filepath.Join("cookies", "fixed"), map[string][]string{
			"cors":      {"CORS configuration looked for in 0 files; no cors.allowed_origins in .launchgate.yml"},
			"transport": {"session cookie settings looked for in 5 files: 0 places set a cookie without Secure or HttpOnly"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := filepath.Join(base, tt.dir)
			cfg, err := config.LoadDefault(root)
			if err != nil {
				t.Fatal(err)
			}
			target := target(t, root, cfg)
			target.Tally = &check.Tally{}
			if err := c.Run(context.Background(), target, func(check.Report) {}); err != nil {
				t.Fatal(err)
			}
			got := target.Tally.Lines()
			for _, area := range []string{"cors", "transport"} {
				if !slices.Equal(got[area], tt.want[area]) {
					t.Errorf("%s:\n got %q\nwant %q", area, got[area], tt.want[area])
				}
			}
			if len(got) != 2 {
				t.Errorf("evidence in %d areas, want cors and transport: %q", len(got), got)
			}
		})
	}
}
