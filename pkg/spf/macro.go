package spf

import (
	"fmt"
	"strings"
)

// macroScan is what scanning a macro-string (RFC 7208 §7.1) learned.
type macroScan struct {
	// macros counts the macro-expands, %% %_ %- included.
	macros int
	// lastEnd is the offset just past the last macro-expand, 0 when none.
	lastEnd int
}

// maxMacroDigits bounds the DIGIT transformer; RFC 7208 §7.3 asks
// implementations to support values up to 128.
const maxMacroDigits = 3

// scanMacroString validates a macro-string without expanding it. The
// letters c, r and t are allowed only when explain is set: RFC 7208 §7.1
// keeps them to explanation strings.
func scanMacroString(s string, explain bool) (macroScan, error) {
	var sc macroScan
	for i := 0; i < len(s); {
		c := s[i]
		if c != '%' {
			if c < 0x21 || c > 0x7e {
				return sc, fmt.Errorf("character %q is not allowed", c)
			}
			i++
			continue
		}
		if i+1 >= len(s) {
			return sc, fmt.Errorf("a lone %% ends the string (write %%%% for a percent sign)")
		}
		switch s[i+1] {
		case '%', '_', '-':
			i += 2
		case '{':
			n, err := macroExpand(s[i:], explain)
			if err != nil {
				return sc, err
			}
			i += n
		default:
			return sc, fmt.Errorf("%q is not a macro: after %% come {, %%, _ or -", s[i:i+2])
		}
		sc.macros++
		sc.lastEnd = i
	}
	return sc, nil
}

// macroExpand checks one "%{" letter transformers *delimiter "}" at the
// start of s and returns its length.
func macroExpand(s string, explain bool) (int, error) {
	end := strings.IndexByte(s, '}')
	if end < 0 {
		return 0, fmt.Errorf("macro %s has no closing }", printable(s))
	}
	body := s[2:end]
	macro := s[:end+1]
	if body == "" {
		return 0, fmt.Errorf("macro %s has no letter", macro)
	}
	switch letter := body[0] | 0x20; letter {
	case 's', 'l', 'o', 'd', 'i', 'p', 'h', 'v':
	case 'c', 'r', 't':
		if !explain {
			return 0, fmt.Errorf("macro %s: %%{%c} is allowed only in explanation strings", printable(macro), letter)
		}
	default:
		return 0, fmt.Errorf("macro %s: %q is not a macro letter", printable(macro), body[0])
	}
	rest := body[1:]
	digits := 0
	for digits < len(rest) && rest[digits] >= '0' && rest[digits] <= '9' {
		digits++
	}
	if digits > 0 && rest[0] == '0' {
		return 0, fmt.Errorf("macro %s: the number of parts must not be zero or start with 0", printable(macro))
	}
	if digits > maxMacroDigits {
		return 0, fmt.Errorf("macro %s: the number of parts is too long", printable(macro))
	}
	rest = rest[digits:]
	if rest != "" && rest[0]|0x20 == 'r' {
		rest = rest[1:]
	}
	for i := 0; i < len(rest); i++ {
		if !strings.ContainsRune(".-+,/_=", rune(rest[i])) {
			return 0, fmt.Errorf("macro %s: %q is not a delimiter (. - + , / _ =)", printable(macro), rest[i])
		}
	}
	return end + 1, nil
}
