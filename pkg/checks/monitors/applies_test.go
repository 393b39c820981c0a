package monitors

import (
	"strings"
	"testing"
)

// The check asks for monitors only of a checkout that deploys a service.
func TestApplies(t *testing.T) {
	tests := []struct {
		name, files string
		want        bool
	}{
		{"a spec alone", "-- openapi.yaml --\nopenapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n", false},
		{"a library", "-- go.mod --\nmodule example.com/lib\n-- lib.go --\npackage lib\n", false},
		{"a Dockerfile under testdata", "-- testdata/app/Dockerfile --\nFROM scratch\n", false},
		{"a Dockerfile", "-- Dockerfile --\nFROM scratch\n", true},
		{"a Kubernetes manifest", "-- k8s/deployment.yaml --\nkind: Deployment\n", true},
		{"code beside a spec", "-- package.json --\n{}\n-- openapi.yaml --\nopenapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n", true},
		{"a Checkly project", "-- checkly.config.ts --\nexport default {}\n", true},
		{"declared monitoring", "-- (config) --\nversion: 1\nmonitoring: {provider: Pingdom, reason: vendor UI}\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, got := scanDir(t, writeScenario(t, tt.files)); got != tt.want {
				t.Errorf("applies = %v, want %v", got, tt.want)
			}
		})
	}
}

// A monitor file that cannot be read is never a pass: the check says
// which file and why, in the finding the missing monitors cause.
func TestBrokenMonitorFileFailsClosed(t *testing.T) {
	dir := writeScenario(t, `-- Dockerfile --
FROM scratch
-- gatus.yaml --
endpoints:
  - name: health
    url: https://app.example.com/health
    conditions: ["[STATUS] == 200"]
    interval: soon
`)
	reports, tally, _ := scanDir(t, dir)
	if len(reports) != 1 || reports[0].Rule != ruleNotConfigured {
		t.Fatalf("reports = %+v, want one %s", reports, ruleNotConfigured)
	}
	if msg := reports[0].Message; !strings.Contains(msg, "gatus.yaml could not be read") || !strings.Contains(msg, `interval "soon"`) {
		t.Errorf("message does not say which file failed and why: %s", msg)
	}
	if lines := tally.Lines()[area]; len(lines) == 0 || !strings.Contains(lines[0], "gatus.yaml could not be read") {
		t.Errorf("evidence = %v", lines)
	}
}
