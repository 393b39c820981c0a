package dkim

import (
	"errors"

	"github.com/launchgate/launchgate/pkg/tagvalue"
)

// MaxRecordLen bounds the record text ParseKey accepts: an 8192-bit RSA key
// is under 1.5 KiB of base64, so 16 KiB leaves ample room.
const MaxRecordLen = 16384

// maxTags bounds the number of tags in one record.
const maxTags = 64

// Tag is one name=value pair of a key record, as published.
type Tag = tagvalue.Tag

// splitTags cuts a tag-list (RFC 6376 §3.2) into tags. Tag names are
// case-sensitive there, and a repeated name invalidates the whole list.
func splitTags(record string) ([]Tag, error) {
	tags, err := tagvalue.Split(record, tagvalue.Options{MaxLen: MaxRecordLen, MaxTags: maxTags})
	var dup *tagvalue.DuplicateError
	if errors.As(err, &dup) {
		return nil, &ParseError{Tag: dup.Name, Reason: "appears more than once"}
	}
	return tags, err
}

// fws is the folding white space RFC 6376 allows around tags and inside
// base64 values.
const fws = tagvalue.WSP
