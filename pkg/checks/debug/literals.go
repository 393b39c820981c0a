package debug

import (
	"bytes"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// maxLiterals bounds the alternatives a prefilter carries; a pattern with
// more is cheaper to run than to prefilter.
const maxLiterals = 48

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
		// Adjacent literals join into one longer, rarer literal; otherwise
		// the best single child's set is required.
		var best []string
		var run strings.Builder
		consider := func(set []string) {
			if better(set, best) {
				best = set
			}
		}
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpLiteral && usable(sub) {
				run.WriteString(strings.ToLower(string(sub.Rune)))
				continue
			}
			if run.Len() > 0 {
				consider([]string{run.String()})
				run.Reset()
			}
			if set, ok := literalSet(sub); ok {
				consider(set)
			}
		}
		if run.Len() > 0 {
			consider([]string{run.String()})
		}
		return best, best != nil
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			set, ok := literalSet(sub)
			if !ok {
				return nil, false
			}
			out = append(out, set...)
		}
		if len(out) > maxLiterals {
			return nil, false
		}
		return out, true
	}
	return nil, false
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
