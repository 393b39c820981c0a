package report

import (
	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/finding"
)

// The statuses a scorecard row can have.
const (
	StatusPass    = "pass"
	StatusFail    = "fail"
	StatusPartial = "partial"
	StatusNotRun  = "not run"
)

// AreaStatus is one row of the launch-readiness scorecard.
type AreaStatus struct {
	Area catalog.Area
	// Status is StatusPass, StatusFail, StatusPartial or StatusNotRun.
	Status string
	// Findings counts unsuppressed findings in the area, blocking or not.
	Findings int
	Blocking int
	// Worst is the highest severity among Findings; meaningless when
	// Findings is zero.
	Worst finding.Severity
	// Checked are the parts of the area whose checks ran; NotChecked the
	// rest, each with what it needs to run.
	Checked, NotChecked []catalog.AreaPart
}

// countedFloor is the lowest severity that keeps a row from passing when
// the threshold itself is higher: a row with a medium finding has a problem
// a reviewer would raise, even when the gate lets it through. Low and info
// findings are advice, and count only when they block.
const countedFloor = finding.Medium

// Scorecard returns one row per catalog area, in catalog order.
//
// A row fails when it has an unsuppressed finding that blocks or is at
// medium or above. Otherwise it passes when every part of the area ran,
// is partial when some did, and is "not run" when none did. A check ran
// when r.Ran names it; a finding in the area proves its check ran, too.
// Findings whose rule the catalog does not know belong to no area. A
// Result without a catalog has no scorecard.
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
	counted := make([]int, len(areas))
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
		blocks := f.Blocks(r.Threshold)
		if blocks {
			row.Blocking++
		}
		if blocks || f.Severity >= countedFloor {
			counted[j]++
		}
	}
	for i := range rows {
		row := &rows[i]
		for _, p := range row.Area.Parts {
			if r.Ran[p.Check] {
				row.Checked = append(row.Checked, p)
			} else {
				row.NotChecked = append(row.NotChecked, p)
			}
		}
		switch {
		case counted[i] > 0:
			row.Status = StatusFail
		case len(row.NotChecked) == 0:
			row.Status = StatusPass
		case len(row.Checked) > 0 || seen[i]:
			row.Status = StatusPartial
		default:
			row.Status = StatusNotRun
		}
	}
	return rows
}
