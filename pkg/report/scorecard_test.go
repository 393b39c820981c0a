package report

import (
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

func TestScorecard(t *testing.T) {
	auth := func(sev finding.Severity, suppressed bool) finding.Finding {
		return finding.Finding{RuleID: "openapi/operation-without-auth", Severity: sev, Suppressed: suppressed}
	}
	tests := []struct {
		name      string
		findings  []finding.Finding
		ran       map[string]bool
		threshold finding.Severity
		want      AreaStatus // the auth row
	}{
		{"not run without check or findings", nil, nil, finding.High,
			AreaStatus{Status: StatusNotRun}},
		{"pass when the check ran clean", nil, map[string]bool{"auth": true}, finding.High,
			AreaStatus{Status: StatusPass}},
		{"fail on a blocking finding", []finding.Finding{auth(finding.High, false)}, map[string]bool{"auth": true}, finding.High,
			AreaStatus{Status: StatusFail, Findings: 1, Blocking: 1, Worst: finding.High}},
		{"pass with findings below the threshold", []finding.Finding{auth(finding.Medium, false), auth(finding.Low, false)}, map[string]bool{"auth": true}, finding.High,
			AreaStatus{Status: StatusPass, Findings: 2, Worst: finding.Medium}},
		{"findings prove the area ran", []finding.Finding{auth(finding.Low, false)}, nil, finding.High,
			AreaStatus{Status: StatusPass, Findings: 1, Worst: finding.Low}},
		{"suppressed findings neither count nor block", []finding.Finding{auth(finding.Critical, true)}, map[string]bool{"auth": true}, finding.High,
			AreaStatus{Status: StatusPass}},
		{"never threshold blocks nothing", []finding.Finding{auth(finding.Critical, false)}, map[string]bool{"auth": true}, finding.Never,
			AreaStatus{Status: StatusPass, Findings: 1, Worst: finding.Critical}},
		{"worst of several", []finding.Finding{auth(finding.Low, false), auth(finding.Critical, false), auth(finding.Medium, false)}, nil, finding.High,
			AreaStatus{Status: StatusFail, Findings: 3, Blocking: 1, Worst: finding.Critical}},
		{"rule outside the catalog belongs to no area", []finding.Finding{{RuleID: "debug/unknown", Severity: finding.Critical}}, nil, finding.High,
			AreaStatus{Status: StatusNotRun}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := Scorecard(&Result{Findings: tt.findings, Ran: tt.ran, Threshold: tt.threshold, Catalog: testCatalog(t)})
			if len(rows) != 5 {
				t.Fatalf("got %d rows, want one per area (5)", len(rows))
			}
			got := rows[0]
			if got.Area.ID != "auth" {
				t.Fatalf("first row is %s, want auth (catalog order)", got.Area.ID)
			}
			got.Area = tt.want.Area
			if got != tt.want {
				t.Errorf("auth row = %+v, want %+v", got, tt.want)
			}
			for _, row := range rows[1:] {
				if row.Status != StatusNotRun && !tt.ran[row.Area.ID] {
					t.Errorf("row %s = %s, want not run", row.Area.ID, row.Status)
				}
			}
		})
	}
}

func TestScorecardWithoutCatalog(t *testing.T) {
	if rows := Scorecard(&Result{Findings: []finding.Finding{{RuleID: "a/b"}}}); rows != nil {
		t.Errorf("got %v, want no rows without a catalog", rows)
	}
}

func TestSummary(t *testing.T) {
	r := fixedResult(t)
	s := r.Summary()
	if s.Total != 5 || s.Blocking != 3 || s.Suppressed != 1 || s.Passed {
		t.Errorf("summary = %+v, want 5 total, 3 blocking, 1 suppressed, not passed", s)
	}
	want := map[string]int{"critical": 1, "high": 2, "medium": 1, "low": 1, "info": 0}
	for k, v := range want {
		if s.BySeverity[k] != v {
			t.Errorf("BySeverity[%s] = %d, want %d", k, s.BySeverity[k], v)
		}
	}
	if len(s.BySeverity) != len(want) {
		t.Errorf("BySeverity has keys %v", s.BySeverity)
	}
	r.Threshold = finding.Never
	if s := r.Summary(); s.Blocking != 0 || !s.Passed {
		t.Errorf("at never: %+v, want nothing blocking", s)
	}
}
