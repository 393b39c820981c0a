package cli

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestScorecardEvidence scans the portal twins and checks that every row
// the static checks cover carries what they verified, in the JSON report's
// summary.scorecard and under "Launch readiness" in the text report, and
// that the lines are the same whether the row passes or fails: counts,
// not verdicts.
func TestScanScorecardEvidence(t *testing.T) {
	rows := []string{"auth", "tenant", "secrets", "config", "transport", "ratelimit", "monitoring"}
	for _, tt := range []struct {
		twin string
		// want are lines some row's evidence must hold, by row.
		want map[string]string
	}{
		{"vulnerable", map[string]string{
			"auth":       "openapi.yaml: 18 of 28 operations declare auth; 7 declared public (x-launchgate-public or config public routes)",
			"tenant":     "openapi.yaml: 7 operations take an object ID; 5 declare a tenant or ownership check; 0 of 3 admin operations require a role or scope",
			"transport":  "openapi.yaml: 2 servers: 1 https, 1 plain http",
			"ratelimit":  "openapi.yaml: 6 sensitive operations (login, one-time code, password reset, sign-up, token refresh); 5 declare a 429 or rate limit",
			"monitoring": "openapi.yaml: health route GET /healthz declared",
			"config":     "no production env file found (.env.production and the like, or --env)",
		}},
		{"fixed", map[string]string{
			"auth":       "openapi.yaml: 21 of 28 operations declare auth; 7 declared public (x-launchgate-public or config public routes)",
			"tenant":     "openapi.yaml: 10 operations take an object ID; 10 declare a tenant or ownership check; 3 of 3 admin operations require a role or scope",
			"ratelimit":  "openapi.yaml: 6 sensitive operations (login, one-time code, password reset, sign-up, token refresh); 6 declare a 429 or rate limit",
			"monitoring": "openapi.yaml: health route GET /healthz declared",
			"config":     "no deploy manifest found (Dockerfile, Compose, Kubernetes, platform files, GitHub workflows)",
		}},
	} {
		t.Run(tt.twin, func(t *testing.T) {
			r := run(t, ".", "scan", portal(tt.twin), "--format", "json")
			if r.code != ExitOK && r.code != ExitBlocking {
				t.Fatalf("exit %d\n%s", r.code, r.stderr)
			}
			var rep struct {
				Summary struct {
					Scorecard []struct {
						ID       string
						Status   string
						Evidence []string
					}
				}
			}
			decodeJSON(t, r.stdout, &rep)
			evidence := map[string][]string{}
			for _, row := range rep.Summary.Scorecard {
				evidence[row.ID] = row.Evidence
			}
			for _, id := range rows {
				if len(evidence[id]) == 0 {
					t.Errorf("row %s has no evidence", id)
				}
			}
			for id, line := range tt.want {
				if !slices.Contains(evidence[id], line) {
					t.Errorf("row %s lacks %q:\n%q", id, line, evidence[id])
				}
			}
			if !secretsLine.MatchString(first(evidence["secrets"])) {
				t.Errorf("secrets evidence %q does not count the files scanned", evidence["secrets"])
			}

			text := run(t, ".", "scan", portal(tt.twin))
			_, card, ok := strings.Cut(text.stdout, "Launch readiness\n")
			if !ok {
				t.Fatalf("no Launch readiness section:\n%s", text.stdout)
			}
			for _, line := range tt.want {
				if !strings.Contains(card, "      "+line+"\n") {
					t.Errorf("Launch readiness lacks the line %q:\n%s", line, card)
				}
			}
		})
	}
}

// secretsLine is the secrets check's count of the tree it scanned.
var secretsLine = regexp.MustCompile(`^[1-9][0-9,]* files? scanned \([0-9.]+ [KMG]?B\) with [0-9]+ secret rules$`)

func first(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return lines[0]
}
