package secrets

import (
	"bytes"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
)

// literal is a text every match of a rule contains: as written, or in any
// ASCII case when fold is set.
type literal struct {
	text string
	fold bool
}

// minLiteral is the shortest literal worth looking for: shorter ones are
// in nearly every content.
const minLiteral = 3

// requiredLiterals returns texts that every match of pattern contains, so
// a content without one of them cannot match and the expression need not
// run. Case-folded literals must be ASCII; see present for the two ASCII
// letters that fold to other runes. A pattern it cannot read requires
// nothing.
func requiredLiterals(pattern string) []literal {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	var out []literal
	for _, l := range required(re) {
		if len(l.text) >= minLiteral && (!l.fold || isASCII(l.text)) && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

func required(re *syntax.Regexp) []literal {
	switch re.Op {
	case syntax.OpLiteral:
		fold := re.Flags&syntax.FoldCase != 0
		text := string(re.Rune)
		if fold {
			text = strings.ToLower(text)
		}
		return []literal{{text: text, fold: fold}}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var out []literal
		for _, s := range re.Sub {
			out = append(out, required(s)...)
		}
		return out
	case syntax.OpAlternate:
		// What the first branch requires and every other one contains.
		out := required(re.Sub[0])
		for _, s := range re.Sub[1:] {
			other := required(s)
			out = slices.DeleteFunc(out, func(l literal) bool {
				return !slices.ContainsFunc(other, func(o literal) bool {
					return o.fold == l.fold && strings.Contains(o.text, l.text)
				})
			})
		}
		return out
	}
	return nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// present reports whether view, or lower (view ASCII lower-cased), holds
// every literal. Two ASCII letters fold to other runes as well: "k" to the
// Kelvin sign and "s" to the long s, which ASCII lower-casing does not
// reach; a view holding either is assumed to hold every literal.
func present(lits []literal, view string, lower []byte) bool {
	if len(lits) == 0 || strings.Contains(view, "\u212a") || strings.Contains(view, "\u017f") {
		return true
	}
	for _, l := range lits {
		if l.fold {
			if !bytes.Contains(lower, []byte(l.text)) {
				return false
			}
		} else if !strings.Contains(view, l.text) {
			return false
		}
	}
	return true
}
