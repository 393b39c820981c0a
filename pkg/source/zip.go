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
		read, stop, lerr := w.zipLocal(name, ra, size, depth, b)
		if lerr != nil {
			return lerr
		}
		w.problem(kindDamaged, name, "damaged zip archive (%v): read %d %s from the local headers, %s; the rest was not read",
			err, read, plural(read, "member", "members"), stop)
		return nil
	}
	files := zr.File
	if len(files) > w.opts.MaxEntries {
		w.problem(kindTooMany, name, "archive holds %d members; only the first %d were read", len(files), w.opts.MaxEntries)
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
		mname, escapes := w.memberPath(name, f.Name)
		if f.UncompressedSize64 > uint64(w.opts.MaxEntryBytes) {
			w.problem(kindTooLarge, mname, "declares %d bytes uncompressed, over the %s limit; not read", f.UncompressedSize64, formatBytes(w.opts.MaxEntryBytes))
			continue
		}
		rc, err := f.Open()
		if err != nil {
			w.problem(kindMember, mname, "member could not be read (%v); it was not checked", err)
			continue
		}
		if escapes {
			w.traversal(mname, f.Name)
		}
		// archive/zip fails a member that inflates past its declared size,
		// so the declared size checked above bounds what is read.
		r := &budgetReader{r: rc, b: b, limit: w.opts.MaxTotalBytes}
		err = w.member(mname, r, int64(f.UncompressedSize64), depth, b)
		rc.Close()
		if stop := w.readErr(kindMember, mname, err); stop != nil {
			return stop
		}
	}
	return nil
}
