package process

import (
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
)

type overlap struct {
	rank func(rule string) int
}

// Overlap keeps, of the unsuppressed findings on one line of one file, only
// those whose rule ranks best, among rules that rank says can describe the
// same problem (rank > 0; lower is better). A secret written into a deploy
// manifest is found by the secret scan, by the manifest rules and by the
// rules that judge the value (weak, placeholder); the reader gets one
// finding, the one that names the most, and its message names the rules
// it stands for, with what they said. Findings of rules ranked 0,
// suppressed findings and findings without a line are left alone.
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
	// What the dropped findings of each place said, for the kept one.
	also := map[place][]string{}
	for i := range fs {
		if p, r, ok := ranked(&fs[i]); ok && r > best[p] {
			also[p] = append(also[p], fs[i].RuleID+": "+strings.TrimSuffix(fs[i].Message, "."))
		}
	}
	told := map[place]bool{}
	out := fs[:0]
	for _, f := range fs {
		p, r, ok := ranked(&f)
		if ok && r > best[p] {
			continue
		}
		if ok && len(also[p]) > 0 && !told[p] {
			told[p] = true
			f.Message = strings.TrimSuffix(f.Message, ".") + ". Also reported here as " + strings.Join(also[p], "; ") + "."
		}
		out = append(out, f)
	}
	return out, nil
}
