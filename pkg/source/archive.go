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
// is recorded as a Problem. When the total budget runs out, the archive on
// disk is abandoned where it happened: what was read before stays
// delivered, and the Problem names the member where reading stopped.
func (w *walker) archive(name string, kind archiveKind, r io.Reader, size int64, depth int, b *budget) error {
	err := w.openArchive(name, kind, r, size, depth, b)
	if depth == 1 && errors.Is(err, errAbort) {
		at := name
		var located *locatedError
		if errors.As(err, &located) {
			at = located.path
		}
		w.problem(kindBudget, at, "reading stopped here, after more than %s decompressed from %s in total (the limit); what came before was read, the rest of the archive was not",
			formatBytes(w.opts.MaxTotalBytes), name)
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
				w.problem(kindTooLarge, name, "zip archive larger than %s; not opened", formatBytes(w.opts.MaxEntryBytes))
				return nil
			case err != nil:
				if fatal := w.fatal(err); fatal != nil {
					return fatal
				}
				w.problem(kindDamaged, name, "truncated or corrupt (%v); not opened", errors.Unwrap(err))
				return nil
			}
			ra, size = bytes.NewReader(data), int64(len(data))
		}
		return w.zip(name, ra, size, depth, b)
	case tarArchive:
		return w.tar(name, r, depth, b)
	case tgzArchive:
		gz, err := gzip.NewReader(bufio.NewReader(r))
		if err != nil {
			if fatal := w.fatal(err); fatal != nil {
				return fatal
			}
			w.problem(kindDamaged, name, "damaged archive: not gzip data (%v); not read", err)
			return nil
		}
		defer gz.Close()
		return w.tar(name, &budgetReader{r: gz, b: b, limit: w.opts.MaxTotalBytes}, depth, b)
	}
	return nil
}

// member reads one archive member: a nested archive is opened one level
// deeper, anything else is read as text (or searched for its strings).
// size is the length the archive declares and its reader enforces, or -1
// when unknown. Read errors come back for the caller to record.
func (w *walker) member(name string, r io.Reader, size int64, depth int, b *budget) error {
	if kind := archiveKindOf(name); kind != notArchive {
		if depth >= w.opts.MaxDepth {
			w.problem(kindTooDeep, name, "archive nested more than %d levels deep; not opened", w.opts.MaxDepth)
			return nil
		}
		return w.archive(name, kind, r, -1, depth+1, b)
	}
	return w.text(name, r, size, min(size, memberHintCap))
}

// text reads a file or member whole and hands it to fn, decoded to UTF-8,
// unless it is over MaxEntryBytes. The first 8 KB decide what it is before
// the rest is read, so binary files in build output cost one small read
// (or, with SearchBinary, a pass for their strings). size bounds the
// length, or is -1 when unknown; hint is what to allocate up front, since
// an archive's header can promise more than its data holds. When the data
// ends in a read error, what was
// read is still delivered (a truncated archive keeps its secrets, and so
// does the member at which the total budget ran out) and the error is
// returned.
func (w *walker) text(name string, r io.Reader, size, hint int64) error {
	limit := w.opts.MaxEntryBytes
	head := make([]byte, min(int64(sniffLen), limit+1))
	n, rerr := fill(r, head)
	head = head[:n]
	kind := classify(head)
	if kind == binaryData {
		return w.binary(name, head, r, size, rerr)
	}
	data := head
	if rerr == nil && n == len(head) {
		data = make([]byte, 0, max(min(hint, limit)+1, int64(n)+1))
		data = append(data, head...)
		data, rerr = readAllInto(data, io.LimitReader(r, limit+1-int64(n)), limit+1)
	}
	if int64(len(data)) > limit {
		w.problem(kindTooLarge, name, "larger than %s; not read", formatBytes(limit))
		return abortOnly(rerr)
	}
	if len(data) > 0 {
		switch kind {
		case utf16LE:
			data = decodeUTF16(data, false)
		case utf16BE:
			data = decodeUTF16(data, true)
		}
		if err := w.fn(Blob{Path: name, Data: data}); err != nil {
			return &stopError{err: err}
		}
	}
	return rerr
}

// binary handles binary content whose first bytes are head: skipped, or
// with SearchBinary passed through for its printable strings, up to
// MaxEntryBytes. A binary file known to be larger is skipped whole, and
// bytes of one past the limit are not searched: a binary is never read as
// text, so stopping there leaves nothing unchecked that the gate vouches
// for.
func (w *walker) binary(name string, head []byte, r io.Reader, size int64, rerr error) error {
	limit := w.opts.MaxEntryBytes
	if !w.opts.SearchBinary || size > limit {
		return abortOnly(rerr)
	}
	var runs runCollector
	runs.Write(head[:min(int64(len(head)), limit)])
	if rerr == nil {
		_, rerr = io.Copy(&runs, io.LimitReader(r, max(limit-int64(len(head)), 0)))
	}
	if data := runs.bytes(); len(data) > 0 {
		if err := w.fn(Blob{Path: name, Data: data, Binary: true}); err != nil {
			return &stopError{err: err}
		}
	}
	return rerr
}

// abortOnly passes on only the read errors that matter once content has
// been skipped anyway: limits that end the archive.
func abortOnly(err error) error {
	if err != nil && errors.Is(err, errAbort) {
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

// readAllInto appends r to buf until EOF, doubling buf as it fills, up to
// upTo bytes of capacity: the caller's bound on what r yields.
func readAllInto(buf []byte, r io.Reader, upTo int64) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			grown := make([]byte, len(buf), max(min(2*int64(cap(buf)), upTo), int64(cap(buf))+512))
			copy(grown, buf)
			buf = grown
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

// readErr records the read error of a file or member as a Problem of kind
// and returns what must stop the caller: a limit on the whole archive is
// tagged with the member where it tripped.
func (w *walker) readErr(kind problemKind, name string, err error) error {
	if err == nil {
		return nil
	}
	if fatal := w.fatal(err); fatal != nil {
		return locate(fatal, name)
	}
	w.problem(kind, name, "could not be read whole (%v); what came before the error was checked, the rest was not", err)
	return nil
}

// locatedError names the member at which an archive-wide limit tripped.
type locatedError struct {
	path string
	err  error
}

func (e *locatedError) Error() string { return fmt.Sprintf("at %s: %v", e.path, e.err) }
func (e *locatedError) Unwrap() error { return e.err }

// locate tags an archive-wide limit with the member at where, unless a
// deeper member already is.
func locate(err error, where string) error {
	if errors.Is(err, errAbort) && !errors.As(err, new(*locatedError)) {
		return &locatedError{path: where, err: err}
	}
	return err
}

// memberPath builds the display path of a member; escapes reports a stored
// name that climbs out of the archive, for traversal to record once the
// member has been handled.
func (w *walker) memberPath(archive, raw string) (p string, escapes bool) {
	name, escapes := memberName(raw)
	return archive + "!" + name, escapes
}

// traversal records a member whose stored name leaves the archive folder.
// Its content is still read, under the cleaned name p, so the message says
// so rather than that it went unchecked.
func (w *walker) traversal(p, raw string) {
	w.problem(kindTraversal, p, "member name %q leaves the archive folder (path traversal, zip slip): an extractor that trusts it writes outside its target folder; its content was scanned under this cleaned name",
		clipName(raw))
}
