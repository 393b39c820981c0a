package gitdiff

import (
	"crypto/sha256"
	"hash"
)

// maxPendingSpace bounds the whitespace a trimDigest holds back; a run
// longer than this inside a line is hashed as it comes, which can only
// make two lines that differ in such a run compare unequal.
const maxPendingSpace = 4 << 10

// asciiSpace is the whitespace trimmed from both ends of a line before
// lines are compared for moves.
const asciiSpace = " \t\n\v\f\r"

// trimDigest hashes a line streamed in chunks as if the asciiSpace around
// it had been trimmed first: leading ASCII space is dropped, and a run of
// space is only hashed once something other than space follows it.
type trimDigest struct {
	h       hash.Hash
	started bool
	pending []byte
}

func newTrimDigest() *trimDigest { return &trimDigest{h: sha256.New()} }

func (d *trimDigest) write(chunk []byte) {
	for len(chunk) > 0 {
		i := 0
		for i < len(chunk) && isSpace(chunk[i]) {
			i++
		}
		if d.started {
			d.pending = append(d.pending, chunk[:i]...)
		}
		chunk = chunk[i:]
		j := 0
		for j < len(chunk) && !isSpace(chunk[j]) {
			j++
		}
		if j > 0 {
			d.h.Write(d.pending)
			d.pending = d.pending[:0]
			d.h.Write(chunk[:j])
			d.started = true
		}
		chunk = chunk[j:]
		if len(d.pending) > maxPendingSpace {
			d.h.Write(d.pending)
			d.pending = d.pending[:0]
		}
	}
}

func (d *trimDigest) sum() lineDigest {
	var out lineDigest
	d.h.Sum(out[:0])
	return out
}

// isSpace reports whether c is in asciiSpace.
func isSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return false
}
