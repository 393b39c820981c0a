package probetransport

import (
	"regexp"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/probe/portaltest"
)

// normal replaces what changes from run to run (dates, loopback ports)
// in evidence lines.
func normal(lines []string) string {
	date := regexp.MustCompile(`[0-9]{4}-[0-9]{2}-[0-9]{2}`)
	port := regexp.MustCompile(`127\.0\.0\.1:[0-9]+`)
	var out []string
	for _, l := range lines {
		out = append(out, port.ReplaceAllString(date.ReplaceAllString(l, "DATE"), "127.0.0.1:PORT"))
	}
	return strings.Join(out, "\n")
}

// TestEvidence checks the transport lines recorded for a hardened
// deployment and a weak one: the same four facts, counted, whichever way
// the row goes, and no header value but HSTS's directives.
func TestEvidence(t *testing.T) {
	hardened := reply{ContentType: "application/json", Headers: map[string]string{
		"Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload",
		"X-Content-Type-Options":    "nosniff", "Cache-Control": "no-store",
		"X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"},
		Cookies: []string{"session=opaque-cookie-value; Secure; HttpOnly; SameSite=Lax"}}
	home := hardened
	home.ContentType = "text/html"
	cases := []struct {
		name string
		sc   scenario
		want []string
	}{
		{"hardened", scenario{Cert: "valid", Base: home, API: &hardened, PlainHTTP: "redirect-https"}, []string{
			"certificate for 127.0.0.1 valid until DATE (issuer probetransport test CA), TLS 1.3 negotiated, TLS 1.0 and 1.1 refused",
			"plain http://127.0.0.1:PORT redirects (301) to https on 127.0.0.1",
			"HSTS on 2 of 2 HTTPS responses: max-age=63072000; includeSubDomains; preload",
			"security headers on 2 of 2 responses (HTML and JSON): all set; no version banner; session cookies session Secure, HttpOnly and SameSite",
		}},
		{"weak", scenario{Cert: "valid", TLS: "tls10-and-newer", PlainHTTP: "serves",
			Base: reply{Headers: map[string]string{"Server": "nginx/1.18.0"}, Cookies: []string{"sid=opaque-cookie-value"}}}, []string{
			"certificate for 127.0.0.1 valid until DATE (issuer probetransport test CA), TLS 1.3 negotiated, TLS 1.1 also accepted",
			"plain http://127.0.0.1:PORT serves content (200) instead of redirecting to https",
			"HSTS on 0 of 1 HTTPS responses",
			"security headers on 1 of 1 responses (HTML): missing X-Content-Type-Options: nosniff, Content-Security-Policy frame-ancestors or X-Frame-Options, Referrer-Policy; version named in Server; session cookies sid lack an attribute",
		}},
		{"expired", scenario{Cert: "expired"}, []string{
			"certificate for 127.0.0.1 does not verify: it expired on DATE",
		}},
		{"plain http", scenario{Scheme: "http"}, []string{
			"http://127.0.0.1:PORT is plain http: no certificate or TLS to check",
			"security headers on 1 of 1 responses (HTML): missing X-Content-Type-Options: nosniff, Content-Security-Policy frame-ancestors or X-Frame-Options, Referrer-Policy; no version banner",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tally := &check.Tally{}
			probeTally(t, tc.sc, tally)
			got := tally.Lines()
			if g, w := normal(got["transport"]), strings.Join(tc.want, "\n"); g != w {
				t.Errorf("lines:\n%s\nwant:\n%s", g, w)
			}
			for _, l := range got["transport"] {
				if strings.Contains(l, "opaque-cookie-value") || strings.Contains(l, "nginx/1.18") || strings.Contains(l, "test-token-alice") {
					t.Errorf("a line carries a header value: %s", l)
				}
			}
		})
	}
}

// TestEvidencePortal: the twins of the test portal differ in HSTS and
// headers, and the lines say so.
func TestEvidencePortal(t *testing.T) {
	for name, want := range map[string][]string{
		"hardened": {
			"certificate for 127.0.0.1 valid until DATE (issuer launchgate test CA), TLS 1.3 negotiated, TLS 1.0 and 1.1 refused",
			"HSTS on 2 of 2 HTTPS responses: max-age=63072000; includeSubDomains",
			"security headers on 0 of 2 responses (none a 2xx HTML or JSON answer); no version banner",
		},
		// (12) nginx's version in Server, no HSTS, no nosniff nor no-store.
		"vulnerable": {
			"certificate for 127.0.0.1 valid until DATE (issuer launchgate test CA), TLS 1.3 negotiated, TLS 1.0 and 1.1 refused",
			"HSTS on 0 of 2 HTTPS responses",
			"security headers on 1 of 2 responses (JSON): missing X-Content-Type-Options: nosniff, Cache-Control: no-store on an authenticated response; version named in Server",
		},
	} {
		t.Run(name, func(t *testing.T) {
			tally := &check.Tally{}
			probePortalTally(t, map[string]portaltest.Twin{"hardened": portaltest.Hardened, "vulnerable": portaltest.Vulnerable}[name], tally)
			if g, w := normal(tally.Lines()["transport"]), strings.Join(want, "\n"); g != w {
				t.Errorf("lines:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}
