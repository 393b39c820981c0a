package source

import (
	"errors"
	"fmt"
	"io"
)

// ratioFloor is the size under which a member is never refused for its
// compression ratio: a small file of repeated bytes compresses extremely
// well and is harmless.
const ratioFloor = 1 << 20

// errAbort marks a limit that ends a whole archive (the total budget, a
// compressed stream that expands like a bomb), as opposed to one member.
var errAbort = errors.New("archive abandoned")

// errRatio marks a member refused for its compression ratio.
var errRatio = errors.New("compression ratio too high")

// budget is what is left of MaxTotalBytes for one archive on disk; nested
// archives draw on the same budget.
type budget struct{ left int64 }

// budgetReader charges every byte read to a budget.
type budgetReader struct {
	r     io.Reader
	b     *budget
	limit int64
}

func (r *budgetReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.b.left -= int64(n)
	if r.b.left < 0 {
		return n, fmt.Errorf("%w: more than %s decompressed in total", errAbort, formatBytes(r.limit))
	}
	return n, err
}

// capReader fails with err once more than left bytes come through, so a
// member whose header understates its size is cut off while streaming.
type capReader struct {
	r    io.Reader
	left int64
	err  error
}

func (r *capReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.left -= int64(n)
	if r.left < 0 {
		return n, r.err
	}
	return n, err
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (r *countReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.n += int64(n)
	return n, err
}

// streamRatioReader watches a decompressed stream against the compressed
// bytes consumed so far, for formats (gzip) that do not say per member
// how big the compressed data is.
type streamRatioReader struct {
	r          io.Reader
	compressed *countReader
	ratio      int64
	n          int64
}

func (r *streamRatioReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.n += int64(n)
	if r.n > ratioFloor && r.n > r.ratio*max(r.compressed.n, 1) {
		return n, fmt.Errorf("%w: expands more than %d:1 (a compression bomb?)", errAbort, r.ratio)
	}
	return n, err
}
