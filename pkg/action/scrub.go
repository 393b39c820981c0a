package action

import (
	"cmp"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/redact"
)

// scrubber replaces known credentials, wherever they occur in a whole
// document (the job summary, the comment, the SARIF file), by their
// redacted shape. The findings and notes in those documents already went
// through the run's redactor; the scrubber is the last guard, and being
// exact, it cannot mangle a link or a hash the way a recogniser run over
// a whole document could.
type scrubber struct{ r *strings.Replacer }

// newScrubber scrubs values; the longest are tried first, so that a
// whole header value goes before the token inside it.
func newScrubber(values []string) scrubber {
	vals := slices.Clone(values)
	slices.SortFunc(vals, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	var pairs []string
	for _, v := range vals {
		if v != "" {
			pairs = append(pairs, v, redact.Value(v))
		}
	}
	if len(pairs) == 0 {
		return scrubber{}
	}
	return scrubber{strings.NewReplacer(pairs...)}
}

// String returns s with every known value replaced.
func (s scrubber) String(v string) string {
	if s.r == nil {
		return v
	}
	return s.r.Replace(v)
}
