package gitdiff

import (
	"errors"
	"strings"
)

// unquoteC decodes the C-style quoting git applies to paths holding a
// quote, a backslash or a control character (and, with core.quotepath on,
// bytes above 0x7f as octal). s starts with the opening quote; the rest
// after the closing quote is returned as well.
func unquoteC(s string) (name, rest string, err error) {
	if !strings.HasPrefix(s, `"`) {
		return "", "", errors.New("missing opening quote")
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			return b.String(), s[i+1:], nil
		case '\\':
		default:
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(s) {
			break
		}
		if e, ok := cEscapes[s[i]]; ok {
			b.WriteByte(e)
			continue
		}
		if i+2 < len(s) && isOctal(s[i]) && isOctal(s[i+1]) && isOctal(s[i+2]) && s[i] <= '3' {
			b.WriteByte((s[i]-'0')<<6 | (s[i+1]-'0')<<3 | (s[i+2] - '0'))
			i += 2
			continue
		}
		return "", "", errors.New("unknown escape \\" + string(s[i]))
	}
	return "", "", errors.New("missing closing quote")
}

// cEscapes are the single-letter escapes git writes.
var cEscapes = map[byte]byte{
	'a': '\a', 'b': '\b', 't': '\t', 'n': '\n', 'v': '\v', 'f': '\f', 'r': '\r',
	'"': '"', '\\': '\\',
}

func isOctal(c byte) bool { return '0' <= c && c <= '7' }
