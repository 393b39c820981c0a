package redact

import (
	"unicode/utf8"
)

// Excerpt shortens s to at most n runes for quoting in a message, marking
// the cut with an ellipsis. It cuts only between tokens: half a value
// cannot be recognised as a secret, so a token the limit would split is
// left out whole.
func Excerpt(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n < 1 {
		return "…"
	}
	// The byte offset just past the first n-1 runes.
	end, count := 0, 0
	for i := range s {
		if count == n-1 {
			end = i
			break
		}
		count++
	}
	cut := end
	for cut > 0 && isTokenByte(s[cut-1]) && isTokenByte(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// isTokenByte reports whether c can be part of a key, a password or a
// token, so that a cut next to it may split one.
func isTokenByte(c byte) bool {
	return c == '_' || c == '-' || c == '+' || c == '/' || c == '=' || c == '.' || c == '~' ||
		c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= utf8.RuneSelf
}
