package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/launchgate/launchgate/pkg/finding"
)

// JSONReporter writes the stable machine-readable report described in
// DESIGN.md.
type JSONReporter struct{}

type jsonReport struct {
	Tool     Tool              `json:"tool"`
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
}

// Write writes r as indented JSON followed by a newline.
func (JSONReporter) Write(w io.Writer, r *Result) error {
	s := r.Summary()
	out := jsonReport{
		Tool:     toolOf(r),
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
