package source

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// dependencyDirs are the folders of third-party code skipped unless
// TreeOptions.IncludeVendor is set, at any depth (a monorepo has one per
// package).
var dependencyDirs = []string{"node_modules", "vendor"}

// lister collects a Tree's files and notes.
type lister struct {
	root   string
	opts   TreeOptions
	seen   map[string]bool
	files  []string
	notes  notes
	unread []Unreadable
	ignore []ignoreRule
}

// addListed filters the names git listed. Git never lists .git itself, but
// it does list tracked symlinks, submodule folders and files deleted from
// the work tree since the last commit, so each name is checked on disk.
func (l *lister) addListed(ctx context.Context, names []string) error {
	root, err := os.OpenRoot(l.root)
	if err != nil {
		return err
	}
	defer root.Close()
	for i, name := range names {
		if i%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if l.seen[name] || strings.HasSuffix(name, "/") || !fs.ValidPath(name) {
			continue
		}
		l.seen[name] = true
		if dep := l.dependencyPrefix(name); dep != "" {
			l.notes.addOnce(noteDependency, dep)
			continue
		}
		if l.excluded(name) {
			continue
		}
		info, err := root.Lstat(filepath.FromSlash(name))
		if err != nil {
			if !os.IsNotExist(err) {
				l.unreadable(name, false, err)
			}
			continue
		}
		l.addFile(name, info)
	}
	return nil
}

// walk lists the folder without git: symlinks are reported, never
// followed, and the root .gitignore prunes what git would have ignored.
func (l *lister) walk(ctx context.Context) error {
	l.ignore = readRootGitignore(l.root)
	return filepath.WalkDir(l.root, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		rel, rerr := filepath.Rel(l.root, p)
		if rerr != nil {
			return rerr
		}
		rel = filepath.ToSlash(rel)
		if err != nil {
			if rel == "." {
				return err
			}
			folder := d != nil && d.IsDir()
			l.unreadable(rel, folder, err)
			if folder {
				return fs.SkipDir
			}
			return nil
		}
		if rel == "." {
			return nil
		}
		if d.IsDir() {
			switch {
			case d.Name() == ".git":
				return fs.SkipDir
			case !l.opts.IncludeVendor && slices.Contains(dependencyDirs, d.Name()):
				l.notes.addOnce(noteDependency, rel)
				return fs.SkipDir
			case l.excludedSelf(rel) || ignored(l.ignore, rel, true):
				return fs.SkipDir
			}
			return nil
		}
		if l.excludedSelf(rel) || ignored(l.ignore, rel, false) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			if !os.IsNotExist(err) {
				l.unreadable(rel, false, err)
			}
			return nil
		}
		l.addFile(rel, info)
		return nil
	})
}

// addFile keeps a regular file within the size limit and notes why any
// other entry is left out.
func (l *lister) addFile(name string, info fs.FileInfo) {
	switch mode := info.Mode(); {
	case mode&fs.ModeSymlink != 0:
		l.notes.add(noteSymlink, name)
	case !mode.IsRegular():
		// Submodule folders, sockets and devices hold nothing to scan.
	case info.Size() > l.opts.MaxFileBytes:
		l.notes.add(noteTooLarge, name)
	default:
		l.files = append(l.files, name)
	}
}

// dependencyPrefix returns the path of the dependency folder name lies in
// ("web/node_modules"), or "" when it is not in one or they are read.
func (l *lister) dependencyPrefix(name string) string {
	if l.opts.IncludeVendor {
		return ""
	}
	segs := strings.Split(name, "/")
	for i, s := range segs[:len(segs)-1] {
		if slices.Contains(dependencyDirs, s) {
			return strings.Join(segs[:i+1], "/")
		}
	}
	return ""
}

// excluded reports whether name or any folder above it matches an
// exclude pattern.
func (l *lister) excluded(name string) bool {
	for p := name; p != "." && p != ""; p = path.Dir(p) {
		if l.excludedSelf(p) {
			return true
		}
	}
	return false
}

func (l *lister) excludedSelf(rel string) bool {
	return matchAny(l.opts.Exclude, rel)
}

func (l *lister) sorted() []string {
	slices.Sort(l.files)
	return slices.Compact(l.files)
}
