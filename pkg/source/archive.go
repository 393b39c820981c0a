package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
)

// memberHintCap bounds the buffer allocated up front from a size an archive
// header declares, since a header can lie.
const memberHintCap = 4 << 20

// archive opens an archive read from r. A zip needs random access, so
// unless r is a file on disk (an io.ReaderAt of known size) it is read into
// memory first, within MaxEntryBytes; tar and gzip are streamed. It returns
// only errors that end the walk or the enclosing archive; everything else
// is recorded as a Problem.
func (w *walker) archive(name string, kind archiveKind, r io.Reader, size int64, depth int, b *budget) error {
	err := w.openArchive(name, kind, r, size, depth, b)
	if depth == 1 && errors.Is(err, errAbort) {
		w.problem(name, "stopped reading the archive: %v", err)
		return nil
	}
	return err
}

func (w *walker) openArchive(name string, kind archiveKind, r io.Reader, size int64, depth int, b *budget) error {
	switch kind {
	case zipArchive:
		ra, ok := r.(io.ReaderAt)
		if !ok || size < 0 {
			data, err := readBounded(r, name, w.opts.MaxEntryBytes)
			switch {
			case errors.Is(err, ErrTooLarge):
				w.problem(name, "archive larger than %s; not opened", formatBytes(w.opts.MaxEntryBytes))
				return nil
			case err != nil:
				if fatal := w.fatal(err); fatal != nil {
					return fatal
				}
				w.problem(name, "truncated or corrupt: %v", errors.Unwrap(err))
				return nil
			}
			ra, size = bytes.NewReader(data), int64(len(data))
		}
		return w.zip(name, ra, size, depth, b)
	case tarArchive:
		return w.tar(name, r, depth, b)
	case tgzArchive:
		compressed := &countReader{r: r}
		gz, err := gzip.NewReader(bufio.NewReader(compressed))
		if err != nil {
			if fatal := w.fatal(err); fatal != nil {
				return fatal
			}
			w.problem(name, "damaged archive: not gzip data (%v)", err)
			return nil
		}
		defer gz.Close()
		stream := &streamRatioReader{r: gz, compressed: compressed, ratio: int64(w.opts.MaxRatio)}
		return w.tar(name, &budgetReader{r: stream, b: b, limit: w.opts.MaxTotalBytes}, depth, b)
	}
	return nil
}

// member reads one archive member: a nested archive is opened one level
// deeper, anything else is read as text. Read errors come back for the
// caller to record.
func (w *walker) member(name string, r io.Reader, hint int64, depth int, b *budget) error {
	if kind := archiveKindOf(name); kind != notArchive {
		if depth >= w.opts.MaxDepth {
			w.problem(name, "archive nested more than %d levels deep; not opened", w.opts.MaxDepth)
			return nil
		}
		return w.archive(name, kind, r, -1, depth+1, b)
	}
	return w.text(name, r, min(hint, memberHintCap))
}

// text reads a file or member whole and hands it to fn unless it is binary
// or over MaxEntryBytes. The first 8 KB decide "binary" before the rest is
// read, so images and fonts in build output cost one small read. When the
// data ends in a read error, what was read is still scanned (a truncated
// archive keeps its secrets) and the error is returned; content refused by
// a limit is not scanned.
func (w *walker) text(name string, r io.Reader, hint int64) error {
	limit := w.opts.MaxEntryBytes
	head := make([]byte, min(int64(sniffLen), limit+1))
	n, rerr := fill(r, head)
	head = head[:n]
	if IsBinary(head) {
		return refusedOr(rerr)
	}
	data := head
	if rerr == nil && n == len(head) {
		data = make([]byte, 0, max(min(hint, limit)+1, int64(n)+1))
		data = append(data, head...)
		data, rerr = readAllInto(data, io.LimitReader(r, limit+1-int64(n)))
	}
	if int64(len(data)) > limit {
		w.problem(name, "larger than %s; not read", formatBytes(limit))
		return refusedOr(rerr)
	}
	if rerr != nil && (errors.Is(rerr, errAbort) || errors.Is(rerr, errRatio)) {
		return rerr
	}
	if len(data) > 0 {
		if err := w.fn(Blob{Path: name, Data: data}); err != nil {
			return &stopError{err: err}
		}
	}
	return rerr
}

// refusedOr passes on only the read errors that matter once content has
// been skipped anyway: limits that end the archive.
func refusedOr(err error) error {
	if err != nil && (errors.Is(err, errAbort) || errors.Is(err, errRatio)) {
		return err
	}
	return nil
}

// fill reads until buf is full or the data ends; the end of data is not an
// error.
func fill(r io.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// readAllInto appends r to buf until EOF, growing buf as io.ReadAll does.
func readAllInto(buf []byte, r io.Reader) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		m, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// fatal returns err when it must end the walk or the archive: fn's error,
// a cancelled context, or a limit on the whole archive.
func (w *walker) fatal(err error) error {
	var stop *stopError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &stop):
		return err
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded), w.ctx.Err() != nil:
		if w.ctx.Err() != nil {
			return w.ctx.Err()
		}
		return err
	case errors.Is(err, errAbort):
		return err
	}
	return nil
}

// memberErr records a member's read error as a Problem and returns what
// must stop the caller. truncated reports a plain read error, after which
// a streamed archive cannot go on.
func (w *walker) memberErr(name string, err error) (stop error, truncated bool) {
	if err == nil {
		return nil, false
	}
	if fatal := w.fatal(err); fatal != nil {
		if errors.Is(fatal, errAbort) && !errors.As(fatal, new(*locatedError)) {
			fatal = &locatedError{path: name, err: fatal}
		}
		return fatal, false
	}
	if errors.Is(err, errRatio) {
		w.problem(name, "refused: expands more than %d times its compressed size (a compression bomb?)", w.opts.MaxRatio)
		return nil, false
	}
	w.problem(name, "truncated or corrupt: %v", err)
	return nil, true
}

// locatedError names the member at which an archive-wide limit tripped.
type locatedError struct {
	path string
	err  error
}

func (e *locatedError) Error() string { return fmt.Sprintf("at %s: %v", e.path, e.err) }
func (e *locatedError) Unwrap() error { return e.err }

// memberPath builds the display path of a member and reports a stored name
// that climbs out of the archive.
func (w *walker) memberPath(archive, raw string) string {
	name, escapes := memberName(raw)
	p := archive + "!" + name
	if escapes {
		w.problem(p, "member name %q leaves the archive folder (path traversal); scanned as %s", clipName(raw), name)
	}
	return p
}
