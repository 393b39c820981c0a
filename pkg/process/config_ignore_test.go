package process

import (
	"slices"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
)

func endOf(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 23, 59, 59, 999999999, time.UTC)
}

func TestConfigIgnore(t *testing.T) {
	now := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	open := endOf(2026, 12, 31)
	target := fnd("openapi/x", "api/legacy/v1.yaml", 4)
	tests := []struct {
		name string
		ig   config.Ignore
		in   finding.Finding
		want string // the suppression, or "-"
	}{
		{"rule and path glob", config.Ignore{Rule: "openapi/x", Path: "api/legacy/*.yaml", Reason: "legacy", Expires: open}, target, "config: legacy"},
		{"double star glob", config.Ignore{Rule: "openapi/x", Path: "api/**", Reason: "r", Expires: open}, target, "config: r"},
		{"category wildcard", config.Ignore{Rule: "openapi/*", Path: "api/**", Reason: "r", Expires: open}, target, "config: r"},
		{"wildcard of another category", config.Ignore{Rule: "secret/*", Path: "api/**", Reason: "r", Expires: open}, target, "-"},
		{"other rule", config.Ignore{Rule: "openapi/y", Path: "api/**", Reason: "r", Expires: open}, target, "-"},
		{"path does not match", config.Ignore{Rule: "openapi/x", Path: "api/*.yaml", Reason: "r", Expires: open}, target, "-"},
		{"fingerprint", config.Ignore{Rule: "openapi/x", Fingerprint: target.Fingerprint, Reason: "fp", Expires: open}, target, "config: fp"},
		{"other fingerprint", config.Ignore{Rule: "openapi/x", Fingerprint: "0000", Reason: "fp", Expires: open}, target, "-"},
		{"path and fingerprint must both match", config.Ignore{Rule: "openapi/x", Path: "api/**", Fingerprint: "0000", Reason: "r", Expires: open}, target, "-"},
		{"neither path nor fingerprint covers nothing", config.Ignore{Rule: "openapi/x", Reason: "r", Expires: open}, target, "-"},
		{"expired", config.Ignore{Rule: "openapi/x", Path: "api/**", Reason: "r", Expires: endOf(2026, 1, 31)}, target, "-"},
		{"expires today still applies", config.Ignore{Rule: "openapi/x", Path: "api/**", Reason: "r", Expires: endOf(2026, 2, 1)}, target, "config: r"},
		{"path ignore and a live finding", config.Ignore{Rule: "probe/*", Path: "**", Reason: "r", Expires: open}, finding.Finding{RuleID: "probe/x", URL: "https://x.test"}, "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ConfigIgnore([]config.Ignore{tt.ig}, now).Process([]finding.Finding{tt.in})
			if err != nil {
				t.Fatal(err)
			}
			s := "-"
			if got[0].Suppressed {
				s = got[0].Suppression
			}
			if s != tt.want {
				t.Errorf("suppression = %q, want %q", s, tt.want)
			}
		})
	}
}

func TestConfigIgnoreNotes(t *testing.T) {
	now := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	p := ConfigIgnore([]config.Ignore{
		{Rule: "openapi/x", Path: "a", Reason: "r", Expires: endOf(2026, 1, 31), File: ".launchgate.yml", Line: 14},
		{Rule: "openapi/y", Path: "a", Reason: "r", Expires: endOf(2026, 3, 1), File: ".launchgate.yml", Line: 19},
		{Rule: "secret/*", Path: "a", Reason: "r", Expires: endOf(2025, 6, 30), File: "ci/lg.yml", Line: 3},
	}, now)
	want := []string{
		".launchgate.yml:14: ignore of openapi/x expired on 2026-01-31; it no longer applies",
		"ci/lg.yml:3: ignore of secret/* expired on 2025-06-30; it no longer applies",
	}
	if got := p.Notes(); !slices.Equal(got, want) {
		t.Errorf("Notes =\n%q\nwant\n%q", got, want)
	}
}

func TestConfigIgnoreKeepsEarlierSuppression(t *testing.T) {
	f := fnd("openapi/x", "a.yaml", 1)
	f.Suppressed, f.Suppression = true, "inline: first"
	got, _ := ConfigIgnore([]config.Ignore{{Rule: "openapi/x", Path: "a.yaml", Reason: "second", Expires: endOf(2030, 1, 1)}}, time.Now()).Process([]finding.Finding{f})
	if got[0].Suppression != "inline: first" {
		t.Errorf("suppression = %q, want the earlier one kept", got[0].Suppression)
	}
}
