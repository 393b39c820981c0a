package source

import (
	"errors"
	"fmt"
	"io"
)

// The walk is bounded by the bytes it decompresses, never by how well they
// compress. A compression ratio says nothing about harm: 2 MB of zeros in
// front of a config file, or a tarball of repetitive JavaScript, deflate
// more than 200:1 and are ordinary build output, while what a bomb costs is
// the bytes it expands to. Each member is bounded by MaxEntryBytes and
// every archive on disk, its nested archives included, by MaxTotalBytes, so
// memory and time stay bounded whatever the ratio, and nothing that fits
// the budgets is discarded.

// errAbort marks a limit that ends a whole archive (the total budget), as
// opposed to one member.
var errAbort = errors.New("archive abandoned")

// budget is what is left of MaxTotalBytes for one archive on disk; nested
// archives draw on the same budget.
type budget struct{ left int64 }

// budgetReader charges every byte read to a budget, and never passes on a
// byte beyond it: the read that would cross it ends at the limit with
// errAbort, so what the walk delivers stays within MaxTotalBytes.
type budgetReader struct {
	r     io.Reader
	b     *budget
	limit int64
}

func (r *budgetReader) Read(p []byte) (int, error) {
	if r.b.left < 0 {
		return 0, r.abort()
	}
	// One byte more than is left tells a stream that ends exactly at the
	// limit from one that goes on.
	if int64(len(p)) > r.b.left+1 {
		p = p[:r.b.left+1]
	}
	n, err := r.r.Read(p)
	if int64(n) > r.b.left {
		n = int(r.b.left)
		r.b.left = -1
		return n, r.abort()
	}
	r.b.left -= int64(n)
	return n, err
}

func (r *budgetReader) abort() error {
	return fmt.Errorf("%w: more than %s decompressed in total", errAbort, formatBytes(r.limit))
}
