package monitors

import "strings"

// The Checkly reader does not parse TypeScript: it finds constructs by
// name and reads their object literal arguments with a scanner that
// knows strings, template literals, comments and bracket depth, so that
// a brace inside a string does not end an object. Everything it reads
// is bounded by the length of the file.

// jsProp is one property of an object literal: its value's source text
// and the offset the value starts at.
type jsProp struct {
	text string
	at   int
}

// skipJS returns the index just past the string, template literal or
// comment that starts at i, or i when none starts there.
func skipJS(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '\'' || c == '"':
		for j := i + 1; j < len(s); j++ {
			switch s[j] {
			case '\\':
				j++
			case c, '\n':
				return j + 1
			}
		}
		return len(s)
	case c == '`':
		depth := 0
		for j := i + 1; j < len(s); j++ {
			switch {
			case s[j] == '\\':
				j++
			case s[j] == '$' && j+1 < len(s) && s[j+1] == '{':
				depth++
				j++
			case s[j] == '}' && depth > 0:
				depth--
			case s[j] == '`' && depth == 0:
				return j + 1
			}
		}
		return len(s)
	case c == '/' && i+1 < len(s) && s[i+1] == '/':
		if end := strings.IndexByte(s[i:], '\n'); end >= 0 {
			return i + end + 1
		}
		return len(s)
	case c == '/' && i+1 < len(s) && s[i+1] == '*':
		if end := strings.Index(s[i+2:], "*/"); end >= 0 {
			return i + 2 + end + 2
		}
		return len(s)
	}
	return i
}

// matchClose returns the index of the bracket closing the one at open,
// or -1 when it is never closed.
func matchClose(s string, open int) int {
	depth := 0
	for i := open; i < len(s); {
		if j := skipJS(s, i); j != i {
			i = j
			continue
		}
		switch s[i] {
		case '{', '(', '[':
			depth++
		case '}', ')', ']':
			depth--
			if depth == 0 {
				return i
			}
		}
		i++
	}
	return -1
}

// objectProps reads the top-level properties of the object literal whose
// opening brace is at open: `key: value` pairs, keys bare or quoted,
// and shorthand properties. Spread properties are skipped.
func objectProps(s string, open int) map[string]jsProp {
	end := matchClose(s, open)
	if end < 0 {
		return nil
	}
	props := map[string]jsProp{}
	body := s[:end]
	i := open + 1
	for i < end {
		i = skipBlank(body, i)
		if i >= end {
			break
		}
		keyStart := i
		var key string
		if c := body[i]; c == '\'' || c == '"' {
			j := skipJS(body, i)
			key = strings.Trim(body[i:j], `'"`)
			i = j
		} else {
			for i < end && isIdent(body[i]) {
				i++
			}
			key = body[keyStart:i]
		}
		i = skipBlank(body, i)
		valStart := -1
		if key != "" && i < end && body[i] == ':' {
			valStart = skipBlank(body, i+1)
		}
		// Run to the comma that ends the property.
		j := max(i, keyStart+1)
		if valStart >= 0 {
			j = valStart
		}
		for j < end {
			if k := skipJS(body, j); k != j {
				j = k
				continue
			}
			if c := body[j]; c == '{' || c == '(' || c == '[' {
				if k := matchClose(body[:end], j); k >= 0 {
					j = k + 1
					continue
				}
				j = end
				break
			}
			if body[j] == ',' {
				break
			}
			j++
		}
		switch {
		case valStart >= 0 && valStart <= j:
			props[key] = jsProp{text: strings.TrimSpace(body[valStart:j]), at: valStart}
		case key != "" && strings.TrimSpace(body[keyStart:j]) == key:
			// Shorthand: { group } is { group: group }.
			props[key] = jsProp{text: key, at: keyStart}
		}
		i = j + 1
	}
	return props
}

// skipBlank skips spaces and comments.
func skipBlank(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		if j := skipJS(s, i); j != i && s[i] == '/' {
			i = j
			continue
		}
		break
	}
	return i
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// stringValue reads a value that is one string or template literal; ok
// is false for any other expression.
func stringValue(text string) (string, bool) {
	if len(text) < 2 {
		return "", false
	}
	q := text[0]
	if (q != '\'' && q != '"' && q != '`') || skipJS(text, 0) != len(text) {
		return "", false
	}
	return text[1 : len(text)-1], true
}

// listItems splits the source of an array literal into its items.
func listItems(text string) []string {
	if !strings.HasPrefix(text, "[") || matchClose(text, 0) != len(text)-1 {
		return nil
	}
	var out []string
	start := 1
	for i := 1; i < len(text)-1; {
		if j := skipJS(text, i); j != i {
			i = j
			continue
		}
		switch text[i] {
		case '{', '(', '[':
			if k := matchClose(text, i); k > 0 {
				i = k + 1
				continue
			}
		case ',':
			out = append(out, strings.TrimSpace(text[start:i]))
			start = i + 1
		}
		i++
	}
	if last := strings.TrimSpace(text[start : len(text)-1]); last != "" {
		out = append(out, last)
	}
	var items []string
	for _, it := range out {
		if it != "" {
			items = append(items, it)
		}
	}
	return items
}

// lineAt is the 1-based line of offset i.
func lineAt(s string, i int) int { return 1 + strings.Count(s[:min(i, len(s))], "\n") }
