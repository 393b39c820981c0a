package openapi

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
)

// tallyOf runs the check on specs under root with a Tally and returns what
// it recorded.
func tallyOf(t *testing.T, root string, specs []string, cfg *config.Config) map[string][]string {
	t.Helper()
	tally := &check.Tally{}
	target := &check.Target{Root: root, Specs: specs, Config: cfg, Tally: tally}
	if err := New().Run(context.Background(), target, func(check.Report) {}); err != nil {
		t.Fatalf("Run: %v", err)
	}
	return tally.Lines()
}

// TestEvidence checks the lines the check records for the scorecard: on
// the vulnerable portal the counts show its holes (an undefined scheme, an
// optional-auth download and a route without auth; two object routes
// without a scope; admin routes an ordinary token opens; a plain-http
// server; an API key in the query; a login without a rate limit), on the
// fixed one they show everything in place, and several documents are
// counted together.
func TestEvidence(t *testing.T) {
	openapiDir := filepath.Join("..", "..", "..", "testdata", "openapi")
	vulnerable := folderFixture(t, filepath.Join(portalDir, "vulnerable"))
	fixed := folderFixture(t, filepath.Join(portalDir, "fixed"))
	const unread = "missing.yaml not loaded (openapi/invalid-document), so none of its operations was checked"
	tests := []struct {
		name  string
		root  string
		specs []string
		cfg   *config.Config
		want  map[string][]string
	}{
		{
			name: "vulnerable portal", root: vulnerable.root, specs: vulnerable.specs, cfg: vulnerable.cfg,
			want: map[string][]string{
				"auth":   {"openapi.yaml: 18 of 28 operations declare auth; 7 declared public (x-launchgate-public or config public routes)"},
				"tenant": {"openapi.yaml: 7 operations take an object ID; 5 declare a tenant or ownership check; 0 of 3 admin operations require a role or scope"},
				"transport": {
					"openapi.yaml: 2 servers: 1 https, 1 plain http",
					"openapi.yaml: 2 security schemes; 1 sends an API key in the query; 0 use HTTP Basic or Digest",
				},
				"ratelimit":  {"openapi.yaml: 6 sensitive operations (login, one-time code, password reset, sign-up, token refresh); 5 declare a 429 or rate limit"},
				"monitoring": {"openapi.yaml: health route GET /healthz declared"},
			},
		},
		{
			name: "fixed portal", root: fixed.root, specs: fixed.specs, cfg: fixed.cfg,
			want: map[string][]string{
				"auth":   {"openapi.yaml: 21 of 28 operations declare auth; 7 declared public (x-launchgate-public or config public routes)"},
				"tenant": {"openapi.yaml: 10 operations take an object ID; 10 declare a tenant or ownership check; 3 of 3 admin operations require a role or scope"},
				"transport": {
					"openapi.yaml: 3 servers: 2 https, 0 plain http, 1 relative, local or templated",
					"openapi.yaml: 2 security schemes; 0 send an API key in the query; 0 use HTTP Basic or Digest",
				},
				"ratelimit":  {"openapi.yaml: 6 sensitive operations (login, one-time code, password reset, sign-up, token refresh); 6 declare a 429 or rate limit"},
				"monitoring": {"openapi.yaml: health route GET /healthz declared"},
			},
		},
		{
			name: "several documents and one unreadable", root: openapiDir, cfg: config.Default(),
			specs: []string{"basic-auth-30.yaml", "admin-30.yaml", "missing.yaml"},
			want: map[string][]string{
				"auth": {
					unread,
					"2 spec documents: 6 of 8 operations declare auth; 2 declared public (x-launchgate-public or config public routes)",
				},
				"tenant": {
					unread,
					"2 spec documents: 0 operations take an object ID; 0 declare a tenant or ownership check; 2 of 4 admin operations require a role or scope",
				},
				"transport": {
					unread,
					"2 spec documents: 1 server, all https",
					"2 spec documents: 5 security schemes; 0 send an API key in the query; 2 use HTTP Basic or Digest",
				},
				"ratelimit": {
					unread,
					"2 spec documents: no sensitive operations (login, token, password reset, sign-up, one-time code, magic link)",
				},
				"monitoring": {unread, "2 spec documents: 2 declare a health route (GET /health)"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tallyOf(t, tt.root, tt.specs, tt.cfg)
			for _, area := range []string{"auth", "tenant", "transport", "ratelimit", "monitoring"} {
				if !slices.Equal(got[area], tt.want[area]) {
					t.Errorf("%s:\n got %q\nwant %q", area, got[area], tt.want[area])
				}
			}
			for area := range got {
				if _, ok := tt.want[area]; !ok {
					t.Errorf("lines in area %s, which the check does not cover: %q", area, got[area])
				}
			}
		})
	}
}
