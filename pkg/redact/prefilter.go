package redact

import (
	"slices"
	"strings"
)

// prefilter holds what the built-in recognisers need of a text before
// their expressions are worth running. Go's regexp tries an expression
// that starts with a class, or with a case-insensitive alternation, at
// every offset, and most texts (a finding's message, a URL) hold nothing
// any of them finds: one pass over the text rules most of them out. Each
// test is a condition every match of its expression meets.
type prefilter struct {
	s string
	// lower is s lowercased, or "" when s holds a rune that case-folds
	// to an ASCII letter (the Kelvin sign, the long s), which the
	// case-insensitive expressions match and a lowercased search misses.
	lower string
	// tokenRun is the longest run of tokenRE's characters
	// [A-Za-z0-9+/_-], valueRun the longest of [A-Za-z0-9+/=_.-], the
	// class of quotedRE's value and of markerRE's marker and tail.
	tokenRun, valueRun int
}

func newPrefilter(s string) *prefilter {
	p := &prefilter{s: s}
	if !strings.ContainsAny(s, "\u212a\u017f") {
		p.lower = strings.ToLower(s)
	}
	token, value := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if alnum || c == '+' || c == '/' || c == '_' || c == '-' {
			token++
			value++
		} else {
			token = 0
			if c == '=' || c == '.' {
				value++
			} else {
				value = 0
			}
		}
		p.tokenRun = max(p.tokenRun, token)
		p.valueRun = max(p.valueRun, value)
	}
	return p
}

// holds reports whether the text holds one of words, lowercase, in any
// case; true when it cannot tell.
func (p *prefilter) holds(words ...string) bool {
	if p.lower == "" {
		return p.s != ""
	}
	return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(p.lower, w) })
}

// minMarkerTail is the shortest random part markerRE takes after a marker.
const minMarkerTail = 8

// marker reports whether the text may hold a match of markerRE: a marker
// and its random part are one run of the value class (markers are made of
// it, TestMarkersAreValueRuns), and the marker itself occurs.
func (p *prefilter) marker() bool {
	if p.valueRun < shortestMarker+minMarkerTail {
		return false
	}
	for _, m := range markers {
		if m[0] != '-' && strings.Contains(p.s, m) {
			return true
		}
	}
	return false
}

// shortestMarker is the length of the shortest marker markerRE looks
// for, worked out once like the expressions.
var shortestMarker = shortestMarkerLen()

func shortestMarkerLen() int {
	n := 0
	for _, m := range markers {
		if m[0] != '-' && (n == 0 || len(m) < n) {
			n = len(m)
		}
	}
	return n
}

// credentialStems are what every name assignRE takes for a credential's
// holds, lowercased.
var credentialStems = [...]string{"secret", "passw", "pwd", "token", "key", "credential", "authorization", "salt"}

// assignments is assignRE's submatches: only where the text holds an
// assignment and a credential's name.
func (p *prefilter) assignments() [][]int {
	if !strings.ContainsAny(p.s, ":=") || !p.holds(credentialStems[:]...) {
		return nil
	}
	return assignRE.FindAllStringSubmatchIndex(p.s, -1)
}

// scheme is schemeRE's submatches: only where an authorization scheme's
// name occurs.
func (p *prefilter) scheme() [][]int {
	if !p.holds("bearer", "basic", "token") {
		return nil
	}
	return schemeRE.FindAllStringSubmatchIndex(p.s, -1)
}

// minQuoted and minToken are the shortest values quotedRE and tokenRE take.
const (
	minQuoted = 20
	minToken  = 32
)

// quoted is quotedRE's submatches: only where a run is long enough.
func (p *prefilter) quoted() [][]int {
	if p.valueRun < minQuoted {
		return nil
	}
	return quotedRE.FindAllStringSubmatchIndex(p.s, -1)
}

// tokens is tokenRE's matches: only where a run is long enough.
func (p *prefilter) tokens() [][]int {
	if p.tokenRun < minToken {
		return nil
	}
	return tokenRE.FindAllStringIndex(p.s, -1)
}
