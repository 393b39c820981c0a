package secrets

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// valueHash is a 16-bit truncated SHA-256 of value: enough to tell a
// rotated secret from the old one with high probability, too little to
// confirm a guessed password.
func valueHash(value string) string {
	sum := sha256.Sum256([]byte(value))
	return hex.EncodeToString(sum[:2])
}

// Context sizes of the fingerprint anchor: the bytes before the value
// usually name it (`STRIPE_KEY=`, `apiKey: "`), the bytes after close it.
const (
	keyBefore = 40
	keyAfter  = 12
	// placeholder stands for a value in a fingerprint anchor.
	placeholder = "«secret»"
)

// span is a byte range of a fragment's content.
type span struct{ start, end int }

// anchorKey builds a Secret's Key from the rule, the value's short hash and
// the text around it on its line, with this and every other found value
// replaced by a placeholder, and white space collapsed so that reindenting
// keeps the key.
func anchorKey(rule, value, content string, at span, others []span) string {
	lineStart := strings.LastIndexByte(content[:at.start], '\n') + 1
	lineEnd := len(content)
	if i := strings.IndexByte(content[at.end:], '\n'); i >= 0 {
		lineEnd = at.end + i
	}
	from := max(lineStart, at.start-keyBefore)
	to := min(lineEnd, at.end+keyAfter)
	var b strings.Builder
	b.WriteString(mask(content, from, at.start, others))
	b.WriteString(placeholder)
	b.WriteString(mask(content, at.end, to, others))
	ctx := strings.Join(strings.Fields(strings.ToValidUTF8(b.String(), "")), " ")
	return "secret/" + rule + "|" + valueHash(value) + "|" + ctx
}

// mask returns content[from:to] with every part that falls in one of spans
// replaced by the placeholder.
func mask(content string, from, to int, spans []span) string {
	if from >= to {
		return ""
	}
	var near []span
	for _, s := range spans {
		if s.end > from && s.start < to {
			near = append(near, s)
		}
	}
	var b strings.Builder
	for i := from; i < to; {
		hit := false
		for _, s := range near {
			if i >= s.start && i < s.end {
				b.WriteString(placeholder)
				i = min(s.end, to)
				hit = true
				break
			}
		}
		if !hit {
			b.WriteByte(content[i])
			i++
		}
	}
	return b.String()
}
