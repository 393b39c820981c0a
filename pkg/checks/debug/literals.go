package debug

import (
	"bytes"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxLiterals bounds the alternatives a prefilter carries; a pattern with
// more is cheaper to run than to prefilter. One pass over a file finds
// them all (see litIndex), so the bound is on the work per line.
const maxLiterals = 96

// maxProduct bounds the strings a run of a concatenation spells out.
const maxProduct = 24

// requiredLiterals returns lowercase strings at least one of which occurs,
// ASCII-lowercased, in every text the RE2 pattern matches, or nil when it
// finds no useful set. Checking for them with bytes.Contains rules out most
// files and lines far faster than the expression can.
//
// Only ASCII literals are kept, because the check lowercases text byte by
// byte so offsets stay put; and none spans a line break, because a window
// joins lines with "\n" where the file may have "\r\n" or blank lines.
func requiredLiterals(pattern string) ([]string, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, err
	}
	set, ok := literalSet(re.Simplify())
	if !ok || len(set) == 0 {
		return nil, nil
	}
	for _, s := range set {
		if s == "" {
			return nil, nil
		}
	}
	return set, nil
}

// literalSet returns a set of strings one of which every match of re
// contains, and whether such a set is known.
func literalSet(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		if !usable(re) {
			return nil, false
		}
		return []string{strings.ToLower(s)}, true
	case syntax.OpCapture:
		return literalSet(re.Sub[0])
	case syntax.OpPlus:
		return literalSet(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return literalSet(re.Sub[0])
		}
		return nil, false
	case syntax.OpConcat:
		// A run of children that each match one of a few fixed strings
		// (literals, small classes, alternations of literals, assertions
		// between them) is one of the strings of their cross product:
		// (jwt|jsonwebtoken)\.(sign|verify) holds "jwt.sign" or another of
		// four, far rarer than "sign" alone. Otherwise the best single
		// child's set is required.
		var best []string
		consider := func(set []string) {
			if better(set, best) {
				best = set
			}
		}
		var run []string // the cross product so far; nil: no run
		literal := false // the run holds a literal, not only classes
		flush := func() {
			if run != nil && literal && !slices.Contains(run, "") {
				consider(minimal(run))
			}
			run, literal = nil, false
		}
		for _, sub := range re.Sub {
			if set, ok := exactSet(sub); ok {
				if run == nil {
					run = []string{""}
				}
				if next := product(run, set); next != nil {
					run = next
					literal = literal || hasLiteral(sub)
					continue
				}
				flush()
				run, literal = set, hasLiteral(sub)
				continue
			}
			flush()
			if set, ok := literalSet(sub); ok {
				consider(set)
			}
		}
		flush()
		return best, best != nil
	case syntax.OpAlternate:
		out, ok := union(re.Sub, literalSet)
		if out = minimal(out); !ok || len(out) > maxLiterals {
			return nil, false
		}
		return out, true
	}
	return nil, false
}

// maxClass bounds the characters of a class that exactSet spells out.
const maxClass = 4

// exactSet returns every string re matches, lowercased, when they are few
// (at most maxLiterals), ASCII and without line breaks; zero-width
// assertions match the empty string.
func exactSet(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return []string{""}, true
	case syntax.OpLiteral:
		if !usable(re) {
			return nil, false
		}
		return []string{strings.ToLower(string(re.Rune))}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi >= utf8.RuneSelf || hi-lo >= maxClass || len(out)+int(hi-lo) >= 2*maxClass {
				return nil, false
			}
			for r := lo; r <= hi; r++ {
				if r == '\n' || r == '\r' {
					return nil, false
				}
				out = append(out, strings.ToLower(string(r)))
			}
		}
		out = dedupe(out)
		return out, len(out) > 0 && len(out) <= maxClass
	case syntax.OpCapture:
		return exactSet(re.Sub[0])
	case syntax.OpQuest:
		set, ok := exactSet(re.Sub[0])
		if !ok {
			return nil, false
		}
		return dedupe(append(set, "")), true
	case syntax.OpConcat:
		run := []string{""}
		for _, sub := range re.Sub {
			set, ok := exactSet(sub)
			if !ok {
				return nil, false
			}
			if run = product(run, set); run == nil {
				return nil, false
			}
		}
		return dedupe(run), true
	case syntax.OpAlternate:
		out, ok := union(re.Sub, exactSet)
		out = dedupe(out)
		return out, ok && len(out) <= maxLiterals
	}
	return nil, false
}

// union returns the sets of each of subs together, and false when one of
// them has none.
func union(subs []*syntax.Regexp, set func(*syntax.Regexp) ([]string, bool)) ([]string, bool) {
	var out []string
	for _, sub := range subs {
		s, ok := set(sub)
		if !ok {
			return nil, false
		}
		out = append(out, s...)
	}
	return out, true
}

// product returns every string of a followed by one of b, or nil when
// there would be more than maxProduct of them.
func product(a, b []string) []string {
	if len(a)*len(b) > maxProduct {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// hasLiteral reports whether re holds a literal, as opposed to classes and
// assertions only.
func hasLiteral(re *syntax.Regexp) bool {
	if re.Op == syntax.OpLiteral {
		return true
	}
	for _, sub := range re.Sub {
		if hasLiteral(sub) {
			return true
		}
	}
	return false
}

// minimal drops the strings of set that hold another of its strings: a
// text holding "abcx" holds "x".
func minimal(set []string) []string {
	set = dedupe(set)
	var out []string
	for i, s := range set {
		implied := slices.ContainsFunc(set, func(t string) bool { return t != s && strings.Contains(s, t) })
		if !implied {
			out = append(out, set[i])
		}
	}
	return out
}

// dedupe drops repeated strings, keeping the first of each.
func dedupe(set []string) []string {
	seen := make(map[string]bool, len(set))
	out := set[:0:0]
	for _, s := range set {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// usable reports whether a literal can be looked for in ASCII-lowercased
// text. Case-folded k and s can be, although Unicode also folds the Kelvin
// sign and the long s to them: scanLines does without the prefilter in a
// file that holds either rune.
func usable(lit *syntax.Regexp) bool {
	if len(lit.Rune) == 0 {
		return false
	}
	for _, r := range lit.Rune {
		if r >= utf8.RuneSelf || r == '\n' || r == '\r' {
			return false
		}
	}
	return true
}

// foldsPastASCII reports whether data holds a rune that case-folds to an
// ASCII letter: the Kelvin sign (to k) or the long s (to s).
func foldsPastASCII(data []byte) bool {
	return bytes.Contains(data, []byte("\u212a")) || bytes.Contains(data, []byte("\u017f"))
}

// better prefers the set whose shortest literal is longest: a longer
// literal occurs in fewer places.
func better(set, than []string) bool {
	if len(set) == 0 {
		return false
	}
	if than == nil {
		return true
	}
	return shortest(set) > shortest(than)
}

func shortest(set []string) int {
	n := -1
	for _, s := range set {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

// lowerASCII returns a copy of b with A-Z lowered and every other byte
// kept, so offsets in the copy are offsets in b.
func lowerASCII(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}
