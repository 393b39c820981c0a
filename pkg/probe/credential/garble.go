package credential

import "strings"

// garble returns a value of the same length and shape as v whose every
// letter and digit differs from v's: separators (., -, _, =, /, +, %) stay
// where they are, so a parser that checks the format before the value
// still reaches the value check. It is deterministic, and never equal to
// a non-empty v that holds a letter or digit.
func garble(v string) string {
	var b strings.Builder
	b.Grow(len(v))
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= '0' && c <= '9':
			b.WriteByte(digitFor(c))
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			b.WriteByte(letterFor(c))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func digitFor(c byte) byte {
	if c == '0' {
		return '1'
	}
	return '0'
}

func letterFor(c byte) byte {
	if c == 'x' {
		return 'y'
	}
	return 'x'
}

// garbleCookie garbles the value of every name=value pair of a Cookie
// header, keeping the names, so the server sees its own session cookie
// carrying a value it never issued. A header with nothing to garble
// becomes a fixed word: the result never equals v.
func garbleCookie(v string) string {
	parts := strings.Split(v, ";")
	for i, p := range parts {
		name, val, ok := strings.Cut(p, "=")
		if !ok {
			parts[i] = garble(p)
			continue
		}
		parts[i] = name + "=" + garbleValue(val)
	}
	if out := strings.Join(parts, ";"); out != v {
		return out
	}
	return "invalid"
}

// garbleValue garbles v; a value with no letter or digit (which garble
// would leave as it is) becomes a fixed word instead.
func garbleValue(v string) string {
	g := garble(v)
	if g == v {
		return "invalid"
	}
	return g
}
