package process

import (
	"math"

	"github.com/launchgate/launchgate/pkg/finding"
)

type diffOnly struct {
	touched func(file string, from, to int) bool
}

// DiffOnly keeps the findings a change is responsible for: touched
// reports whether any line from..to of file was added. A finding counts
// when its block (Line to EndLine) has an added line; one without a line
// is about its whole file; one without a file (a live finding, at a URL)
// is always kept, and so is one a check marked as being about the change
// itself (a route whose auth got weaker by deleting lines has no added line
// to point at).
func DiffOnly(touched func(file string, from, to int) bool) Processor {
	return diffOnly{touched: touched}
}

func (diffOnly) Name() string { return "diff-only" }

func (p diffOnly) Process(fs []finding.Finding) ([]finding.Finding, error) {
	out := fs[:0]
	for _, f := range fs {
		if f.File == "" || f.OfChange {
			out = append(out, f)
			continue
		}
		if from, to := blockOf(&f); p.touched(f.File, from, to) {
			out = append(out, f)
		}
	}
	return out, nil
}

// blockOf returns the lines a finding is about.
func blockOf(f *finding.Finding) (from, to int) {
	if f.Line <= 0 {
		return 1, math.MaxInt
	}
	return f.Line, max(f.Line, f.EndLine)
}
