package redact

import (
	"slices"
	"strings"
)

// Span is a byte range [Start, End) of a text that holds a secret value.
type Span struct{ Start, End int }

// Detector finds the secret values in text, as the secrets engine does.
// It must be safe for concurrent use and must not keep the text.
type Detector func(text string) []Span

// Redactor replaces the secret values in text by their shape. The zero
// value and a nil *Redactor use the built-in recognisers only; New adds a
// Detector. A Redactor is safe for concurrent use.
type Redactor struct {
	detect Detector
	// known are values given to WithValues or Exact, taken out wherever
	// they occur.
	known []string
	// exact says only the known values are taken out (Exact).
	exact bool
}

// New returns a Redactor that also takes out whatever detect finds.
func New(detect Detector) *Redactor {
	return &Redactor{detect: detect}
}

// minKnown is the shortest value WithValues takes out: shorter ones
// ("1", "on") would blot out ordinary words.
const minKnown = 4

// WithValues returns a Redactor that, besides what r takes out, takes
// out every occurrence of each of values: the credentials of the probe's
// identities, which no recogniser needs to guess at. Values shorter than
// four bytes are left alone. r is not changed.
func (r *Redactor) WithValues(values ...string) *Redactor {
	out := &Redactor{}
	if r != nil {
		out.detect = r.detect
		out.known = slices.Clone(r.known)
		out.exact = r.exact
	}
	for _, v := range values {
		if len(v) >= minKnown && !slices.Contains(out.known, v) {
			out.known = append(out.known, v)
		}
	}
	return out
}

// Exact returns a Redactor that takes out every occurrence of values and
// nothing else: for whole documents (a job summary, a SARIF file) whose
// texts already went through a full Redactor, where a recogniser could
// take a commit hash or a link for a secret. Values shorter than four
// bytes are left alone, as with WithValues.
func Exact(values ...string) *Redactor {
	r := (&Redactor{}).WithValues(values...)
	r.exact = true
	return r
}

// knownSpans finds the known values in s.
func (r *Redactor) knownSpans(s string) []Span {
	var out []Span
	for _, v := range r.known {
		for at := 0; ; {
			i := strings.Index(s[at:], v)
			if i < 0 {
				break
			}
			out = append(out, Span{at + i, at + i + len(v)})
			at += i + len(v)
		}
	}
	return out
}

// String returns s with every secret value the Redactor recognises
// replaced by its shape (see Value). Text with nothing to take out comes
// back unchanged, and redacting twice changes nothing more.
func (r *Redactor) String(s string) string {
	if s == "" {
		return s
	}
	var spans []Span
	if r == nil || !r.exact {
		spans = builtinSpans(s)
	}
	if r != nil {
		spans = append(spans, r.knownSpans(s)...)
	}
	if r != nil && r.detect != nil {
		for _, sp := range r.detect(s) {
			if sp.Start >= 0 && sp.End <= len(s) && sp.Start < sp.End {
				spans = append(spans, sp)
			}
		}
	}
	if len(spans) == 0 {
		return s
	}
	return replace(s, merge(spans))
}

// Strings redacts each of ss in place and returns it.
func (r *Redactor) Strings(ss []string) []string {
	for i, s := range ss {
		ss[i] = r.String(s)
	}
	return ss
}

// Lines redacts every line of m in place, the scorecard's evidence by
// area, say, and returns m.
func (r *Redactor) Lines(m map[string][]string) map[string][]string {
	for _, v := range m {
		r.Strings(v)
	}
	return m
}

// merge sorts spans and joins the ones that overlap or touch, so that one
// value found by two recognisers is replaced once.
func merge(spans []Span) []Span {
	slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	out := spans[:1]
	for _, sp := range spans[1:] {
		last := &out[len(out)-1]
		if sp.Start <= last.End {
			last.End = max(last.End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// replace writes s with each of the sorted, disjoint spans replaced by the
// shape of what it covers.
func replace(s string, spans []Span) string {
	var b strings.Builder
	b.Grow(len(s))
	at := 0
	for _, sp := range spans {
		b.WriteString(s[at:sp.Start])
		b.WriteString(Value(s[sp.Start:sp.End]))
		at = sp.End
	}
	b.WriteString(s[at:])
	return b.String()
}
