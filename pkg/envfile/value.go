package envfile

import (
	"regexp"
	"strings"
)

// interpolation finds ${VAR}, ${VAR:-default} and $VAR, the forms
// dotenv-expand, python-dotenv (braces only), phpdotenv, godotenv and the
// dotenv gem expand.
var interpolation = regexp.MustCompile(`\$\{[A-Za-z_][A-Za-z0-9_]*(?:[:?+-][^}]*)?\}|\$[A-Za-z_][A-Za-z0-9_]*`)

// assignmentInside finds a KEY=value line inside a multi-line quoted
// value, the sign of a quote left open by mistake.
var assignmentInside = regexp.MustCompile(`\n[ \t]*(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_]*=`)

// value reads the value after "=" into e and moves past its line (or the
// lines a quoted value spans).
func (p *parser) value(e *Entry) {
	rest := p.src[p.pos:]
	lead := len(rest) - len(strings.TrimLeft(rest, " \t"))
	p.pos += lead
	if p.done() {
		return
	}
	switch q := p.src[p.pos]; q {
	case '"', '\'', '`':
		if p.quoted(e, q) {
			return
		}
		// Unclosed: read the line as an unquoted value, quote included.
	}
	line := p.restOfLine()
	if lead > 0 && strings.HasPrefix(line, "#") {
		// "KEY= # note": the comment follows white space, so the value is
		// empty.
		line = ""
	}
	if i := commentStart(line); i >= 0 {
		line = line[:i]
	}
	e.Value = strings.TrimRight(line, " \t")
	e.Interpolated = interpolation.MatchString(e.Value)
}

// commentStart is the index of a "#" that follows white space, or -1.
func commentStart(s string) int {
	for i := 1; i < len(s); i++ {
		if s[i] == '#' && (s[i-1] == ' ' || s[i-1] == '\t') {
			return i
		}
	}
	return -1
}

// quoted reads a value in quote q starting at p.pos. It returns false,
// having reported the problem and moved nothing, when the quote is never
// closed.
func (p *parser) quoted(e *Entry, q byte) bool {
	start := p.line
	body := p.pos + 1
	end := closingQuote(p.src, body, q)
	if end < 0 {
		p.problem(start, "%s: the %s opened here is never closed; read as an unquoted value up to the end of the line", e.Key, quoteName(q))
		return false
	}
	raw := p.src[body:end]
	switch q {
	case '"':
		e.Value = unescapeDouble(raw)
		e.Interpolated = interpolation.MatchString(strings.ReplaceAll(raw, `\$`, ""))
	case '\'':
		e.Value = strings.NewReplacer(`\'`, `'`, `\\`, `\`).Replace(raw)
	default:
		e.Value = raw
	}
	e.Quoted = true
	if assignmentInside.MatchString(raw) {
		p.problem(start, "%s: the %s opened here closes on line %d, so the KEY=value lines between are part of its value; is a quote missing?", e.Key, quoteName(q), start+strings.Count(raw, "\n"))
	}
	p.line += strings.Count(raw, "\n")
	p.pos = end + 1
	tail := p.restOfLine()
	if t := strings.TrimLeft(tail, " \t"); t != "" && t[0] != '#' {
		p.problem(p.line-1, "%s: text after the closing %s is ignored", e.Key, quoteName(q))
	}
	return true
}

// closingQuote finds the quote q that closes a value whose body starts at
// from, skipping quotes escaped with a backslash (none in backticks).
func closingQuote(s string, from int, q byte) int {
	for i := from; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if q != '`' {
				i++
			}
		case q:
			return i
		}
	}
	return -1
}

func quoteName(q byte) string {
	switch q {
	case '"':
		return "double quote"
	case '\'':
		return "single quote"
	}
	return "backtick"
}

// unescapeDouble decodes the escapes loaders decode in double quotes;
// other backslashes stay as written.
func unescapeDouble(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case '"', '\\', '$':
			b.WriteByte(s[i])
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
