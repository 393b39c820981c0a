package cli

import (
	"strings"
	"testing"
)

// A scorecard row passes only when its checks ran and found nothing it
// counts: a health route in the spec does not make monitoring pass, and a
// medium rate-limit finding does not leave rate limits passing.
func TestScorecardSaysOnlyWhatWasChecked(t *testing.T) {
	dir := writeTree(t, map[string]string{"openapi.yaml": `openapi: 3.0.3
info: {title: t, version: "1"}
servers:
  - url: https://api.example.com
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
security:
  - bearer: []
paths:
  /health:
    get:
      security: []
      x-launchgate-public: load balancer health check
      responses:
        "200": {description: ok}
  /auth/login:
    post:
      security: []
      x-launchgate-public: sign-in form
      responses:
        "200": {description: ok}
  /me:
    get:
      responses:
        "200": {description: ok}
        "401": {description: no token}
`})
	r := run(t, dir, "scan", "--format", "markdown")
	if r.code != ExitOK {
		t.Fatalf("exit %d, want 0 (the rate-limit finding is medium)\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		"| Rate limits | ❌ fail | 1 | medium |",
		"| Monitoring and latency | 🟡 partial | 0 | — | monitors as code cover the health and critical routes and alert within 5 minutes (needs",
		"| Authentication on every route | 🟡 partial | 0 | — | every operation refuses a missing or bad token, live (needs launchgate probe --url) |",
		"| Email trust (SPF, DKIM, DMARC) | ⚪ not run |",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("scorecard lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "✅ pass") {
		t.Errorf("a row passes although no live check ran:\n%s", r.stdout)
	}
}
