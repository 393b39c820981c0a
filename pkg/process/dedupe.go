package process

import "github.com/launchgate/launchgate/pkg/finding"

type dedupe struct{}

// Dedupe drops findings whose fingerprint an earlier one has. Of a set of
// duplicates it keeps the one that sorts first, at the place of the first,
// so the result does not depend on which check reported first.
func Dedupe() Processor { return dedupe{} }

func (dedupe) Name() string { return "dedupe" }

func (dedupe) Process(fs []finding.Finding) ([]finding.Finding, error) {
	at := map[string]int{}
	out := fs[:0]
	for _, f := range fs {
		if f.Fingerprint == "" {
			// Without a fingerprint there is nothing to compare by.
			out = append(out, f)
			continue
		}
		if i, dup := at[f.Fingerprint]; dup {
			if finding.Compare(&f, &out[i]) < 0 {
				out[i] = f
			}
			continue
		}
		at[f.Fingerprint] = len(out)
		out = append(out, f)
	}
	return out, nil
}
