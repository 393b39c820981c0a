package source

import (
	"archive/zip"
	"errors"
	"io"
	"io/fs"
)

// zip reads the members of a zip archive (.zip, .jar, .war). When the
// central directory at the end is missing or broken, typically a truncated
// upload, the members are read from their local headers instead, up to the
// damage.
func (w *walker) zip(name string, ra io.ReaderAt, size int64, depth int, b *budget) error {
	zr, err := zip.NewReader(ra, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		w.problem(name, "damaged zip archive (%v); reading the members before the damage", err)
		return w.zipLocal(name, ra, size, depth, b)
	}
	files := zr.File
	if len(files) > w.opts.MaxEntries {
		w.problem(name, "archive holds %d members; only the first %d read", len(files), w.opts.MaxEntries)
		files = files[:w.opts.MaxEntries]
	}
	for _, f := range files {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		mode := f.Mode()
		if mode.IsDir() || mode&(fs.ModeSymlink|fs.ModeDevice|fs.ModeNamedPipe|fs.ModeSocket) != 0 {
			continue
		}
		mname := w.memberPath(name, f.Name)
		if f.UncompressedSize64 > uint64(w.opts.MaxEntryBytes) {
			w.problem(mname, "declares %d bytes uncompressed, over the %s limit; not read", f.UncompressedSize64, formatBytes(w.opts.MaxEntryBytes))
			continue
		}
		ratioCap := w.ratioCap(int64(f.CompressedSize64))
		if f.Method != zip.Store && int64(f.UncompressedSize64) > ratioCap {
			w.problem(mname, "refused: declares %d bytes from %d compressed, over %d:1 (a compression bomb?)",
				f.UncompressedSize64, f.CompressedSize64, w.opts.MaxRatio)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			w.problem(mname, "unreadable member: %v", err)
			continue
		}
		var r io.Reader = rc
		if f.Method != zip.Store {
			r = &capReader{r: r, left: ratioCap, err: errRatio}
		}
		r = &budgetReader{r: r, b: b, limit: w.opts.MaxTotalBytes}
		err = w.member(mname, r, int64(f.UncompressedSize64), depth, b)
		rc.Close()
		if stop, _ := w.memberErr(mname, err); stop != nil {
			return stop
		}
	}
	return nil
}

// ratioCap is how many bytes a member of the given compressed size may
// expand to.
func (w *walker) ratioCap(compressed int64) int64 {
	if compressed > (1<<62)/int64(w.opts.MaxRatio) {
		return 1 << 62
	}
	return max(ratioFloor, compressed*int64(w.opts.MaxRatio))
}
