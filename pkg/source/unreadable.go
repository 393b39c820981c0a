package source

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"
)

// Unreadable is a file or folder of the tree that could not be read: its
// permissions forbid it, or the disk failed. Nothing in it was checked, so
// the gate cannot vouch for it, and upstream it becomes a finding that
// blocks; a file skipped for its size is a note instead.
type Unreadable struct {
	// Path is relative to the root with / separators.
	Path string
	// Folder is set for a folder that could not be listed: none of the
	// files in it were read, nor are they listed.
	Folder bool
	// Reason is the system's error without the path ("permission denied").
	Reason string
}

// probe opens every listed file and reads its first bytes, once, while the
// tree is listed: a file that cannot be opened or read there is taken out
// of the list and reported as Unreadable, so every check sees the same
// list and the problem is reported once, and binary files are counted for
// the note that says they were not read as text. A file that vanished
// since it was listed is dropped. files are sorted, so the files of one
// folder are next to each other: each folder is opened once and its files
// probed from it, folders concurrently.
func (l *lister) probe(ctx context.Context, files []string) ([]string, error) {
	root, err := os.OpenRoot(l.root)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	kinds := make([]textKind, len(files))
	errs := make([]error, len(files))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := 0; i < len(files); {
		dir := path.Dir(files[i])
		from, to := i, i+1
		for to < len(files) && path.Dir(files[to]) == dir {
			to++
		}
		g.Go(func() error {
			return probeFolder(gctx, root, dir, files[from:to], kinds[from:to], errs[from:to])
		})
		i = to
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	kept := files[:0]
	for i, name := range files {
		switch {
		case errors.Is(errs[i], fs.ErrNotExist):
		case errs[i] != nil:
			l.unreadable(name, false, errs[i])
		default:
			if kinds[i] == binaryData {
				l.notes.add(noteBinary, name)
			}
			kept = append(kept, name)
		}
	}
	return kept, nil
}

// probeFolder sniffs the files of the folder dir under root, setting each
// one's kind or error. Opening the folder once and each file in it by its
// base name costs one system call a file, where opening every file by its
// path from the root would cost one per path segment.
func probeFolder(ctx context.Context, root *os.Root, dir string, files []string, kinds []textKind, errs []error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	folder := root
	if dir != "." {
		sub, err := root.OpenRoot(filepath.FromSlash(dir))
		if err != nil {
			for i := range errs {
				errs[i] = err
			}
			return nil
		}
		defer sub.Close()
		folder = sub
	}
	head := make([]byte, sniffLen)
	for i, name := range files {
		kinds[i], errs[i] = sniff(folder, path.Base(name), head)
	}
	return nil
}

// sniff reads the first bytes of the file name in folder into head and
// says what they hold.
func sniff(folder *os.Root, name string, head []byte) (textKind, error) {
	f, err := folder.Open(name)
	if err != nil {
		return plainText, err
	}
	defer f.Close()
	n, err := fill(f, head)
	if err != nil {
		return plainText, err
	}
	return classify(head[:n]), nil
}

// unreadable records an entry that could not be read.
func (l *lister) unreadable(name string, folder bool, err error) {
	l.unread = append(l.unread, Unreadable{Path: name, Folder: folder, Reason: trimPathErr(err).Error()})
}

// unreadableList returns the recorded entries sorted, without the files
// and folders inside a folder that is itself unreadable.
func (l *lister) unreadableList() []Unreadable {
	folders := map[string]bool{}
	for _, u := range l.unread {
		if u.Folder {
			folders[u.Path] = true
		}
	}
	var out []Unreadable
	seen := map[string]bool{}
	for _, u := range l.unread {
		if seen[u.Path] || insideAny(folders, u.Path) {
			continue
		}
		seen[u.Path] = true
		out = append(out, u)
	}
	slices.SortFunc(out, func(a, b Unreadable) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// insideAny reports whether name lies inside one of folders.
func insideAny(folders map[string]bool, name string) bool {
	for p := path.Dir(name); p != "." && p != "/"; p = path.Dir(p) {
		if folders[p] {
			return true
		}
	}
	return false
}
