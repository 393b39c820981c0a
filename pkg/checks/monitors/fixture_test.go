package monitors

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// fixtures is testdata/monitoring at the top of the repository.
const fixtures = "../../../testdata/monitoring"

// TestFixtures runs the check on each checkout under testdata/monitoring
// and holds it to the folder's expected.txt exactly.
func TestFixtures(t *testing.T) {
	cat := checktest.Catalog(t)
	cases := []string{
		"gatus-good", "gatus-slow", "gatus-no-alerts", "checkly-good", "checkly-missing-health",
		"terraform-uptimerobot", "terraform-betterstack", "datadog", "none", "declared-in-config",
		"fixture-only-under-test-folder",
	}
	entries, err := os.ReadDir(fixtures)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && !slices.Contains(cases, e.Name()) {
			t.Errorf("fixture %s is not in the table", e.Name())
		}
	}
	for _, name := range cases {
		t.Run(name, func(t *testing.T) {
			dir, err := filepath.Abs(filepath.Join(fixtures, name))
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, l := range strings.Split(string(data), "\n") {
				if l = strings.TrimSpace(l); l != "" {
					want = append(want, l)
				}
			}
			reports, _, applies := scanDir(t, dir)
			if !applies {
				t.Fatal("the check does not apply")
			}
			var got []string
			for _, r := range reports {
				file := r.File
				if file == "" {
					file = "."
				}
				got = append(got, fmt.Sprintf("%s %s:%d %s", r.Rule, file, r.Line, cat.Rule(r.Rule).Severity))
			}
			slices.Sort(got)
			slices.Sort(want)
			checktest.Compare(t, got, want)
			if t.Failed() {
				for _, r := range reports {
					t.Logf("%s %s:%d %s", r.Rule, r.File, r.Line, r.Message)
				}
			}
		})
	}
}

// TestEvidence holds the scorecard evidence the check records: what was
// found and how fast it alerts, or the declaration in the config.
func TestEvidence(t *testing.T) {
	tests := []struct {
		fixture string
		want    []string
	}{
		{"gatus-good", []string{
			"Gatus: 3 monitors in deploy/gatus.yaml",
			`health GET /health (probe.health) checked by Gatus monitor "health" in deploy/gatus.yaml: every 1m × 2 failures = 2m, to slack, pagerduty`,
			`critical route GET /api/invoices (probe.critical) checked by Gatus monitor "invoices" in deploy/gatus.yaml: every 30s × 3 failures = 1m30s, to slack`,
		}},
		{"checkly-good", []string{
			"Checkly: 2 monitors in __checks__/api.check.ts",
			`health GET /health (the spec's health route) checked by Checkly monitor "health" in __checks__/api.check.ts: every 1m × 1 failure = 1m, to pagerduty`,
		}},
		{"terraform-betterstack", []string{
			`health GET /healthz (the spec's health route) checked by Better Stack monitor "betterstack_uptime_monitor.health" in infra/uptime.tf: every 3m + 3m confirmation = 6m, to email, push`,
		}},
		{"declared-in-config", []string{
			"monitoring declared in .launchgate.yml: Better Stack (monitors are configured in the vendor UI) at https://uptime.betterstack.com/team/1/monitors; route coverage is not judged for monitors kept outside the repository",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			dir, _ := filepath.Abs(filepath.Join(fixtures, tt.fixture))
			_, tally, _ := scanDir(t, dir)
			lines := tally.Lines()[area]
			for _, w := range tt.want {
				if !slices.Contains(lines, w) {
					t.Errorf("evidence lacks %q; it has:\n%s", w, strings.Join(lines, "\n"))
				}
			}
		})
	}
}

// TestMessages holds the words a reader acts on: the arithmetic of a
// slow monitor, and the route a missing monitor should call.
func TestMessages(t *testing.T) {
	tests := []struct {
		fixture, rule, want string
	}{
		{"gatus-slow", ruleSlow, "every 2m × 3 failures = 6m"},
		{"terraform-betterstack", ruleSlow, "every 3m + 3m confirmation = 6m"},
		{"checkly-missing-health", ruleHealth, "GET /health (the spec's health route)"},
		{"datadog", ruleCritical, "POST /api/login (probe.critical)"},
		{"gatus-no-alerts", ruleNoChannel, "none of the 2 Gatus monitors in gatus.yml"},
		{"none", ruleNotConfigured, "declares no monitoring"},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			dir, _ := filepath.Abs(filepath.Join(fixtures, tt.fixture))
			reports, _, _ := scanDir(t, dir)
			found := false
			for _, r := range reports {
				if r.Rule == tt.rule {
					found = true
					if !strings.Contains(r.Message, tt.want) {
						t.Errorf("%s message %q lacks %q", r.Rule, r.Message, tt.want)
					}
				}
			}
			if !found {
				t.Errorf("no %s report", tt.rule)
			}
		})
	}
}
