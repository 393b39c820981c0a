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
		"| Rate limits | ❌ fail<br><sub>1 finding, worst medium (1 of 2 parts checked)</sub> |",
		"| Monitoring and latency | ✅ pass<br><sub>no findings (1 of 3 parts checked)</sub> |",
		"| Authentication on every route | ✅ pass<br><sub>no findings (1 of 2 parts checked)</sub> |",
		"every operation refuses a missing or bad token, live (needs launchgate probe --url) |",
		"| Email trust (SPF, DKIM, DMARC) | ⚪ not run |",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("scorecard lacks %q:\n%s", want, r.stdout)
		}
	}
	// No live check ran: no row may pass without saying that only some
	// of its parts checked it.
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.Contains(line, "✅ pass") && !strings.Contains(line, " parts checked)") {
			t.Errorf("a row passes as if complete although no live check ran: %s", line)
		}
	}
}
