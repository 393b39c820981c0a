package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
)

// JSONReporter writes the stable machine-readable report described in
// DESIGN.md.
type JSONReporter struct{}

type jsonReport struct {
	Tool Tool `json:"tool"`
	// Category is Result.Category, so that `launchgate merge` can tell
	// the reports of a matrix's jobs apart; omitted for the default.
	Category string            `json:"category,omitempty"`
	Findings []finding.Finding `json:"findings"`
	Summary  jsonSummary       `json:"summary"`
	// Evidence is omitted when the run has none (scan, probe).
	Evidence []Evidence `json:"evidence,omitempty"`
}

type jsonSummary struct {
	Total      int            `json:"total"`
	Blocking   int            `json:"blocking"`
	Suppressed int            `json:"suppressed"`
	BySeverity map[string]int `json:"by_severity"`
	Threshold  string         `json:"threshold"`
	Passed     bool           `json:"passed"`
	// Checks are the checks that ran, sorted; Scorecard is judged from
	// them and the findings. Both are omitted without a catalog.
	Checks []string `json:"checks,omitempty"`
	// Analyses are a joined report's analyses (Result.Analyses).
	Analyses  []string      `json:"analyses,omitempty"`
	Scorecard []jsonAreaRow `json:"scorecard,omitempty"`
}

// jsonAreaRow is one scorecard row in the JSON report.
type jsonAreaRow struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Status string `json:"status"`
	// Complete is false when some parts of the row did not run (NotRun).
	Complete bool     `json:"complete"`
	Findings int      `json:"findings"`
	Blocking int      `json:"blocking"`
	Worst    string   `json:"worst,omitempty"`
	Evidence []string `json:"evidence"`
	// Unverified is what checks that ran could not verify, and why.
	Unverified []string     `json:"unverified"`
	NotRun     []jsonNotRun `json:"not_run"`
}

// jsonNotRun is a part of a row that did not run, and what it needs.
type jsonNotRun struct {
	Check string `json:"check"`
	What  string `json:"what"`
	Needs string `json:"needs"`
}

// Write writes r as indented JSON followed by a newline.
func (JSONReporter) Write(w io.Writer, r *Result) error {
	s := r.Summary()
	out := jsonReport{
		Tool:     toolOf(r),
		Category: r.Category,
		Findings: r.Findings,
		Summary: jsonSummary{
			Total:      s.Total,
			Blocking:   s.Blocking,
			Suppressed: s.Suppressed,
			BySeverity: s.BySeverity,
			Threshold:  r.Threshold.String(),
			Passed:     s.Passed,
		},
	}
	if r.Catalog != nil {
		out.Summary.Checks = ranChecks(r)
	}
	out.Summary.Analyses = r.Analyses
	if r.Catalog != nil {
		out.Summary.Scorecard = jsonScorecard(Scorecard(r))
	}
	eachEvidence(r.Evidence, func(title string, lines []string) {
		out.Evidence = append(out.Evidence, Evidence{Title: title, Lines: lines})
	})
	// Scripts index into findings; an empty list must not decode as null.
	if out.Findings == nil {
		out.Findings = []finding.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("writing JSON report: %w", err)
	}
	return nil
}

// toolOf fills in the tool name when the caller left it empty.
func toolOf(r *Result) Tool {
	t := r.Tool
	if t.Name == "" {
		t.Name = ToolName
	}
	return t
}

// ranChecks lists the checks r.Ran names, sorted, never nil.
func ranChecks(r *Result) []string {
	out := []string{}
	for name, ran := range r.Ran {
		if ran {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// jsonScorecard turns the rows into their JSON shape, with empty lists
// rather than nulls.
func jsonScorecard(rows []AreaStatus) []jsonAreaRow {
	out := make([]jsonAreaRow, len(rows))
	for i := range rows {
		row := &rows[i]
		j := jsonAreaRow{ID: row.Area.ID, Title: row.Area.Title, Status: row.Status,
			Complete: row.Complete(), Findings: row.Findings, Blocking: row.Blocking,
			Evidence: append([]string{}, row.Evidence...), Unverified: append([]string{}, row.Unverified...),
			NotRun: []jsonNotRun{}}
		if row.Findings > 0 {
			j.Worst = row.Worst.String()
		}
		for _, p := range row.NotChecked {
			j.NotRun = append(j.NotRun, jsonNotRun{Check: p.Check, What: p.What, Needs: p.Needs})
		}
		out[i] = j
	}
	return out
}

// ScorecardJSON is r's scorecard as the JSON report's summary.scorecard
// writes it, on one line: the Action's scorecard output.
func ScorecardJSON(r *Result) (string, error) {
	if r.Catalog == nil {
		return "[]", nil
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(jsonScorecard(Scorecard(r))); err != nil {
		return "", fmt.Errorf("encoding the scorecard: %w", err)
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}
