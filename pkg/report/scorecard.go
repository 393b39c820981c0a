package report

import (
	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/finding"
)

// The statuses a scorecard row can have.
const (
	StatusPass   = "pass"
	StatusFail   = "fail"
	StatusNotRun = "not run"
)

// AreaStatus is one row of the launch-readiness scorecard.
type AreaStatus struct {
	Area catalog.Area
	// Status is StatusPass, StatusFail or StatusNotRun.
	Status string
	// Findings counts unsuppressed findings in the area, blocking or not.
	Findings int
	Blocking int
	// Worst is the highest severity among Findings; meaningless when
	// Findings is zero.
	Worst finding.Severity
}

// Scorecard returns one row per catalog area, in catalog order. An area
// fails when it has a blocking finding, passes when a check covering it ran
// (or it has findings, which prove one did) and nothing blocks, and is "not
// run" otherwise. Findings whose rule the catalog does not know belong to no
// area. A Result without a catalog has no scorecard.
func Scorecard(r *Result) []AreaStatus {
	if r.Catalog == nil {
		return nil
	}
	areas := r.Catalog.Areas()
	rows := make([]AreaStatus, len(areas))
	index := make(map[string]int, len(areas))
	for i, a := range areas {
		rows[i].Area = a
		index[a.ID] = i
	}
	seen := make([]bool, len(areas))
	for i := range r.Findings {
		f := &r.Findings[i]
		rule := r.Catalog.Rule(f.RuleID)
		if rule == nil {
			continue
		}
		j, ok := index[rule.Area]
		if !ok {
			continue
		}
		seen[j] = true
		if f.Suppressed {
			continue
		}
		row := &rows[j]
		if row.Findings == 0 || f.Severity > row.Worst {
			row.Worst = f.Severity
		}
		row.Findings++
		if f.Blocks(r.Threshold) {
			row.Blocking++
		}
	}
	for i := range rows {
		row := &rows[i]
		switch {
		case row.Blocking > 0:
			row.Status = StatusFail
		case r.Ran[row.Area.ID] || seen[i]:
			row.Status = StatusPass
		default:
			row.Status = StatusNotRun
		}
	}
	return rows
}
