package report

import (
	"fmt"
	"slices"

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
	// Checked are the parts of the area whose checks ran; NotChecked the
	// rest, each with what it needs to run.
	Checked, NotChecked []catalog.AreaPart
	// Evidence is what the checks that ran verified for the row, in the
	// order they recorded it; Unverified what they ran but could not
	// verify, and why.
	Evidence, Unverified []string
}

// Complete reports whether every part of the row ran: a pass that is
// not complete vouches only for the parts in Checked.
func (a *AreaStatus) Complete() bool { return len(a.NotChecked) == 0 && len(a.Unverified) == 0 }

// countedFloor is the lowest severity that keeps a row from passing when
// the threshold itself is higher: a row with a medium finding has a problem
// a reviewer would raise, even when the gate lets it through. Low and info
// findings are advice, and count only when they block.
const countedFloor = finding.Medium

// Scorecard returns one row per catalog area, in catalog order.
//
// A row fails when it has an unsuppressed finding that blocks or is at
// medium or above. Otherwise it passes when a part of the area ran (the
// parts that did not are in NotChecked, with what they need), unless the
// checks that ran recorded only what they could not verify; else it is
// "not run". A check ran when r.Ran names it; a finding in
// the area proves its check ran, too.
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
		row.Evidence = r.Tally[row.Area.ID]
		row.Unverified = r.Unverified[row.Area.ID]
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
		case seen[i] || len(row.Checked) > 0 && (len(row.Evidence) > 0 || len(row.Unverified) == 0):
			row.Status = StatusPass
		default:
			row.Status = StatusNotRun
		}
	}
	return rows
}

// Summary says in a few words what the row found ("2 findings, worst
// high", "no findings"), and how many of its parts checked it when not
// all did: a pass that vouches for only some parts says so.
func (a *AreaStatus) Summary() string {
	if a.Status == StatusNotRun {
		return "nothing checked it"
	}
	s := "no findings"
	if a.Findings > 0 {
		s = plural(a.Findings, "finding") + ", worst " + a.Worst.String()
	}
	switch {
	case len(a.NotChecked) > 0:
		s += fmt.Sprintf(" (%d of %d parts checked)", len(a.Checked), len(a.Area.Parts))
	case !a.Complete():
		s += " (not all verified)"
	}
	return s
}

// NotRun says, for each part of the row that did not run, what it
// verifies and what it needs: "every operation refuses a missing or bad
// token, live (needs launchgate probe --url)".
func (a *AreaStatus) NotRun() []string {
	out := make([]string, 0, len(a.NotChecked)+len(a.Unverified))
	for _, p := range a.NotChecked {
		out = append(out, p.What+" (needs "+p.Needs+")")
	}
	return append(out, a.Unverified...)
}

// Needs lists, once each, what the parts that did not run need.
func (a *AreaStatus) Needs() []string {
	var out []string
	for _, p := range a.NotChecked {
		if !slices.Contains(out, p.Needs) {
			out = append(out, p.Needs)
		}
	}
	return out
}
