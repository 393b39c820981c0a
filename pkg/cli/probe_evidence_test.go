package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/probe/portaltest"
)

// scorecardEvidence decodes a JSON report's scorecard: each row's
// evidence lines by area.
func scorecardEvidence(t *testing.T, stdout string) map[string][]string {
	t.Helper()
	var rep struct {
		Summary struct {
			Scorecard []struct {
				ID       string   `json:"id"`
				Evidence []string `json:"evidence"`
			} `json:"scorecard"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	out := map[string][]string{}
	for _, row := range rep.Summary.Scorecard {
		out[row.ID] = row.Evidence
	}
	return out
}

// hasPrefixLine reports whether one of lines starts with prefix.
func hasPrefixLine(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// `launchgate probe` on the hardened portal and `launchgate dns` on
// acme-fixed.example carry, in summary.scorecard, the evidence lines of
// the rows their checks cover, and no identity's token shows anywhere.
func TestLiveScorecardEvidence(t *testing.T) {
	p := portaltest.Start(t, portaltest.Hardened)
	res := runWith(t, portaltest.Dir(), probeEnv(p), "probe", "--url", p.URL, "--spec", "openapi.yaml", "--rate", "0", "--format", "json")
	if res.code != ExitOK {
		t.Fatalf("probe: exit %d: %s", res.code, res.stderr)
	}
	ev := scorecardEvidence(t, res.stdout)
	for area, prefix := range map[string]string{
		"auth":       p.URL + ": 13 of 13 probed operations refused a request without a token; 13 of 13 refused forged and expired tokens",
		"tenant":     "2 identities (alice, bob; tenants acme, globex): 5 cross-tenant reads refused, 0 served",
		"secrets":    "25 well-known paths fetched from " + p.URL + " (/.env, /.git/config, …): none served",
		"config":     "stack-trace probes on 4 spec routes (an unknown ID): no stack trace",
		"transport":  "certificate for 127.0.0.1 valid until ",
		"cors":       "5 forged origins (other site, null, suffix twin, prefix twin, plain http) refused on 5 of 5 authenticated routes",
		"monitoring": "health GET /health answered 200 in ",
		"edge":       "no CDN or WAF header on ",
	} {
		if !hasPrefixLine(ev[area], prefix) {
			t.Errorf("the %s row's evidence lacks %q: %q", area, prefix, ev[area])
		}
	}
	// Without --allow-writes the sign-in burst is not sent: the rate-limit
	// row says so, and with nothing else to vouch for it, it is not run.
	var rep struct {
		Summary struct {
			Scorecard []struct {
				ID         string   `json:"id"`
				Status     string   `json:"status"`
				Unverified []string `json:"unverified"`
			} `json:"scorecard"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	for _, row := range rep.Summary.Scorecard {
		if row.ID == "ratelimit" && (row.Status != "not run" || !hasPrefixLine(row.Unverified, "sign-in burst to POST /api/login not sent (needs --allow-writes)")) {
			t.Errorf("the ratelimit row is %q with unverified %q; want not run, saying the burst was not sent", row.Status, row.Unverified)
		}
	}
	if !hasPrefixLine(ev["tenant"], "1 admin identity: 1 of 1 admin operations refused to non-admins") {
		t.Errorf("the tenant row's evidence says nothing of the admin operations: %q", ev["tenant"])
	}
	if !hasPrefixLine(ev["monitoring"], "GET /api/invoices as alice: p50 ") {
		t.Errorf("the monitoring row's evidence has no latency line: %q", ev["monitoring"])
	}
	text := res.stdout + res.stderr
	for name, tok := range p.Tokens {
		for _, piece := range append([]string{tok}, strings.Split(tok, ".")...) {
			if len(piece) >= 8 && strings.Contains(text, piece) {
				t.Errorf("the probe's output shows a piece of %s's token", name)
			}
		}
	}

	srv := dnsServer(t)
	dns := run(t, t.TempDir(), "dns", "acme-fixed.example", "--resolver", srv.Addr, "--format", "json", "--fail-on", "never")
	if dns.code != ExitOK {
		t.Fatalf("dns: exit %d: %s", dns.code, dns.stderr)
	}
	ev = scorecardEvidence(t, dns.stdout)
	for _, want := range []string{
		"SPF of acme-fixed.example: 4 of 10 lookups, 0 of 2 void, ends -all",
		"DMARC at _dmarc.acme-fixed.example: p=reject, rua=mailto:dmarc@acme-fixed.example",
		"DKIM google (Google Workspace): RSA 2048 bits",
		"MX of acme-fixed.example: 1 host, all resolve; ",
	} {
		if !hasPrefixLine(ev["email"], want) {
			t.Errorf("the email row's evidence lacks %q: %q", want, ev["email"])
		}
	}
	if !hasPrefixLine(ev["transport"], "CAA at acme-fixed.example: letsencrypt.org") {
		t.Errorf("the transport row's evidence lacks the CAA line: %q", ev["transport"])
	}
}
