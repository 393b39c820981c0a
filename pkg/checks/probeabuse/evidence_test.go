package probeabuse

import (
	"regexp"
	"strings"
	"testing"
)

// TestEvidence checks the lines the run records for the scorecard on a
// hardened deployment and an exposed one: the same facts, counted,
// whichever way each row goes. Timings vary, so they read "N ms".
func TestEvidence(t *testing.T) {
	timing := regexp.MustCompile(`(under )?[0-9]+(\.[0-9])? ms`)
	cases := []struct {
		name string
		sc   scenario
		want map[string][]string
		// unverified are the lines of what could not be verified.
		unverified map[string][]string
	}{
		{"hardened", scenario{CORS: "allowlist", Login: "throttle", Flags: []string{"--allow-writes"},
			Host: "portal.example.com", Headers: map[string]string{"Cf-Ray": "8a1b2c3d4e5f-AMS"}}, map[string][]string{
			"cors":      {"5 forged origins (other site, null, suffix twin, prefix twin, plain http) refused on 1 of 1 authenticated route"},
			"ratelimit": {"POST /api/login throttled after 5 failed sign-ins (429 on sign-in 6, Retry-After 60)"},
			"monitoring": {
				"health GET /healthz answered 200 in N ms",
				"GET /api/invoices as alice: p50 N ms, p95 N ms, p99 N ms (budget N ms, 30 samples)",
			},
			"edge": {"Cloudflare in front (its headers on 50 of 50 responses)"},
		}, nil},
		{"exposed", scenario{CORS: "reflect-credentials", Login: "open", Health: "down", Flags: []string{"--allow-writes"},
			Host: "portal.example.com"}, map[string][]string{
			"cors":      {"5 forged origins (other site, null, suffix twin, prefix twin, plain http) refused on 0 of 1 authenticated route (credentialed reads allowed on 1)"},
			"ratelimit": {"POST /api/login took 20 failed sign-ins in a row without a 429 or a lockout"},
			"monitoring": {
				"health GET /healthz answered 503 in N ms",
				"GET /api/invoices as alice: p50 N ms, p95 N ms, p99 N ms (budget N ms, 30 samples)",
			},
			"edge": {"no CDN or WAF header on 64 responses"},
		}, nil},
		{"loopback, no writes", scenario{CORS: "null"}, map[string][]string{
			"cors": {"5 forged origins (other site, null, suffix twin, prefix twin, plain http) refused on 0 of 1 authenticated route (credentialed reads allowed on 1)"},
			"edge": {"no CDN or WAF header on 44 responses (127.0.0.1 is a loopback or private host: none expected)"},
		}, map[string][]string{
			// Without --allow-writes the rate-limit row is not verified.
			"ratelimit": {"sign-in burst to POST /api/login not sent (needs --allow-writes)"},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := probeScenario(t, tc.sc)
			got := res.tally.Lines()
			for area, want := range tc.want {
				var lines []string
				for _, l := range got[area] {
					lines = append(lines, timing.ReplaceAllString(l, "N ms"))
				}
				if strings.Join(lines, "\n") != strings.Join(want, "\n") {
					t.Errorf("%s lines:\n%s\nwant:\n%s", area, strings.Join(lines, "\n"), strings.Join(want, "\n"))
				}
			}
			unverified := res.tally.UnverifiedLines()
			for area, want := range tc.unverified {
				if strings.Join(unverified[area], "\n") != strings.Join(want, "\n") {
					t.Errorf("%s unverified:\n%s\nwant:\n%s", area, strings.Join(unverified[area], "\n"), strings.Join(want, "\n"))
				}
			}
			if len(tc.unverified) == 0 && len(unverified) > 0 {
				t.Errorf("unverified %v, want none", unverified)
			}
			for _, ls := range got {
				for _, l := range ls {
					if strings.Contains(l, "test-token-alice") || strings.Contains(l, "8a1b2c3d") {
						t.Errorf("a line carries a header value: %s", l)
					}
				}
			}
		})
	}
}
