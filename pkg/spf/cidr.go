package spf

import (
	"fmt"
	"strings"
)

// splitDualCIDR takes a dual-cidr-length ("/24", "//64", "/24//64") off the
// end of s and returns what is left and the two lengths, -1 when absent.
func splitDualCIDR(s string) (rest string, v4, v6 int, err error) {
	v4, v6 = -1, -1
	if i := strings.LastIndex(s, "//"); i >= 0 && isDigits(s[i+2:]) {
		if v6, err = prefixLen(s[i+2:], 128); err != nil {
			return "", 0, 0, err
		}
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '/'); i >= 0 && isDigits(s[i+1:]) {
		if v4, err = prefixLen(s[i+1:], 32); err != nil {
			return "", 0, 0, err
		}
		s = s[:i]
	}
	return s, v4, v6, nil
}

// prefixLen parses a prefix length of at most limit, written without leading
// zeros (RFC 7208 §5.6).
func prefixLen(s string, limit int) (int, error) {
	if s == "" || len(s) > 3 || !isDigits(s) || (len(s) > 1 && s[0] == '0') {
		return 0, fmt.Errorf("prefix length %q is not a number from 0 to %d", s, limit)
	}
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	if n > limit {
		return 0, fmt.Errorf("prefix length %d is over %d", n, limit)
	}
	return n, nil
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
