package cors

import (
	"bytes"
	"path"
	"regexp"
	"strconv"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/prodfile"
	"github.com/launchgate/launchgate/pkg/redact"
)

// originKey finds where a CORS setting that lists origins starts: the
// origin options of the CORS libraries rules/cors.yaml knows, Django and
// Laravel settings, rack-cors `origins`, and Access-Control-Allow-Origin
// header values.
var originKey = regexp.MustCompile(`(?i)\b(?:allow_origins|allowed_?origins|cors_allowed_origins|cors_origin_whitelist|allowedoriginpatterns|allowed_origins_patterns|origins?)["']?\s*(?::|=>|=|\()|\borigins\s+["'\[]|access-control-allow-origin`)

// commentLine matches a line that is only a comment.
var commentLine = regexp.MustCompile(`^\s*(?://|#|\*|/\*)`)

// maxListLines bounds how far a list that a setting opens is followed.
const maxListLines = 40

// literal is a quoted string found in a CORS setting.
type literal struct {
	text         string
	line, column int // 1-based; column counts bytes
}

// readsOrigins reports whether the origin pass reads the file name: one the
// globs name that is not test, development or example code.
func readsOrigins(name string, globs []string) bool {
	if prodfile.IsDevelopment(name) {
		return false
	}
	base := path.Base(name)
	for _, g := range globs {
		if ok, err := path.Match(g, base); ok && err == nil {
			return true
		}
		if config.MatchPath(g, name) {
			return true
		}
	}
	return false
}

// originReports reports the origins in the CORS settings of data, the
// content of the file name, that allow does not hold.
func originReports(name string, data []byte, allow allowList) []check.Report {
	var out []check.Report
	seen := map[string]int{}
	for _, lit := range settingLiterals(data) {
		o, ok := parseOrigin(lit.text, "")
		if !ok || allow.allows(o) {
			continue
		}
		key := ruleNotAllowed + "\x00" + name + "\x00" + o.String()
		seen[key]++
		if n := seen[key]; n > 1 {
			key += "\x00" + strconv.Itoa(n)
		}
		out = append(out, check.Report{
			Rule:    ruleNotAllowed,
			File:    name,
			Line:    lit.line,
			Column:  lit.column,
			Message: "CORS origin `" + redact.Excerpt(o.String(), 80) + "` is not in cors.allowed_origins",
			Key:     key,
		})
	}
	return out
}

// settingLiterals returns the quoted strings of data that a CORS setting
// lists: those after the setting's key on its line and, when the key opens
// a bracket it does not close there, on the lines up to the close.
func settingLiterals(data []byte) []literal {
	var out []literal
	depth, following := 0, 0
	n := 0
	for off := 0; off < len(data); {
		start, end := off, len(data)
		off = end
		if i := bytes.IndexByte(data[start:], '\n'); i >= 0 {
			end, off = start+i, start+i+1
		}
		text := bytes.TrimSuffix(data[start:end], []byte("\r"))
		n++
		if commentLine.Match(text) {
			continue
		}
		from := -1
		switch {
		case depth > 0 && following < maxListLines:
			from = 0
			following++
		default:
			depth = 0
			if loc := originKey.FindIndex(text); loc != nil {
				from, following = loc[1], 0
				switch c := text[from-1]; {
				case c == '"' || c == '\'' || c == '[':
					// rack-cors' `origins "…"` matched its opening quote
					// or bracket: leave it to the scan.
					from--
				case from < len(text) && (text[from] == '"' || text[from] == '\''):
					// A header name is itself quoted: step past its close.
					from++
				}
			}
		}
		if from < 0 {
			continue
		}
		var lits []literal
		lits, depth = lineLiterals(text, from, depth)
		for _, l := range lits {
			l.line = n
			out = append(out, l)
		}
	}
	return out
}

// lineLiterals returns the quoted strings of text from the offset from on,
// and the bracket depth after them, starting from depth. A string opened
// and not closed on the line is dropped.
func lineLiterals(text []byte, from, depth int) ([]literal, int) {
	var out []literal
	for i := from; i < len(text); i++ {
		c := text[i]
		switch c {
		case '[', '(', '{':
			depth++
		case ']', ')', '}':
			depth--
		case '"', '\'', '`':
			j := i + 1
			for j < len(text) && text[j] != c {
				if text[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(text) {
				return out, depth
			}
			out = append(out, literal{text: string(text[i+1 : j]), column: i + 1})
			i = j
		case '#':
			// A comment after the setting in Python, Ruby and YAML-like
			// code; '#' has no other use on such a line.
			return out, depth
		case '/':
			if i+1 < len(text) && text[i+1] == '/' {
				return out, depth
			}
		}
	}
	return out, depth
}
