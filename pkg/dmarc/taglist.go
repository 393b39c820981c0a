package dmarc

import (
	"fmt"
	"strings"
)

// MaxRecordLen bounds the record text Parse accepts. Real records are a few
// hundred bytes; a DNS answer can carry far more, so longer input is refused.
const MaxRecordLen = 8192

// maxTags bounds the number of tags in one record.
const maxTags = 64

// Tag is one name=value pair of a record, as published (name lowercased).
type Tag struct {
	Name  string
	Value string
}

// splitTags cuts a tag-value list (RFC 7489 §6.4) into tags, rejecting
// malformed names and duplicates. Tag names are matched case-insensitively,
// as ABNF quoted strings are.
func splitTags(record string) ([]Tag, error) {
	if len(record) > MaxRecordLen {
		return nil, fmt.Errorf("record is %d bytes, more than the %d accepted", len(record), MaxRecordLen)
	}
	var tags []Tag
	seen := make(map[string]bool)
	for part := range strings.SplitSeq(record, ";") {
		part = strings.Trim(part, " \t\r\n")
		if part == "" {
			continue
		}
		name, value, ok := strings.Cut(part, "=")
		name = strings.ToLower(strings.Trim(name, " \t\r\n"))
		if !ok {
			return nil, fmt.Errorf("%q is not a tag=value pair", truncate(part))
		}
		if !validTagName(name) {
			return nil, fmt.Errorf("%q is not a valid tag name", truncate(name))
		}
		if seen[name] {
			return nil, &ParseError{Tag: name, Reason: "appears more than once"}
		}
		if len(tags) == maxTags {
			return nil, fmt.Errorf("record has more than %d tags", maxTags)
		}
		seen[name] = true
		tags = append(tags, Tag{Name: name, Value: strings.Trim(value, " \t\r\n")})
	}
	return tags, nil
}

// validTagName reports whether name is ALPHA *(ALPHA / DIGIT / "_").
func validTagName(name string) bool {
	if name == "" || len(name) > 32 {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z':
		case i > 0 && (c >= '0' && c <= '9' || c == '_'):
		default:
			return false
		}
	}
	return true
}
