package process

import (
	"slices"

	"github.com/launchgate/launchgate/pkg/finding"
)

type sorter struct{}

// Sort orders findings as every report shows them: by file, line, column,
// rule and message (finding.Compare).
func Sort() Processor { return sorter{} }

func (sorter) Name() string { return "sort" }

func (sorter) Process(fs []finding.Finding) ([]finding.Finding, error) {
	slices.SortStableFunc(fs, func(a, b finding.Finding) int { return finding.Compare(&a, &b) })
	return fs, nil
}
