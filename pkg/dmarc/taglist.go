package dmarc

import (
	"errors"

	"github.com/launchgate/launchgate/pkg/tagvalue"
)

// MaxRecordLen bounds the record text Parse accepts. Real records are a few
// hundred bytes; a DNS answer can carry far more, so longer input is refused.
const MaxRecordLen = 8192

// maxTags bounds the number of tags in one record.
const maxTags = 64

// Tag is one name=value pair of a record, as published (name lowercased).
type Tag = tagvalue.Tag

// splitTags cuts a tag-value list (RFC 7489 §6.4) into tags, rejecting
// malformed names and duplicates. Tag names are matched case-insensitively,
// as ABNF quoted strings are.
func splitTags(record string) ([]Tag, error) {
	tags, err := tagvalue.Split(record, tagvalue.Options{MaxLen: MaxRecordLen, MaxTags: maxTags, FoldCase: true})
	var dup *tagvalue.DuplicateError
	if errors.As(err, &dup) {
		return nil, &ParseError{Tag: dup.Name, Reason: "appears more than once"}
	}
	return tags, err
}
