package probeabuse

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

func TestForgedOrigins(t *testing.T) {
	u, _ := url.Parse("https://api.example.com:8443/v1")
	got := forgedOrigins(u, []string{"null", " https://evil.launchgate-probe.test/ "})
	want := []string{"https://api.example.com.evil.launchgate-probe.test", "https://evilapi.example.com", "http://api.example.com:8443"}
	if !slices.Equal(got, want) {
		t.Errorf("forgedOrigins = %q, want %q", got, want)
	}
	u, _ = url.Parse("http://127.0.0.1:8080")
	for _, o := range forgedOrigins(u, nil) {
		if strings.HasPrefix(o, "http://127.0.0.1") {
			t.Errorf("an http target's own origin %q is not forged", o)
		}
	}
}

func TestCORSReflectWithCredentials(t *testing.T) {
	res := probeScenario(t, scenario{CORS: "reflect-credentials"})
	reps := reportsOf(res, ruleCORS)
	// One authenticated GET without path parameters: /api/invoices.
	if len(reps) != 1 {
		t.Fatalf("got %d CORS findings, want 1", len(reps))
	}
	r := reps[0]
	if r.Capped || r.Line == 0 || !strings.HasSuffix(r.URL, "/api/invoices") {
		t.Errorf("finding capped %v at line %d, %s; want high on the spec line of /api/invoices", r.Capped, r.Line, r.URL)
	}
	for _, o := range []string{"https://evil.launchgate-probe.test", "null", ".evil.launchgate-probe.test", "https://evil127.0.0.1", "http://127.0.0.1"} {
		if !strings.Contains(r.Message, o) {
			t.Errorf("message does not name forged origin %q", o)
		}
	}
	if strings.Contains(r.Message, allowedOrigin) || strings.Contains(r.Message, "test-token") {
		t.Error("message names the allowed origin or a credential")
	}
	if res.counts.options.Load() == 0 || res.counts.post.Load() != 0 {
		t.Errorf("%d preflights and %d POSTs, want some and none", res.counts.options.Load(), res.counts.post.Load())
	}
}

func TestCORSLowWithoutCredentials(t *testing.T) {
	for _, mode := range []string{"reflect", "wildcard-credentials"} {
		reps := reportsOf(probeScenario(t, scenario{CORS: mode}), ruleCORS)
		if len(reps) != 1 || !reps[0].Capped || reps[0].MaxSeverity != finding.Low {
			t.Errorf("%s: want one finding capped at low, got %d", mode, len(reps))
		}
	}
}

func TestCORSAllowlistedOrigin(t *testing.T) {
	if reps := reportsOf(probeScenario(t, scenario{CORS: "null"}), ruleCORS); len(reps) != 1 || !strings.Contains(reps[0].Message, "null") {
		t.Fatalf("a server trusting the null origin: %d findings, want 1 naming it", len(reps))
	}
	if reps := reportsOf(probeScenario(t, scenario{CORS: "null", Allowed: []string{"null"}}), ruleCORS); len(reps) != 0 {
		t.Errorf("null is allowed in the configuration, yet %d findings", len(reps))
	}
	if reps := reportsOf(probeScenario(t, scenario{CORS: "allowlist"}), ruleCORS); len(reps) != 0 {
		t.Errorf("a server trusting only its allowed origin: %d findings", len(reps))
	}
}
