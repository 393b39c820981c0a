package spf

import (
	"fmt"
	"strings"
)

// maxDomainLen is the longest domain name, without the trailing dot.
const maxDomainLen = 253

// checkDomainSpec validates a domain-spec (RFC 7208 §7.1) and reports
// whether it holds macros. A macro-free domain-spec must be a fully
// qualified domain name; one with macros must end in a macro or in a
// top-level label.
func checkDomainSpec(s string) (bool, error) {
	if s == "" {
		return false, fmt.Errorf("a domain is required")
	}
	sc, err := scanMacroString(s, false)
	if err != nil {
		return false, err
	}
	if sc.macros == 0 {
		return false, checkDomain(s)
	}
	if sc.lastEnd == len(s) {
		return true, nil
	}
	tail := strings.TrimSuffix(s[sc.lastEnd:], ".")
	dot := strings.LastIndexByte(tail, '.')
	if dot < 0 || !isTopLabel(tail[dot+1:]) {
		return true, fmt.Errorf("%s must end in a macro or in a top-level label such as .com", printable(s))
	}
	return true, nil
}

// checkDomain validates a macro-free domain name: at most 253 bytes, at
// least two labels of 1 to 63 letters, digits, hyphens or underscores, and
// a last label that is not all digits (so an IP address is not taken for a
// name). One trailing dot is allowed.
func checkDomain(s string) error {
	d := strings.TrimSuffix(s, ".")
	if len(d) > maxDomainLen {
		return fmt.Errorf("domain is %d bytes long, over %d", len(d), maxDomainLen)
	}
	labels := strings.Split(d, ".")
	if len(labels) < 2 {
		return fmt.Errorf("%s is not a fully qualified domain name", printable(s))
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 {
			return fmt.Errorf("%s has an empty label or one over 63 bytes", printable(s))
		}
		for i := 0; i < len(l); i++ {
			if !isAlnum(l[i]) && l[i] != '-' && l[i] != '_' {
				return fmt.Errorf("%s: %q is not allowed in a domain name", printable(s), l[i])
			}
		}
	}
	if last := labels[len(labels)-1]; !isTopLabel(last) {
		return fmt.Errorf("%s does not end in a top-level label (an IP address belongs in ip4: or ip6:)", printable(s))
	}
	return nil
}

// isTopLabel reports whether l is a toplabel of RFC 7208 §7.1: alphanumeric
// with at least one letter, or alphanumeric with inner hyphens.
func isTopLabel(l string) bool {
	if l == "" || len(l) > 63 {
		return false
	}
	letter, hyphen := false, false
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case c == '-':
			hyphen = true
		case isAlnum(c):
			if c > '9' {
				letter = true
			}
		default:
			return false
		}
	}
	if hyphen {
		return l[0] != '-' && l[len(l)-1] != '-'
	}
	return letter
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// canonical is the form a domain is compared in for loop detection and
// passed to the resolver: lower case, without the trailing dot.
func canonical(d string) string {
	return strings.ToLower(strings.TrimSuffix(d, "."))
}
