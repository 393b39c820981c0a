package spec

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Problem is something wrong with the document itself; the checks report it
// as openapi/invalid-document.
type Problem struct {
	Loc     Location
	Message string
}

// String renders p as file:line: message, for logs and errors.
func (p Problem) String() string {
	if p.Loc.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.Loc.File, p.Loc.Line, p.Message)
	}
	return fmt.Sprintf("%s: %s", p.Loc.File, p.Message)
}

// problems collects what one Load finds wrong. Each entry may name a
// subject (a $ref, a file) so that the strict loader's vaguer report of the
// same fault can be recognised and dropped in favour of the precise one.
type problems struct {
	list     []Problem
	subjects []string
}

func (ps *problems) add(loc Location, subject, format string, args ...any) {
	p := Problem{Loc: loc, Message: fmt.Sprintf(format, args...)}
	for _, q := range ps.list {
		if q == p {
			return
		}
	}
	ps.list = append(ps.list, p)
	if subject != "" {
		ps.subjects = append(ps.subjects, subject)
	}
}

// covers reports whether a problem already recorded is about something the
// error text mentions.
func (ps *problems) covers(text string) bool {
	for _, s := range ps.subjects {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// prepend puts p first: the strict loader's verdict leads the list.
func (ps *problems) prepend(p Problem) {
	ps.list = append([]Problem{p}, ps.list...)
}

var (
	// go-yaml reports construct errors as "line 1: ... at L4.C40", where only
	// the L/C pair is the real position.
	reLineCol = regexp.MustCompile(`\bL(\d+)\.C(\d+)\b`)
	reLine    = regexp.MustCompile(`\bline (\d+)\b`)
	reQuoted  = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)
	// go-yaml's words for its nesting limit.
	reMaxDepth = regexp.MustCompile(`exceeded max depth of (\d+)`)
)

// errorPosition finds the line (and column) a parser error message names.
func errorPosition(text string) (line, col int) {
	if m := reLineCol.FindStringSubmatch(text); m != nil {
		line, _ = strconv.Atoi(m[1])
		col, _ = strconv.Atoi(m[2])
		return line, col
	}
	if m := reLine.FindStringSubmatch(text); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	return line, 0
}

// quotedStrings returns the double-quoted strings in an error message, which
// is how kin-openapi names the $ref it failed on.
func quotedStrings(text string) []string {
	var out []string
	for _, m := range reQuoted.FindAllStringSubmatch(text, 8) {
		if s, err := strconv.Unquote(`"` + m[1] + `"`); err == nil && s != "" {
			out = append(out, s)
		}
	}
	return out
}

// cleanParserError turns a parser's error text into a sentence for the
// report: no wrapper prefixes, no position (the Problem carries it), and
// syntax errors labelled as such, in format (JSON or YAML, see formatOf):
// the YAML parser reads both and would call either YAML.
func cleanParserError(text, format string) string {
	text = strings.TrimPrefix(text, "failed to unmarshal data: ")
	if i := strings.Index(text, "yaml error: "); i >= 0 {
		text = text[i+len("yaml error: "):]
	}
	syntax := strings.HasPrefix(text, "yaml: ") && !strings.HasPrefix(text, "yaml: construct errors:")
	text = strings.TrimPrefix(text, "yaml: ")
	text = strings.TrimPrefix(text, "construct errors:")
	text = strings.TrimSpace(text)
	text = reLine.ReplaceAllString(text, "")
	text = reLineCol.ReplaceAllString(text, "")
	text = strings.TrimLeft(text, ": \n")
	text = strings.ReplaceAll(text, "go-yaml load error in constructor at :", "")
	text = strings.Join(strings.Fields(text), " ")
	text = strings.TrimPrefix(text, ": ")
	text = reMaxDepth.ReplaceAllString(text, "nested more than $1 levels deep")
	if syntax {
		return "invalid " + format + ": " + text
	}
	return text
}
