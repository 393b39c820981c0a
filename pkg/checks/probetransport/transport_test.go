package probetransport

import (
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/rules"
)

// severity is the report's severity: the rule's, raised or capped as the
// report asks.
func severity(t *testing.T, rep check.Report) finding.Severity {
	t.Helper()
	cat, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	s := cat.Rule(rep.Rule).Severity
	if rep.MinSeverity > s {
		s = rep.MinSeverity
	}
	if rep.Capped && s > rep.MaxSeverity {
		s = rep.MaxSeverity
	}
	return s
}

// one returns the single report of rule, failing otherwise.
func one(t *testing.T, reports []check.Report, rule string) check.Report {
	t.Helper()
	got := only(reports, rule)
	if len(got) != 1 {
		t.Fatalf("%d reports of %s, want 1: %v", len(got), rule, reports)
	}
	return got[0]
}

func TestCertificateInvalidSaysWhy(t *testing.T) {
	for cert, want := range map[string]string{
		"expired":    "expired on ",
		"wrong-host": "issued for other.example, www.other.example, not for 127.0.0.1",
		"unknown-ca": "unknown authority",
	} {
		t.Run(cert, func(t *testing.T) {
			got := probe(t, scenario{Cert: cert})
			rep := one(t, got, ruleInvalid)
			if !strings.Contains(rep.Message, want) {
				t.Errorf("message %q, want it to say %q", rep.Message, want)
			}
			if len(got) != 1 {
				t.Errorf("a certificate that does not verify must stop the rest, got %v", got)
			}
		})
	}
}

func TestCertificateExpiringSeverity(t *testing.T) {
	if s := severity(t, one(t, probe(t, scenario{Cert: "expiring-10d"}), ruleExpiring)); s != finding.High {
		t.Errorf("10 days left: %v, want high", s)
	}
	if s := severity(t, one(t, probe(t, scenario{Cert: "expiring-20d"}), ruleExpiring)); s != finding.Medium {
		t.Errorf("20 days left: %v, want medium", s)
	}
}

func TestWeakTLSSaysWhat(t *testing.T) {
	for name, c := range map[string]struct {
		sc   scenario
		want string
	}{
		"tls10-only":      {scenario{TLS: "tls10-only"}, "TLS 1.0"},
		"tls10-and-newer": {scenario{TLS: "tls10-and-newer"}, "accepts a TLS 1.1 handshake"},
		"rsa1024":         {scenario{Cert: "rsa1024"}, "1024-bit RSA key"},
	} {
		t.Run(name, func(t *testing.T) {
			rep := one(t, probe(t, c.sc), ruleWeakTLS)
			if !strings.Contains(rep.Message, c.want) {
				t.Errorf("message %q, want %q", rep.Message, c.want)
			}
		})
	}
}

func TestHSTSShortIsLow(t *testing.T) {
	rep := one(t, probe(t, scenario{Base: reply{Headers: map[string]string{"Strict-Transport-Security": "max-age=600"}}}), ruleHSTS)
	if s := severity(t, rep); s != finding.Low {
		t.Errorf("short max-age: %v, want low", s)
	}
	rep = one(t, probe(t, scenario{}), ruleHSTS)
	if s := severity(t, rep); s != finding.Medium {
		t.Errorf("missing: %v, want medium", s)
	}
}

func TestSecurityHeadersPerClass(t *testing.T) {
	got := only(probe(t, scenario{API: &reply{ContentType: "application/json"}}), ruleHeaders)
	if len(got) != 2 {
		t.Fatalf("want one report for HTML and one for JSON, got %v", got)
	}
	var html, json check.Report
	for _, r := range got {
		if strings.HasSuffix(r.Key, " html") {
			html = r
		} else {
			json = r
		}
	}
	for _, want := range []string{"frame-ancestors", "nosniff", "Referrer-Policy"} {
		if !strings.Contains(html.Message, want) {
			t.Errorf("HTML message %q lacks %q", html.Message, want)
		}
	}
	if strings.Contains(json.Message, "Content-Security-Policy") || !strings.Contains(json.Message, "no-store") {
		t.Errorf("JSON message %q: want no-store, never a CSP", json.Message)
	}
	if !strings.Contains(json.URL, "/api/items") {
		t.Errorf("JSON report URL %q, want the API's", json.URL)
	}
	if s := severity(t, json); s != finding.Medium {
		t.Errorf("authenticated JSON without no-store: %v, want medium", s)
	}
	if s := severity(t, html); s != finding.Low {
		t.Errorf("HTML: %v, want low", s)
	}
}

func TestInsecureCookieNeverShowsValue(t *testing.T) {
	rep := one(t, probe(t, scenario{Base: reply{Cookies: []string{"connect.sid=s%3Asecretvalue42; Path=/; HttpOnly"}}}), ruleCookie)
	if strings.Contains(rep.Message, "secretvalue42") {
		t.Errorf("the message shows the cookie's value: %q", rep.Message)
	}
	if !strings.Contains(rep.Message, "Secure") || strings.Contains(rep.Message, "HttpOnly") {
		t.Errorf("message %q: want Secure and SameSite missing, not HttpOnly", rep.Message)
	}
}

func TestPlainHTTPQuietCases(t *testing.T) {
	for _, mode := range []string{"redirect-https", "closed"} {
		got := probe(t, scenario{PlainHTTP: mode})
		if r := only(got, ruleHTTPPlain); len(r) > 0 {
			t.Errorf("%s: %v", mode, r)
		}
	}
}

func TestPlainHTTPSaysWhere(t *testing.T) {
	rep := one(t, probe(t, scenario{PlainHTTP: "redirect-other-host"}), ruleHTTPPlain)
	if !strings.Contains(rep.Message, "elsewhere.example") {
		t.Errorf("message %q does not name the redirect's host", rep.Message)
	}
	rep = one(t, probe(t, scenario{PlainHTTP: "serves"}), ruleHTTPPlain)
	if !strings.Contains(rep.Message, "status 200") {
		t.Errorf("message %q does not say it served content", rep.Message)
	}
}

func TestUnitParsers(t *testing.T) {
	for v, want := range map[string]int64{"max-age=31536000; includeSubDomains": 31536000, `MAX-AGE="600"`: 600, "preload; max-age=5": 5} {
		if got, ok := hstsMaxAge(v); !ok || got != want {
			t.Errorf("hstsMaxAge(%q) = %d, %v", v, got, ok)
		}
	}
	for _, v := range []string{"", "includeSubDomains", "max-age=", "max-age=-1", "max-age=abc"} {
		if _, ok := hstsMaxAge(v); ok {
			t.Errorf("hstsMaxAge(%q) accepted", v)
		}
	}
	for v, want := range map[string]bool{"nginx/1.18.0": true, "PHP/8.1": true, "4.0.30319": true, "Express": false, "nginx": false, "cloudflare": false, "v2": false} {
		if namesVersion(v) != want {
			t.Errorf("namesVersion(%q) = %v", v, !want)
		}
	}
	for name, want := range map[string]bool{"sid": true, "connect.sid": true, "_myapp_session": true, "remember_user_token": true, "JWT": true, "theme": false, "csrftoken_hint": false, "lang": false} {
		if sessionName(name) != want {
			t.Errorf("sessionName(%q) = %v", name, !want)
		}
	}
	for ct, want := range map[string]string{"text/html; charset=utf-8": "html", "application/problem+json": "json", "application/json": "json", "text/plain": "", "garbage;;": ""} {
		if mediaClass(ct) != want {
			t.Errorf("mediaClass(%q) = %q", ct, mediaClass(ct))
		}
	}
}
