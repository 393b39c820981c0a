// Package process turns the findings checks report into the findings a
// report shows: a pipeline of processors, each doing one thing (override
// severities, honour ignores and a baseline, keep only changed lines,
// drop duplicates, sort).
//
// A scan runs them in this order: SeverityOverride, InlineIgnore,
// ConfigIgnore, Baseline, DiffOnly, Dedupe, Sort. Suppressing processors
// leave a finding that another one already suppressed alone, so the first
// reason in that order is the one reported.
package process

import (
	"fmt"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
)

// Processor is one step of the pipeline. Process may change the findings
// it is given and returns the ones that go on.
type Processor interface {
	Name() string
	Process(fs []finding.Finding) ([]finding.Finding, error)
}

// Noter is a processor with something to tell the user that is not a
// finding, such as an ignore that has expired.
type Noter interface {
	Notes() []string
}

// Run passes fs through ps in order. The caller's slice is not changed.
func Run(ps []Processor, fs []finding.Finding) ([]finding.Finding, error) {
	out := slices.Clone(fs)
	for _, p := range ps {
		var err error
		if out, err = p.Process(out); err != nil {
			return nil, fmt.Errorf("%s: %w", p.Name(), err)
		}
	}
	return out, nil
}

// Notes collects the notes of the processors in ps that have any.
func Notes(ps []Processor) []string {
	var out []string
	for _, p := range ps {
		if n, ok := p.(Noter); ok {
			out = append(out, n.Notes()...)
		}
	}
	return out
}

// matchRule reports whether a rule pattern, a rule ID or "category/*",
// covers rule ID id.
func matchRule(pattern, id string) bool {
	if cat, ok := strings.CutSuffix(pattern, "/*"); ok {
		c, _, _ := strings.Cut(id, "/")
		return c == cat
	}
	return pattern == id
}
