package secrets

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// unbounded is the reach of an expression whose matches have no length
// bound.
const unbounded = -1

// maxReach is the largest bound worth keeping: beyond it a rule runs over
// whole contents as an unbounded one does.
const maxReach = 64 << 10

// ruleReach returns the most bytes a match of pattern can span, or
// unbounded. It reads the pattern with Go's parser, whose syntax gitleaks'
// expressions share with RE2; a pattern it cannot read is unbounded.
func ruleReach(pattern string) int {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return unbounded
	}
	n := width(re)
	if n > maxReach {
		return unbounded
	}
	return n
}

// width is the most bytes re matches, or unbounded.
func width(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += runeWidth(r, re.Flags&syntax.FoldCase != 0)
		}
		return n
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return 0
		}
		return utf8.RuneLen(min(re.Rune[len(re.Rune)-1], unicode.MaxRune))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return width(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			w := width(s)
			if w == unbounded || n+w > maxReach {
				return unbounded
			}
			n += w
		}
		return n
	case syntax.OpAlternate:
		n := 0
		for _, s := range re.Sub {
			w := width(s)
			if w == unbounded {
				return unbounded
			}
			n = max(n, w)
		}
		return n
	case syntax.OpRepeat:
		w := width(re.Sub[0])
		if re.Max < 0 || w == unbounded || w*re.Max > maxReach {
			if re.Max == 0 {
				return 0
			}
			return unbounded
		}
		return w * re.Max
	case syntax.OpStar, syntax.OpPlus:
		return unbounded
	default:
		// Empty matches and assertions.
		return 0
	}
}

// runeWidth is the most bytes r matches: under case folding, the longest
// rune it folds to ("k" matches the three-byte Kelvin sign).
func runeWidth(r rune, fold bool) int {
	n := utf8.RuneLen(r)
	if n < 0 {
		n = utf8.UTFMax
	}
	if !fold {
		return n
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		n = max(n, utf8.RuneLen(f))
	}
	return n
}

// holdsKeyword reports whether every text pattern matches contains one of
// keywords (lower case), ignoring case: only then can a rule run near its
// keywords alone. gitleaks runs a rule wherever a keyword appears in the
// content, and some rules' keywords name the provider rather than appear
// in the token. A pattern it cannot read holds none.
func holdsKeyword(pattern string, keywords []string) bool {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return false
	}
	return contains(re, keywords)
}

func contains(re *syntax.Regexp, keywords []string) bool {
	if lang, ok := language(re); ok {
		return allHold(lang, keywords)
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return contains(re.Sub[0], keywords)
	case syntax.OpRepeat:
		return re.Min > 0 && contains(re.Sub[0], keywords)
	case syntax.OpConcat:
		// A keyword may be spelled across neighbours ("(?:sc|ext)_"), so
		// runs of neighbours with a small language are taken together.
		run := []string{""}
		for _, s := range re.Sub {
			if contains(s, keywords) {
				return true
			}
			lang, ok := language(s)
			if !ok {
				run = []string{""}
				continue
			}
			if run, ok = product(run, lang); !ok {
				run = []string{""}
				continue
			}
			if allHold(run, keywords) {
				return true
			}
		}
		return false
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !contains(s, keywords) {
				return false
			}
		}
		return true
	default:
		return false
	}
}

// Bounds on the languages holdsKeyword enumerates.
const (
	maxLanguage = 64
	maxWord     = 64
)

// language returns every text re matches, lower-cased, when they are few
// and short: literals, small classes such as [Ee], and their
// alternations and sequences.
func language(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}, true
	case syntax.OpCharClass:
		seen := map[string]bool{}
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > maxLanguage {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if l := strings.ToLower(string(r)); !seen[l] {
					seen[l] = true
					out = append(out, l)
				}
			}
		}
		return out, len(out) <= maxLanguage
	case syntax.OpCapture:
		return language(re.Sub[0])
	case syntax.OpQuest:
		l, ok := language(re.Sub[0])
		return append(l, ""), ok && len(l) < maxLanguage
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range re.Sub {
			l, ok := language(s)
			if !ok {
				return nil, false
			}
			if out, ok = product(out, l); !ok {
				return nil, false
			}
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			l, ok := language(s)
			if !ok || len(out)+len(l) > maxLanguage {
				return nil, false
			}
			out = append(out, l...)
		}
		return out, true
	default:
		return nil, false
	}
}

// product returns every a followed by every b, if that is few and short.
func product(a, b []string) ([]string, bool) {
	if len(a)*len(b) > maxLanguage {
		return nil, false
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			if len(x)+len(y) > maxWord {
				return nil, false
			}
			out = append(out, x+y)
		}
	}
	return out, true
}

// allHold reports whether every word contains one of keywords.
func allHold(words, keywords []string) bool {
	for _, w := range words {
		held := false
		for _, k := range keywords {
			if strings.Contains(w, k) {
				held = true
				break
			}
		}
		if !held {
			return false
		}
	}
	return true
}
