package mtasts

import (
	"fmt"
	"strings"
)

// MaxRecordLen bounds the TXT record text the parsers accept.
const MaxRecordLen = 4096

// maxFields bounds the fields of one TXT record.
const maxFields = 32

// Field is one name=value (TXT record) or key: value (policy) pair that
// this package does not interpret, kept as published.
type Field struct {
	Name  string
	Value string
}

// splitRecord checks that record starts with the exact version tag (e.g.
// "v=STSv1") and cuts the rest into fields at semicolons. The grammars of
// RFC 8461 §3.1 and RFC 8460 §3 allow white space around the semicolons
// only, and names are case-sensitive.
func splitRecord(what, version, record string) ([]Field, error) {
	if len(record) > MaxRecordLen {
		return nil, &ParseError{What: what, Field: "v", Reason: fmt.Sprintf("record is %d bytes, more than the %d accepted", len(record), MaxRecordLen)}
	}
	parts := strings.Split(record, ";")
	if strings.Trim(parts[0], " \t") != version {
		return nil, &ParseError{What: what, Field: "v", Reason: "the record must start with " + version}
	}
	var out []Field
	seen := map[string]bool{"v": true}
	for i, part := range parts[1:] {
		part = strings.Trim(part, " \t")
		if part == "" {
			if i == len(parts)-2 {
				break // one trailing separator is allowed
			}
			return nil, &ParseError{What: what, Field: "v", Reason: "empty field between semicolons"}
		}
		name, value, ok := strings.Cut(part, "=")
		if !ok || !validExtName(name) {
			return nil, &ParseError{What: what, Field: truncate(name), Reason: fmt.Sprintf("%q is not a name=value field", truncate(part))}
		}
		if seen[name] {
			return nil, &ParseError{What: what, Field: name, Reason: "appears more than once"}
		}
		if len(out) == maxFields {
			return nil, &ParseError{What: what, Field: name, Reason: fmt.Sprintf("more than %d fields", maxFields)}
		}
		seen[name] = true
		out = append(out, Field{Name: name, Value: value})
	}
	return out, nil
}

// validExtName reports whether s is (ALPHA / DIGIT) *31(ALPHA / DIGIT /
// "_" / "-" / "."), the extension name of both RFCs.
func validExtName(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || c != '_' && c != '-' && c != '.') {
			return false
		}
	}
	return true
}

// validExtValue reports whether s is 1*(%x21-3A / %x3C / %x3E-7E): visible
// characters other than ";" and "=".
func validExtValue(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x21 || c > 0x7e || c == ';' || c == '=' {
			return false
		}
	}
	return true
}

// validDomain reports whether s is a dot-separated name of letters, digits
// and inner hyphens, within DNS length limits.
func validDomain(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for label := range strings.SplitSeq(s, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}
