package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

func TestScorecard(t *testing.T) {
	auth := func(sev finding.Severity, suppressed bool) finding.Finding {
		return finding.Finding{RuleID: "openapi/operation-without-auth", Severity: sev, Suppressed: suppressed}
	}
	static := map[string]bool{"openapi": true}
	both := map[string]bool{"openapi": true, "probe": true}
	tests := []struct {
		name      string
		findings  []finding.Finding
		ran       map[string]bool
		threshold finding.Severity
		want      AreaStatus // the auth row, without its parts
		checked   int        // how many of its two parts ran
	}{
		{"not run without check or findings", nil, nil, finding.High,
			AreaStatus{Status: StatusNotRun}, 0},
		{"pass when only the static part ran clean, the live part not run", nil, static, finding.High,
			AreaStatus{Status: StatusPass}, 1},
		{"pass when every part ran clean", nil, both, finding.High,
			AreaStatus{Status: StatusPass}, 2},
		{"fail on a blocking finding", []finding.Finding{auth(finding.High, false)}, both, finding.High,
			AreaStatus{Status: StatusFail, Findings: 1, Blocking: 1, Worst: finding.High}, 2},
		{"fail on a medium finding the threshold lets through", []finding.Finding{auth(finding.Medium, false)}, both, finding.High,
			AreaStatus{Status: StatusFail, Findings: 1, Worst: finding.Medium}, 2},
		{"pass with only low findings", []finding.Finding{auth(finding.Low, false), auth(finding.Info, false)}, both, finding.High,
			AreaStatus{Status: StatusPass, Findings: 2, Worst: finding.Low}, 2},
		{"fail on a low finding that blocks", []finding.Finding{auth(finding.Low, false)}, both, finding.Low,
			AreaStatus{Status: StatusFail, Findings: 1, Blocking: 1, Worst: finding.Low}, 2},
		{"findings prove a part ran", []finding.Finding{auth(finding.Low, false)}, nil, finding.High,
			AreaStatus{Status: StatusPass, Findings: 1, Worst: finding.Low}, 0},
		{"suppressed findings neither count nor block", []finding.Finding{auth(finding.Critical, true)}, both, finding.High,
			AreaStatus{Status: StatusPass}, 2},
		{"never threshold still fails the row", []finding.Finding{auth(finding.Critical, false)}, both, finding.Never,
			AreaStatus{Status: StatusFail, Findings: 1, Worst: finding.Critical}, 2},
		{"worst of several", []finding.Finding{auth(finding.Low, false), auth(finding.Critical, false), auth(finding.Medium, false)}, nil, finding.High,
			AreaStatus{Status: StatusFail, Findings: 3, Blocking: 1, Worst: finding.Critical}, 0},
		{"rule outside the catalog belongs to no area", []finding.Finding{{RuleID: "debug/unknown", Severity: finding.Critical}}, nil, finding.High,
			AreaStatus{Status: StatusNotRun}, 0},
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
			if len(got.Checked) != tt.checked || len(got.Checked)+len(got.NotChecked) != 2 {
				t.Errorf("checked %v, not checked %v; want %d of the 2 parts checked", got.Checked, got.NotChecked, tt.checked)
			}
			got.Area, got.Checked, got.NotChecked = tt.want.Area, nil, nil
			if got.Status != tt.want.Status || got.Findings != tt.want.Findings || got.Blocking != tt.want.Blocking || got.Worst != tt.want.Worst {
				t.Errorf("auth row = %+v, want %+v", got, tt.want)
			}
			// The email row's only part is dns, which never ran here.
			if email := rows[4]; email.Status != StatusNotRun || len(email.NotChecked) != 1 {
				t.Errorf("email row = %s with %v not checked, want not run", email.Status, email.NotChecked)
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

// A row carries the tally of its area, says what did not run, and a pass
// that not every part vouches for is not complete.
func TestScorecardEvidence(t *testing.T) {
	r := &Result{Catalog: testCatalog(t), Ran: map[string]bool{"openapi": true}, Threshold: finding.High,
		Tally: map[string][]string{"auth": {"12 of 12 spec operations declare auth"}}}
	auth := Scorecard(r)[0]
	if auth.Status != StatusPass || auth.Complete() {
		t.Errorf("auth row %s, complete %v; want a pass that is not complete", auth.Status, auth.Complete())
	}
	if !slices.Equal(auth.Evidence, []string{"12 of 12 spec operations declare auth"}) {
		t.Errorf("evidence = %q", auth.Evidence)
	}
	notRun := auth.NotRun()
	if len(notRun) != 1 || !strings.Contains(notRun[0], "(needs ") {
		t.Errorf("not run = %q, want the live part with what it needs", notRun)
	}
	if s := auth.Summary(); s != "no findings (1 of 2 parts checked)" {
		t.Errorf("summary = %q", s)
	}
}

// A check that ran but could only say what it could not verify leaves
// its row not run; with other evidence the row passes, but not as
// complete, and says what was not verified.
func TestScorecardUnverified(t *testing.T) {
	cat := testCatalog(t)
	r := &Result{Catalog: cat, Ran: map[string]bool{"openapi": true, "probe": true}, Threshold: finding.High,
		Unverified: map[string][]string{"auth": {"no operation could be replayed: the spec has none"}}}
	auth := Scorecard(r)[0]
	if auth.Status != StatusNotRun {
		t.Errorf("auth row with only unverified lines = %s, want not run", auth.Status)
	}
	if notRun := auth.NotRun(); len(notRun) != 1 || notRun[0] != "no operation could be replayed: the spec has none" {
		t.Errorf("not run = %q", notRun)
	}
	r.Tally = map[string][]string{"auth": {"4 of 4 spec operations declare auth"}}
	auth = Scorecard(r)[0]
	if auth.Status != StatusPass || auth.Complete() || auth.Summary() != "no findings (not all verified)" {
		t.Errorf("auth row = %s, complete %v, summary %q; want an incomplete pass", auth.Status, auth.Complete(), auth.Summary())
	}
}
