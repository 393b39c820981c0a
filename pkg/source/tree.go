package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DefaultMaxFileBytes is the size above which a tree file is skipped. Real
// source files are far smaller; bigger files in a checkout are data or
// build bundles, which the artifact walk reads with its own limits.
const DefaultMaxFileBytes = 10 << 20

// TreeOptions shape what ListTree lists. The zero value reads everything
// but dependency folders, up to DefaultMaxFileBytes per file.
type TreeOptions struct {
	// Exclude are slash globs relative to the root (the config's exclude);
	// ** spans folders. A pattern that matches a folder excludes all of it.
	Exclude []string
	// IncludeVendor reads vendor/ and node_modules/ folders too.
	IncludeVendor bool
	// MaxFileBytes skips larger files with a note; 0 means
	// DefaultMaxFileBytes.
	MaxFileBytes int64
}

// Tree is the set of files a static scan reads under a root: regular files
// only, never through a symlink, each at most the size limit.
//
// In a git work tree the list is what git would track: tracked files plus
// untracked files that no .gitignore, .git/info/exclude or global excludes
// file ignores. Outside git (an exported tarball, a git that refuses the
// folder) the folder is walked instead, and only the .gitignore at the root
// is honoured, with a subset of its syntax (see gitignore.go); nested
// .gitignore files are not read, so such a scan may read a little more.
type Tree struct {
	root       string
	files      []string
	unreadable []Unreadable
	notes      []string
	maxBytes   int64
	fromGit    bool
}

// ErrTooLarge is wrapped by Tree.Read for a file over the size limit.
var ErrTooLarge = errors.New("file too large")

// ListTree lists the files under root. It fails only when root itself
// cannot be read or an exclude pattern is malformed. Every listed file is
// opened once here: one that cannot be read, and a folder that cannot be
// listed, is left out of Files and reported by Unreadable; skipped files
// (too large, symlinks, dependencies) and binary ones are counted in Notes.
func ListTree(ctx context.Context, root string, opts TreeOptions) (*Tree, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", root, err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("scan root: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("scan root %s is not a folder", root)
	}
	if err := checkPatterns(opts.Exclude); err != nil {
		return nil, err
	}
	if opts.MaxFileBytes <= 0 {
		opts.MaxFileBytes = DefaultMaxFileBytes
	}
	l := &lister{root: abs, opts: opts, seen: map[string]bool{}}
	listing, gitErr := gitFiles(ctx, abs, opts.IncludeVendor)
	switch {
	case gitErr == nil:
		for _, u := range listing.unreadable {
			if !l.excluded(u.Path) {
				l.unread = append(l.unread, u)
			}
		}
		if err := l.addListed(ctx, listing.names); err != nil {
			return nil, err
		}
	case ctx.Err() != nil:
		return nil, ctx.Err()
	default:
		if !errors.Is(gitErr, errNotWorkTree) {
			l.notes.add(noteGit, gitErr.Error())
		}
		if err := l.walk(ctx); err != nil {
			return nil, err
		}
	}
	files, err := l.probe(ctx, l.sorted())
	if err != nil {
		return nil, err
	}
	return &Tree{
		root:       abs,
		files:      files,
		unreadable: l.unreadableList(),
		notes:      l.notes.lines(opts.MaxFileBytes),
		maxBytes:   opts.MaxFileBytes,
		fromGit:    gitErr == nil,
	}, nil
}

// FromGit reports whether git listed the files (tracked, or untracked and
// not ignored) rather than a walk of the folder.
func (t *Tree) FromGit() bool { return t.fromGit }

// Root is the absolute path of the folder the tree lists.
func (t *Tree) Root() string { return t.root }

// Files returns the listed files, sorted, relative to Root with /
// separators. The slice is shared; do not modify it.
func (t *Tree) Files() []string { return t.files }

// Notes says what was skipped and why, one line per kind, each of bounded
// length, for a verbose log or a report footer.
func (t *Tree) Notes() []string { return t.notes }

// Unreadable returns the files and folders under Root that could not be
// read when the tree was listed, sorted. They are not in Files. The slice
// is shared; do not modify it.
func (t *Tree) Unreadable() []Unreadable { return t.unreadable }

// Read returns the content of name, a slash path relative to Root. It
// refuses names that leave the root, lexically or through a symlink, and
// files over the size limit (wrapping ErrTooLarge). UTF-16 text comes back
// decoded to UTF-8, so every check reads it: its lines are those of the
// file, while a column counts bytes of the decoded text. Binary content
// comes back as it is.
func (t *Tree) Read(name string) ([]byte, error) {
	if !fs.ValidPath(name) || name == "." || filepath.Separator == '\\' && strings.Contains(name, `\`) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	f, err := os.OpenInRoot(t.root, filepath.FromSlash(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("not a regular file")}
	}
	data, err := readBounded(f, name, t.maxBytes)
	if err != nil {
		return nil, err
	}
	text, _ := Text(data)
	return text, nil
}

// readBounded reads r whole unless it holds more than limit bytes; the
// limit holds even for a file that grows while it is read.
func readBounded(r io.Reader, name string, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %w: over %s", name, ErrTooLarge, formatBytes(limit))
	}
	return data, nil
}

// formatBytes writes a size the way the notes and problems quote limits.
func formatBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
