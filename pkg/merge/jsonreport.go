package merge

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
)

// jsonReport is the part of launchgate's JSON report merge reads.
type jsonReport struct {
	Tool     report.Tool       `json:"tool"`
	Category string            `json:"category"`
	Findings []finding.Finding `json:"findings"`
	Summary  struct {
		Checks    []string `json:"checks"`
		Analyses  []string `json:"analyses"`
		Scorecard []struct {
			ID         string   `json:"id"`
			Evidence   []string `json:"evidence"`
			Unverified []string `json:"unverified"`
		} `json:"scorecard"`
	} `json:"summary"`
	Evidence []report.Evidence `json:"evidence"`
}

// parseJSON reads a JSON report. A joined report's findings keep the
// analysis each was written with; the findings of a report of one
// command are its category's analysis, the ID its SARIF run had, or
// named after file without a category.
func parseJSON(file string, data []byte) (*Input, error) {
	var r jsonReport
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, err
	}
	if r.Tool.Name != report.ToolName {
		return nil, errOtherTool(r.Tool.Name)
	}
	// A finding without a severity would decode as info and never block.
	var sev struct {
		Findings []struct {
			Severity *string `json:"severity"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(data, &sev); err != nil {
		return nil, err
	}
	for i, f := range sev.Findings {
		if f.Severity == nil {
			return nil, fmt.Errorf("finding %d has no severity", i+1)
		}
	}
	in := &Input{File: file, Format: "json", Version: r.Tool.Version, Checks: r.Summary.Checks,
		Tally: map[string][]string{}, Unverified: map[string][]string{}, Evidence: r.Evidence}
	for _, a := range r.Summary.Analyses {
		in.Analyses = appendNew(in.Analyses, strings.Trim(a, "/"))
	}
	for i := range r.Findings {
		if a := strings.Trim(r.Findings[i].Analysis, "/"); a != "" {
			in.Analyses = appendNew(in.Analyses, a)
		}
	}
	if len(in.Analyses) == 0 {
		single := strings.Trim(r.Category, "/")
		if single == "" {
			single = DerivedName(file)
			in.Derived = single
		}
		in.Analyses = []string{single}
	}
	for _, a := range in.Analyses {
		if err := checkAnalysis(a); err != nil {
			return nil, err
		}
	}
	for i := range r.Findings {
		f := r.Findings[i]
		switch {
		case f.RuleID == "":
			return nil, fmt.Errorf("finding %d has no rule_id", i+1)
		case f.Fingerprint == "":
			return nil, fmt.Errorf("finding %d (%s) has no fingerprint", i+1, truncate(f.RuleID, 60))
		}
		f.Analysis = strings.Trim(f.Analysis, "/")
		if f.Analysis == "" {
			// As SARIF does: a finding without an analysis goes to
			// the first run rather than being lost.
			f.Analysis = in.Analyses[0]
		}
		in.Findings = append(in.Findings, f)
	}
	for _, row := range r.Summary.Scorecard {
		addLines(in.Tally, map[string][]string{row.ID: row.Evidence})
		addLines(in.Unverified, map[string][]string{row.ID: row.Unverified})
	}
	return in, nil
}
