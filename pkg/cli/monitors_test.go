package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// The monitors check through the whole gate: a checkout whose Gatus
// monitors cover its health and critical routes has no monitoring
// finding, and a service with no monitor at all is told so.
func TestScanMonitoringFixtures(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "monitoring")
	tests := []struct {
		fixture string
		want    []string
	}{
		{"gatus-good", nil},
		{"none", []string{"monitoring/not-configured"}},
		{"declared-in-config", nil},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			res := run(t, root, "scan", tt.fixture, "--format", "json", "--fail-on", "never")
			if res.code != ExitOK {
				t.Fatalf("exit %d: %s", res.code, res.stderr)
			}
			var rep struct {
				Findings []struct {
					RuleID string `json:"rule_id"`
				} `json:"findings"`
			}
			if err := json.Unmarshal([]byte(res.stdout), &rep); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range rep.Findings {
				if strings.HasPrefix(f.RuleID, "monitoring/") {
					got = append(got, f.RuleID)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("monitoring findings = %v, want %v", got, tt.want)
			}
		})
	}
	// The finding about the whole checkout blocks at medium, and SARIF
	// places it at the checkout's root.
	res := run(t, root, "scan", "none", "--format", "sarif", "--fail-on", "medium")
	if res.code != ExitBlocking {
		t.Errorf("none at --fail-on medium: exit %d, want %d", res.code, ExitBlocking)
	}
	if !strings.Contains(res.stdout, `"ruleId": "monitoring/not-configured"`) {
		t.Errorf("SARIF lacks the finding:\n%s", res.stdout)
	}
}
