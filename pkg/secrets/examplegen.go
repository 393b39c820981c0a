package secrets

import (
	"math/rand/v2"
	"regexp/syntax"
	"strings"
)

// exampleAttempts bounds the tries at generating a text a rule fires on.
const exampleAttempts = 24

// sampleAlphabet is what generated values are drawn from when a character
// class allows it: letters and digits give the entropy rules ask for.
const sampleAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// sampler writes a string that a regular expression matches, choosing
// alternatives and characters with a seeded random source, so the same
// seed gives the same text on every run.
type sampler struct {
	rnd *rand.Rand
	b   strings.Builder
}

// sample returns a string pattern matches, or ok false if the pattern uses
// a construct the sampler does not handle.
func sample(pattern string, seed uint64) (string, bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return "", false
	}
	s := &sampler{rnd: rand.New(rand.NewPCG(seed, 0x6c61756e6368))}
	if !s.gen(re) {
		return "", false
	}
	return s.b.String(), true
}

func (s *sampler) gen(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		lit := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 {
			lit = strings.ToLower(lit)
		}
		s.b.WriteString(lit)
		return true
	case syntax.OpCharClass:
		r, ok := s.pick(re.Rune)
		if ok {
			s.b.WriteRune(r)
		}
		return ok
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		// Mostly an unescaped dot in a host name: "hooks.slack.com".
		s.b.WriteByte('.')
		return true
	case syntax.OpCapture:
		return s.gen(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		s.optional(re.Sub[0])
		return true
	case syntax.OpPlus:
		return s.repeat(re.Sub[0], 1, -1)
	case syntax.OpRepeat:
		return s.repeat(re.Sub[0], re.Min, re.Max)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !s.gen(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		// An end-of-text branch ends the example cleanly, where a random
		// terminator would leave an escaped "\\n" or a stray quote.
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpEndText || sub.Op == syntax.OpEndLine {
				return true
			}
		}
		return s.gen(re.Sub[s.rnd.IntN(len(re.Sub))])
	}
	return false
}

// repeat writes sub between min and max times (max < 0: unbounded). A run
// of characters that may be long is made at least 20 long, which is what
// entropy thresholds need; other repeats use the minimum.
func (s *sampler) repeat(sub *syntax.Regexp, min, max int) bool {
	if min == 0 {
		s.optional(sub)
		return true
	}
	n := min
	if sub.Op == syntax.OpCharClass && n < 20 && (max < 0 || max > n) {
		n = 20
		if max >= 0 && max < n {
			n = max
		}
	}
	for range n {
		if sub.Op == syntax.OpAnyChar || sub.Op == syntax.OpAnyCharNotNL {
			s.b.WriteByte(sampleAlphabet[s.rnd.IntN(len(sampleAlphabet))])
			continue
		}
		if !s.gen(sub) {
			return false
		}
	}
	return true
}

// optional writes what an optional part gets: a space where one may stand,
// which keeps words apart for \b, and nothing otherwise, since optional
// parts are context (separators, prefixes) more often than the secret.
func (s *sampler) optional(sub *syntax.Regexp) {
	if sub.Op == syntax.OpAnyChar || (sub.Op == syntax.OpCharClass && inClass(sub.Rune, ' ')) {
		s.b.WriteByte(' ')
	}
}

// inClass reports whether r is in a class given as rune range pairs.
func inClass(ranges []rune, r rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if r >= ranges[i] && r <= ranges[i+1] {
			return true
		}
	}
	return false
}

// pick chooses a character of a class (given as rune range pairs),
// preferring letters and digits, then printable ASCII other than quotes
// and backslashes, never a line break.
func (s *sampler) pick(ranges []rune) (rune, bool) {
	in := func(r rune) bool { return inClass(ranges, r) }
	var pool []rune
	for _, r := range sampleAlphabet {
		if in(r) {
			pool = append(pool, r)
		}
	}
	for _, avoid := range []string{"'\"`\\", ""} {
		for r := rune(0x20); r < 0x7f && len(pool) == 0; r++ {
			if in(r) && !strings.ContainsRune(avoid, r) {
				pool = append(pool, r)
			}
		}
	}
	if len(pool) == 0 {
		return 0, false
	}
	return pool[s.rnd.IntN(len(pool))], true
}
