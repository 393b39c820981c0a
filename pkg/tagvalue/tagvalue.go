// Package tagvalue splits the tag=value lists DKIM key records (RFC 6376
// §3.2) and DMARC records (RFC 7489 §6.4) are written in, and bounds the
// published values messages repeat.
package tagvalue

import (
	"fmt"
	"strings"
)

// Tag is one name=value pair, as published (the name lowercased when the
// list's names are case-insensitive).
type Tag struct {
	Name  string
	Value string
}

// Options are the bounds and the name rule of one kind of list.
type Options struct {
	// MaxLen bounds the record's bytes; MaxTags its tags.
	MaxLen, MaxTags int
	// FoldCase lowercases names and accepts them in any case (DMARC);
	// otherwise names are case-sensitive (DKIM).
	FoldCase bool
}

// DuplicateError is a tag given twice, which invalidates the list.
type DuplicateError struct{ Name string }

func (e *DuplicateError) Error() string { return fmt.Sprintf("tag %s appears more than once", e.Name) }

// WSP is the folding white space the lists allow around tags and values.
const WSP = " \t\r\n"

// maxQuoted bounds how much of a malformed part an error repeats.
const maxQuoted = 80

// Split cuts record into tags: parts separated by ";", each NAME=VALUE
// with a name of a letter then letters, digits or "_", white space
// around both trimmed, empty parts skipped. A malformed part, a repeated
// name (a *DuplicateError) or a record over the bounds is an error.
func Split(record string, o Options) ([]Tag, error) {
	if len(record) > o.MaxLen {
		return nil, fmt.Errorf("record is %d bytes, more than the %d accepted", len(record), o.MaxLen)
	}
	var tags []Tag
	seen := make(map[string]bool)
	for part := range strings.SplitSeq(record, ";") {
		part = strings.Trim(part, WSP)
		if part == "" {
			continue
		}
		name, value, ok := strings.Cut(part, "=")
		name = strings.Trim(name, WSP)
		if o.FoldCase {
			name = strings.ToLower(name)
		}
		if !ok {
			return nil, fmt.Errorf("%q is not a tag=value pair", Truncate(part, maxQuoted))
		}
		if !validName(name) {
			return nil, fmt.Errorf("%q is not a valid tag name", Truncate(name, maxQuoted))
		}
		if seen[name] {
			return nil, &DuplicateError{Name: name}
		}
		if len(tags) == o.MaxTags {
			return nil, fmt.Errorf("record has more than %d tags", o.MaxTags)
		}
		seen[name] = true
		tags = append(tags, Tag{Name: name, Value: strings.Trim(value, WSP)})
	}
	return tags, nil
}

// validName reports whether name is ALPHA *(ALPHA / DIGIT / "_"), at
// most 32 bytes.
func validName(name string) bool {
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

// Truncate shortens s to at most n bytes, without splitting a UTF-8
// sequence, marking the cut with "…": messages stay bounded whatever was
// published.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
