package debug

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/redact"
)

// conditionalOpener is a Python block opener whose body runs only under a
// condition or when called: the statement keyword at the start of the
// line. A class body runs when the module loads, so class is not one.
var conditionalOpener = regexp.MustCompile(`^(?:if|elif|else|try|except|finally|with|for|while|def|async\s+(?:def|with|for)|match|case)\b`)

// stringLiteral is a quoted string on one line of Python, whose content a
// message leaves out: a condition may compare with a value that is secret.
var stringLiteral = regexp.MustCompile(`"[^"]*"|'[^']*'`)

// blockOpener returns the nearest enclosing Python block opener of line
// n (1-based) of lines that makes it conditional, and its line number;
// ok is false when the line sits at the top level, directly or through
// class bodies only. Blank lines and comments are skipped.
func blockOpener(lines [][]byte, n int) (opener []byte, at int, ok bool) {
	if n < 1 || n > len(lines) {
		return nil, 0, false
	}
	depth := indent(lines[n-1])
	for i := n - 2; i >= 0 && depth > 0; i-- {
		text := bytes.TrimRight(lines[i], " \t\r")
		trimmed := bytes.TrimLeft(text, " \t")
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		d := indent(text)
		if d >= depth {
			continue
		}
		if conditionalOpener.Match(trimmed) {
			return trimmed, i + 1, true
		}
		depth = d
	}
	return nil, 0, false
}

// indent is the width of line's leading white space, a tab counting as
// one: Python forbids mixing them inconsistently, so a count suffices.
func indent(line []byte) int {
	return len(line) - len(bytes.TrimLeft(line, " \t"))
}

// capConditional lowers r to the rule's conditional severity when its
// line runs only under a block opener, and says why in the message.
func capConditional(r *check.Report, rule *lineRule, lines [][]byte) {
	if rule.conditional == nil {
		return
	}
	opener, at, ok := blockOpener(lines, r.Line)
	if !ok {
		return
	}
	shown := stringLiteral.ReplaceAllFunc(opener, func(lit []byte) []byte {
		return []byte{lit[0], '.', '.', '.', lit[0]}
	})
	r.Capped, r.MaxSeverity = true, *rule.conditional
	r.Message += fmt.Sprintf(" (%s: set only under `%s` on line %d, not wherever the file is loaded)",
		rule.conditional, redact.Excerpt(string(shown), maxExcerpt), at)
}
