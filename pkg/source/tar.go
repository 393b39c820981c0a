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
	// last is the member whose data tr.Next skips, for a limit that trips
	// there.
	last := name
	for n := 0; ; n++ {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		if n >= w.opts.MaxEntries {
			w.problem(kindTooMany, name, "archive holds more than %d members; only the first %d were read", w.opts.MaxEntries, w.opts.MaxEntries)
			return nil
		}
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil && !errors.Is(err, tar.ErrInsecurePath) {
			if fatal := w.fatal(err); fatal != nil {
				return locate(fatal, last)
			}
			w.problem(kindDamaged, name, "damaged or truncated archive (%v); read %d %s before the damage, the rest was not read", err, n, plural(n, "member", "members"))
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
		mname, escapes := w.memberPath(name, hdr.Name)
		last = mname
		if hdr.Size > w.opts.MaxEntryBytes {
			// tr.Next skips its data, inflating it through the budget.
			w.problem(kindTooLarge, mname, "%d bytes, over the %s limit; not read", hdr.Size, formatBytes(w.opts.MaxEntryBytes))
			continue
		}
		if escapes {
			w.traversal(mname, hdr.Name)
		}
		err = w.member(mname, tr, hdr.Size, depth, b)
		if err == nil {
			continue
		}
		if fatal := w.fatal(err); fatal != nil {
			return locate(fatal, mname)
		}
		// A streamed archive cannot go on past a member it could not read.
		w.problem(kindDamaged, mname, "damaged or truncated archive: stopped in this member (%v); the %d %s before it and what of it was read were checked, the rest of the archive was not",
			err, n, plural(n, "member", "members"))
		return nil
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
		w.problem(kindLinkOutside, archive+"!"+name, "link to %q points outside the archive folder (path traversal): extracted, it reads or overwrites files elsewhere on the host", clipName(hdr.Linkname))
	}
}
