package dkim

import (
	"fmt"
	"strings"
)

// MaxRecordLen bounds the record text ParseKey accepts: an 8192-bit RSA key
// is under 1.5 KiB of base64, so 16 KiB leaves ample room.
const MaxRecordLen = 16384

// maxTags bounds the number of tags in one record.
const maxTags = 64

// Tag is one name=value pair of a key record, as published.
type Tag struct {
	Name  string
	Value string
}

// splitTags cuts a tag-list (RFC 6376 §3.2) into tags. Tag names are
// case-sensitive there, and a repeated name invalidates the whole list.
func splitTags(record string) ([]Tag, error) {
	if len(record) > MaxRecordLen {
		return nil, fmt.Errorf("record is %d bytes, more than the %d accepted", len(record), MaxRecordLen)
	}
	var tags []Tag
	seen := make(map[string]bool)
	for part := range strings.SplitSeq(record, ";") {
		part = strings.Trim(part, fws)
		if part == "" {
			continue
		}
		name, value, ok := strings.Cut(part, "=")
		name = strings.Trim(name, fws)
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
		tags = append(tags, Tag{Name: name, Value: strings.Trim(value, fws)})
	}
	return tags, nil
}

// fws is the folding white space RFC 6376 allows around tags and inside
// base64 values.
const fws = " \t\r\n"

// validTagName reports whether name is ALPHA *ALNUMPUNC (letters, digits,
// underscore).
func validTagName(name string) bool {
	if name == "" || len(name) > 32 {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '_'):
		default:
			return false
		}
	}
	return true
}
