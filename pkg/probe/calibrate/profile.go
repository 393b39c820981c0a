// Package calibrate tells a target's answer to a request for something
// that does not exist (a soft 404, a single-page app's catch-all, a WAF
// page) from a real answer: the probe fetches paths that cannot exist,
// builds a Profile from the responses, and treats a later response that
// matches it as "not access", even when it is a 2xx.
package calibrate

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// Sample is one response to a calibration request.
type Sample struct {
	Status int
	Header http.Header
	Body   []byte
}

// Profile is the shapes a target answers unknown paths with. It keeps no
// body, only what is compared.
type Profile struct {
	shapes []shape
}

// Build makes the profile of samples.
func Build(samples []Sample) *Profile {
	p := &Profile{}
	for _, s := range samples {
		p.shapes = append(p.shapes, shapeOf(s))
	}
	return p
}

// Matches reports whether s looks like one of the profile's answers: the
// same status class and media type, and a close body — the same JSON key
// set, or an HTML page with the same title and a length within 10%, or
// the same bytes once volatile runs (timestamps, request IDs, nonces) are
// blanked. A nil or empty profile matches nothing.
func (p *Profile) Matches(s Sample) bool {
	if p == nil || len(p.shapes) == 0 {
		return false
	}
	got := shapeOf(s)
	for _, want := range p.shapes {
		if alike(want, got) {
			return true
		}
	}
	return false
}

// alike compares two shapes.
func alike(a, b shape) bool {
	if a.status/100 != b.status/100 || a.mediaType != b.mediaType || a.kind != b.kind {
		return false
	}
	switch a.kind {
	case kindEmpty:
		return true
	case kindJSON:
		return slices.Equal(a.keys, b.keys)
	case kindHTML:
		if a.title != "" && a.title == b.title && within10(a.size, b.size) {
			return true
		}
	}
	return a.sum == b.sum
}

// within10 reports whether a and b differ by at most 10% of the larger.
func within10(a, b int) bool {
	lo, hi := min(a, b), max(a, b)
	return (hi-lo)*10 <= hi
}

// CatchAll reports whether every sample was a 2xx: the host answers
// success to anything, as a single-page app's server does.
func (p *Profile) CatchAll() bool {
	if p == nil || len(p.shapes) == 0 {
		return false
	}
	for _, s := range p.shapes {
		if s.status/100 != 2 {
			return false
		}
	}
	return true
}

// String words the profile in one line for the summary, e.g. "unknown
// paths: 404 application/json {error}". It names statuses, media types,
// sizes and JSON key names that read as identifiers, never body text.
func (p *Profile) String() string {
	if p == nil || len(p.shapes) == 0 {
		return "unknown paths: not calibrated"
	}
	var parts []string
	for _, s := range p.shapes {
		if d := s.describe(); !slices.Contains(parts, d) {
			parts = append(parts, d)
		}
	}
	return "unknown paths: " + strings.Join(parts, "; ")
}

// describe words one shape.
func (s shape) describe() string {
	mt := s.mediaType
	if mt == "" {
		mt = "no content type"
	}
	out := fmt.Sprintf("%d %s", s.status, mt)
	switch s.kind {
	case kindEmpty:
		return out + " empty"
	case kindJSON:
		keys := "{" + strings.Join(summaryKeys(s.topKeys), ",") + "}"
		if s.array {
			if len(s.topKeys) == 0 {
				return out + " []"
			}
			return out + " [" + keys + "]"
		}
		return out + " " + keys
	}
	return out + " " + size(s.size)
}

// summaryKeys are at most six of keys, those that read as identifiers;
// others (a map keyed by e-mail address or by token) are left out, marked
// by "…".
func summaryKeys(keys []string) []string {
	var out []string
	more := false
	for _, k := range keys {
		if len(out) == 6 || !identifier(k) {
			more = true
			continue
		}
		out = append(out, k)
	}
	if more {
		out = append(out, "…")
	}
	return out
}

// identifier reports whether k is a plain field name: a letter or _, then
// letters, digits, _ or -, at most 32 bytes, and not a run normalize
// would blank (an ID used as a key).
func identifier(k string) bool {
	if k == "" || len(k) > 32 || string(normalize([]byte(k))) != k {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(isLetter(c) || c == '_' || i > 0 && (isDigit(c) || c == '-')) {
			return false
		}
	}
	return true
}

// size words a body length.
func size(n int) string {
	if n < 1024 {
		return fmt.Sprintf("%d B", n)
	}
	return fmt.Sprintf("%.1f kB", float64(n)/1024)
}
