package gitdiff

import (
	"bufio"
	"errors"
	"io"
)

// lineReader yields the lines of a stream without their line ending, each
// cut to maxLineKept bytes, so a line of any length costs bounded memory.
type lineReader struct {
	br  *bufio.Reader
	buf []byte
	// n is the number of the line last returned, for error messages.
	n int
}

// next returns the next line, valid until the following call, or io.EOF.
func (lr *lineReader) next() ([]byte, error) {
	lr.buf = lr.buf[:0]
	read, cut := 0, false
	for {
		chunk, err := lr.br.ReadSlice('\n')
		read += len(chunk)
		if room := maxLineKept - len(lr.buf); room >= len(chunk) {
			lr.buf = append(lr.buf, chunk...)
		} else {
			lr.buf = append(lr.buf, chunk[:max(room, 0)]...)
			cut = true
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		if err != nil && read == 0 {
			return nil, io.EOF
		}
		break
	}
	lr.n++
	if !cut {
		line := lr.buf
		if n := len(line); n > 0 && line[n-1] == '\n' {
			line = line[:n-1]
		}
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
		lr.buf = line
	}
	return lr.buf, nil
}
