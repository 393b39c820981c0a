package process

import (
	"github.com/launchgate/launchgate/pkg/finding"
)

type overlap struct {
	rank func(rule string) int
}

// Overlap keeps, of the unsuppressed findings on one line of one file, only
// those whose rule ranks best, among rules that rank says can describe the
// same problem (rank > 0; lower is better). A secret written into a deploy
// manifest is found by the secret scan and by the manifest rules; the
// reader gets one finding, the one that names the most. Findings of rules
// ranked 0, suppressed findings and findings without a line are left alone.
func Overlap(rank func(rule string) int) Processor { return overlap{rank: rank} }

func (overlap) Name() string { return "overlap" }

func (o overlap) Process(fs []finding.Finding) ([]finding.Finding, error) {
	type place struct {
		file string
		line int
	}
	best := map[place]int{}
	ranked := func(f *finding.Finding) (place, int, bool) {
		if f.Suppressed || f.File == "" || f.Line == 0 {
			return place{}, 0, false
		}
		r := o.rank(f.RuleID)
		return place{f.File, f.Line}, r, r > 0
	}
	for i := range fs {
		if p, r, ok := ranked(&fs[i]); ok {
			if b, seen := best[p]; !seen || r < b {
				best[p] = r
			}
		}
	}
	out := fs[:0]
	for _, f := range fs {
		if p, r, ok := ranked(&f); ok && r > best[p] {
			continue
		}
		out = append(out, f)
	}
	return out, nil
}
