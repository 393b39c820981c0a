package merge

import (
	"slices"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
)

// MaxRuns is the most runs code scanning accepts in one SARIF file.
const MaxRuns = 20

// Split divides r into results of at most maxRuns analyses each (zero
// means MaxRuns), in r's order, so that each can be written as a SARIF
// file code scanning accepts. Every part keeps r's verdict inputs (the
// checks that ran, their evidence, the catalog and threshold); the notes
// go with the first part. A result within the limit comes back alone.
func Split(r *report.Result, maxRuns int) []*report.Result {
	if maxRuns <= 0 {
		maxRuns = MaxRuns
	}
	ids := slices.Clone(r.Analyses)
	for i := range r.Findings {
		if a := r.Findings[i].Analysis; a != "" && !slices.Contains(ids, a) {
			ids = append(ids, a)
		}
	}
	if len(ids) <= maxRuns {
		return []*report.Result{r}
	}
	var parts []*report.Result
	for start := 0; start < len(ids); start += maxRuns {
		chunk := ids[start:min(start+maxRuns, len(ids))]
		p := *r
		p.Analyses = slices.Clone(chunk)
		p.Findings = nil
		for _, f := range r.Findings {
			if slices.Contains(chunk, f.Analysis) {
				p.Findings = append(p.Findings, f)
			}
		}
		if p.Findings == nil {
			p.Findings = []finding.Finding{}
		}
		if start > 0 {
			p.Notes = nil
		}
		parts = append(parts, &p)
	}
	return parts
}
