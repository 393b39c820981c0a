package manifest

import "strings"

// readProperties reads a Java .properties file (Spring's
// application-prod.properties): key=value, key: value or key value, one
// to a logical line; # and ! begin comments; a line ending in an odd
// number of backslashes continues on the next.
func readProperties(src *Source, data []byte) {
	start := 0
	var logical strings.Builder
	for i, text := range strings.Split(string(data), "\n") {
		line := i + 1
		text = strings.TrimLeft(strings.TrimSuffix(text, "\r"), " \t\f")
		if logical.Len() == 0 {
			start = line
			if text == "" || text[0] == '#' || text[0] == '!' {
				continue
			}
		}
		if continues(text) {
			logical.WriteString(text[:len(text)-1])
			continue
		}
		logical.WriteString(text)
		key, value := propertyPair(logical.String())
		logical.Reset()
		if key != "" {
			src.addSetting(key, value, start)
		}
	}
	if logical.Len() > 0 {
		if key, value := propertyPair(logical.String()); key != "" {
			src.addSetting(key, value, start)
		}
	}
}

// continues reports whether a properties line ends in an odd number of
// backslashes.
func continues(s string) bool {
	n := 0
	for i := len(s) - 1; i >= 0 && s[i] == '\\'; i-- {
		n++
	}
	return n%2 == 1
}

// propertyPair splits a logical properties line at its first unescaped
// =, : or white space.
func propertyPair(s string) (key, value string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '=', ':', ' ', '\t', '\f':
			key = s[:i]
			rest := strings.TrimLeft(s[i:], " \t\f")
			if rest != "" && (rest[0] == '=' || rest[0] == ':') && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f') {
				rest = rest[1:]
			} else if s[i] == '=' || s[i] == ':' {
				rest = s[i+1:]
			}
			return unescapeProperty(key), strings.TrimSpace(unescapeProperty(rest))
		}
	}
	return unescapeProperty(s), ""
}

// unescapeProperty drops the backslashes of \=, \:, \# and the like.
// Unicode escapes are kept as written; they are rare in keys and values
// this package judges.
func unescapeProperty(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && s[i+1] != 'u' {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
