package gitdiff

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
)

// AddedLine is one line a diff added, at its place in head.
type AddedLine struct {
	// File is the head-side path relative to the repository root, with /.
	File string
	// Line is 1-based in head.
	Line int
	// Text is the line without its line ending (a CRLF file's \r too).
	Text string
	// Moved is set when the same text, ignoring surrounding whitespace, was
	// removed elsewhere in the same diff: the line moved within its file or
	// to another one, or was re-indented, so its content is not new.
	Moved bool
}

// AddedText returns the lines head adds relative to base with their text,
// in diff order, skipping binary files. Like Changes it compares the two
// commits with rename detection, so a renamed file's unchanged lines are
// not added.
func (r *Repo) AddedText(ctx context.Context, base, head string) ([]AddedLine, error) {
	var lines []AddedLine
	err := r.diff(ctx, base, head, func(rd io.Reader) (err error) {
		lines, err = ParseAddedText(rd)
		return err
	})
	return lines, err
}

// ParseAddedText reads a unified diff as ParseChanges does and returns the
// added lines with their text. Memory holds the added lines themselves and
// a fixed-size digest per removed line; a removed line, however long, is
// hashed as it streams past, and headers are cut as ParseChanges cuts
// them.
func ParseAddedText(r io.Reader) ([]AddedLine, error) {
	p := &parser{out: Added{}, removed: map[string][]int{}}
	tp := &textParser{removed: map[lineDigest]bool{}}
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		err := tp.next(br, p)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("diff line %d: %w", n, err)
		}
	}
	if p.oldLeft > 0 || p.newLeft > 0 {
		return nil, fmt.Errorf("diff ends inside a hunk (%d old and %d new lines missing)", p.oldLeft, p.newLeft)
	}
	for i := range tp.lines {
		tp.lines[i].Moved = tp.removed[tp.digests[i]]
	}
	return tp.lines, nil
}

// lineDigest identifies a line's trimmed text.
type lineDigest [sha256.Size]byte

// textParser rides along the header and hunk bookkeeping of parser and
// keeps what parser throws away: the text of added lines and a digest of
// removed ones.
type textParser struct {
	lines   []AddedLine
	digests []lineDigest
	removed map[lineDigest]bool
	buf     []byte
}

// next reads one diff line. Inside a hunk, a "+" line is kept whole and a
// "-" line is digested in chunks; every other line goes to parser cut to
// maxLineKept, as ParseChanges does.
func (tp *textParser) next(br *bufio.Reader, p *parser) error {
	chunk, err := br.ReadSlice('\n')
	if len(chunk) == 0 && errors.Is(err, io.EOF) {
		return io.EOF
	}
	if err != nil && !errors.Is(err, bufio.ErrBufferFull) && !errors.Is(err, io.EOF) {
		return err
	}
	more := errors.Is(err, bufio.ErrBufferFull)
	inHunk := p.oldLeft > 0 || p.newLeft > 0
	switch {
	case inHunk && chunk[0] == '+' && p.newLeft > 0:
		tp.buf = append(tp.buf[:0], chunk[1:]...)
		for more {
			chunk, more, err = readMore(br)
			if err != nil {
				return err
			}
			tp.buf = append(tp.buf, chunk...)
		}
		if p.file != "" && !p.deleted {
			text := trimEOL(tp.buf)
			tp.lines = append(tp.lines, AddedLine{File: p.file, Line: p.newLine, Text: string(text)})
			tp.digests = append(tp.digests, digest(text))
		}
		return p.line([]byte{'+'})
	case inHunk && chunk[0] == '-' && p.oldLeft > 0:
		d := newTrimDigest()
		d.write(chunk[1:])
		for more {
			chunk, more, err = readMore(br)
			if err != nil {
				return err
			}
			d.write(chunk)
		}
		if p.file != "" && !p.deleted {
			tp.removed[d.sum()] = true
		}
		return p.line([]byte{'-'})
	}
	tp.buf = append(tp.buf[:0], chunk[:min(len(chunk), maxLineKept)]...)
	for more {
		chunk, more, err = readMore(br)
		if err != nil {
			return err
		}
		if room := maxLineKept - len(tp.buf); room > 0 {
			tp.buf = append(tp.buf, chunk[:min(len(chunk), room)]...)
		}
	}
	return p.line(trimEOL(tp.buf))
}

// readMore continues a line that did not fit the reader's buffer.
func readMore(br *bufio.Reader) (chunk []byte, more bool, err error) {
	chunk, err = br.ReadSlice('\n')
	switch {
	case errors.Is(err, bufio.ErrBufferFull):
		return chunk, true, nil
	case err == nil, errors.Is(err, io.EOF):
		return chunk, false, nil
	}
	return nil, false, err
}

// trimEOL drops a trailing "\n" or "\r\n".
func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// digest hashes an added line the way trimDigest hashes a removed one.
func digest(text []byte) lineDigest {
	return sha256.Sum256(bytes.Trim(text, asciiSpace))
}
