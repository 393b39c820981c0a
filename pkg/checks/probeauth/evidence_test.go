package probeauth

import (
	"net/http"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/config"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/probe/portaltest"
)

// TestEvidence checks the lines the check records for the scorecard on
// each twin: the counts differ (the vulnerable twin serves a
// cross-tenant read, the hardened one none), the shape does not, and no
// line carries a token.
func TestEvidence(t *testing.T) {
	cases := []struct {
		twin        portaltest.Twin
		allowWrites bool
		auth        []string
		tenant      []string
	}{
		{portaltest.Hardened, false,
			[]string{
				"ORIGIN: 13 of 13 probed operations refused a request without a token; 13 of 13 refused forged and expired tokens",
				"ORIGIN: 7 operations not probed (the coverage lists why)",
			},
			[]string{
				"2 identities (alice, bob; tenants acme, globex): 5 cross-tenant reads refused, 0 served",
				"cross-tenant lists: 7 compared, 0 held another tenant's objects",
				"1 admin identity: 1 of 1 admin operations refused to non-admins",
			}},
		{portaltest.Vulnerable, false,
			[]string{
				// (1) the invoice PDF without a token; (2), (3a), (4) alg none,
				// a tampered signature and garbage Basic credentials.
				"ORIGIN: 12 of 13 probed operations refused a request without a token; 9 of 12 refused forged and expired tokens",
				"ORIGIN: 7 operations not probed (the coverage lists why)",
			},
			[]string{
				// (5) bob reads alice's invoice; (6) the ticket list leaks;
				// (7) the admin console lets users in. The operations that
				// fail earlier are not asked as the other tenant.
				"2 identities (alice, bob; tenants acme, globex): 3 cross-tenant reads refused, 1 served",
				"cross-tenant lists: 7 compared, 1 held another tenant's objects",
				"1 admin identity: 0 of 1 admin operations refused to non-admins",
			}},
		{portaltest.Vulnerable, true,
			nil,
			[]string{
				"2 identities (alice, bob; tenants acme, globex): 3 cross-tenant reads refused, 1 served",
				"cross-tenant lists: 7 compared, 1 held another tenant's objects",
				// (8) bob's PUT on alice's project.
				"cross-tenant writes: 2 refused, 1 accepted",
				"1 admin identity: 0 of 1 admin operations refused to non-admins",
			}},
	}
	for _, tc := range cases {
		name := map[portaltest.Twin]string{portaltest.Hardened: "hardened", portaltest.Vulnerable: "vulnerable"}[tc.twin]
		if tc.allowWrites {
			name += " allow-writes"
		}
		t.Run(name, func(t *testing.T) {
			p := portaltest.Start(t, tc.twin)
			tally := &check.Tally{}
			probeRules(t, p.URL, p.CAFile, p.Env(), tc.allowWrites, tally)
			got := tally.Lines()
			for area, want := range map[string][]string{"auth": tc.auth, "tenant": tc.tenant} {
				if want == nil {
					continue
				}
				for i := range want {
					want[i] = strings.ReplaceAll(want[i], "ORIGIN", p.URL)
				}
				if strings.Join(got[area], "\n") != strings.Join(want, "\n") {
					t.Errorf("%s lines:\n%s\nwant:\n%s", area, strings.Join(got[area], "\n"), strings.Join(want, "\n"))
				}
			}
			noTokens(t, got, p)
		})
	}
}

// noTokens fails when a line carries one of the portal's tokens; the
// failure names the identity, never the token.
func noTokens(t *testing.T, lines map[string][]string, p *portaltest.Portal) {
	t.Helper()
	for area, ls := range lines {
		for _, l := range ls {
			for name, tok := range p.Tokens {
				if strings.Contains(l, tok) {
					t.Errorf("a %s line carries %s's token", area, name)
				}
			}
		}
	}
}

// TestEvidenceOneIdentity: with one identity, the tenant row says the
// cross-tenant reads were not tested and why; the auth row counts the
// one operation, and a target that answers nothing says so.
func TestEvidenceOneIdentity(t *testing.T) {
	const token = "tok-valid-1234"
	ids := []config.Identity{{Name: "alice", Tenant: "acme", Headers: map[string]string{"Authorization": "Bearer " + token}}}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/items" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("Authorization") != "Bearer "+token {
			http.Error(w, "no", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`[{"id":"itm_1"}]`))
	})
	tally := &check.Tally{}
	probeServedTally(t, loginSpec, h, nil, ids, tally)
	got := tally.Lines()
	if len(got["auth"]) != 1 || !strings.HasSuffix(got["auth"][0], ": 1 of 1 probed operations refused a request without a token; 1 of 1 refused forged and expired tokens") {
		t.Errorf("auth lines: %q", got["auth"])
	}
	// With one identity the tenant row has nothing verified, only what
	// could not be, so it is not a pass.
	want := "1 identity: cross-tenant reads not tested (needs two identities of two tenants)"
	if unverified := tally.UnverifiedLines()["tenant"]; len(unverified) != 1 || unverified[0] != want {
		t.Errorf("unverified tenant lines: %q, want %q", unverified, want)
	}
	if len(got["tenant"]) != 0 {
		t.Errorf("tenant lines %q, want none verified", got["tenant"])
	}
	for _, ls := range got {
		for _, l := range ls {
			if strings.Contains(l, token) {
				t.Error("a line carries the identity's token")
			}
		}
	}
}
