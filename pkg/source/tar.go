package source

import (
	"archive/tar"
	"errors"
	"io"
	"path"
)

// tar streams the members of a tar archive. A tar has no index, so damage
// ends the walk at the member where it happens; the members before it have
// been scanned by then.
func (w *walker) tar(name string, r io.Reader, depth int, b *budget) error {
	tr := tar.NewReader(r)
	for n := 0; ; n++ {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		if n >= w.opts.MaxEntries {
			w.problem(name, "archive holds more than %d members; only the first %d read", w.opts.MaxEntries, w.opts.MaxEntries)
			return nil
		}
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil && !errors.Is(err, tar.ErrInsecurePath) {
			if fatal := w.fatal(err); fatal != nil {
				return fatal
			}
			w.problem(name, "damaged or truncated archive (%v); read %d members before the damage", err, n)
			return nil
		}
		switch hdr.Typeflag {
		case tar.TypeReg, tar.TypeGNUSparse, '\x00':
		case tar.TypeSymlink, tar.TypeLink:
			w.checkLink(name, hdr)
			continue
		default:
			continue
		}
		mname := w.memberPath(name, hdr.Name)
		if hdr.Size > w.opts.MaxEntryBytes {
			w.problem(mname, "%d bytes, over the %s limit; not read", hdr.Size, formatBytes(w.opts.MaxEntryBytes))
			continue
		}
		err = w.member(mname, tr, hdr.Size, depth, b)
		stop, truncated := w.memberErr(mname, err)
		if stop != nil {
			return stop
		}
		if truncated {
			w.problem(name, "damaged or truncated archive; read %d members before the damage", n)
			return nil
		}
	}
}

// checkLink reports a link member whose target lies outside the archive:
// extracted, it would read or overwrite files elsewhere on the host.
func (w *walker) checkLink(archive string, hdr *tar.Header) {
	target := hdr.Linkname
	if hdr.Typeflag == tar.TypeSymlink && !path.IsAbs(target) {
		target = path.Join(path.Dir(hdr.Name), target)
	}
	if _, escapes := memberName(target); escapes {
		name, _ := memberName(hdr.Name)
		w.problem(archive+"!"+name, "link to %q points outside the archive folder (path traversal)", clipName(hdr.Linkname))
	}
}
