package source

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// ArtifactOptions bound what WalkArtifacts decompresses. Zero fields take
// the defaults below.
type ArtifactOptions struct {
	// MaxDepth is how many archive levels are opened: a.zip!b.tar.gz!c.zip
	// is three (default 3).
	MaxDepth int
	// MaxEntryBytes bounds one file or decompressed member (default 64 MiB).
	MaxEntryBytes int64
	// MaxTotalBytes bounds all bytes decompressed from one archive found on
	// disk, its nested archives included (default 1 GiB).
	MaxTotalBytes int64
	// MaxEntries bounds the members read from one archive (default 100,000).
	MaxEntries int
	// SearchBinary delivers binary files and members too, as their
	// printable strings (Blob.Binary), within MaxEntryBytes, so a key baked
	// into a compiled file can still be found. By default they are skipped.
	SearchBinary bool
	// IncludeDependencies reads node_modules and bower_components folders
	// of build output too. By default they are skipped, as in the tree:
	// third-party packages copied into the build hold no secret of the
	// project's, and they are most of its bytes.
	IncludeDependencies bool
}

// Artifact defaults; see ArtifactOptions.
const (
	DefaultMaxDepth      = 3
	DefaultMaxEntryBytes = 64 << 20
	DefaultMaxTotalBytes = 1 << 30
	DefaultMaxEntries    = 100_000
)

func (o ArtifactOptions) withDefaults() ArtifactOptions {
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.MaxEntryBytes <= 0 {
		o.MaxEntryBytes = DefaultMaxEntryBytes
	}
	if o.MaxTotalBytes <= 0 {
		o.MaxTotalBytes = DefaultMaxTotalBytes
	}
	if o.MaxEntries <= 0 {
		o.MaxEntries = DefaultMaxEntries
	}
	return o
}

// Blob is one text file of build output, on disk or inside an archive.
type Blob struct {
	// Path is relative to the scan root with / separators; "!" separates an
	// archive from its member: "dist/site.zip!static/js/main.js", nested
	// "a.zip!b.tar.gz!c.js".
	Path string
	// Data is the whole content, as UTF-8 (UTF-16 text is decoded); it is
	// not reused, so fn may keep it. For a Binary blob it is the printable
	// strings instead (see PrintableRuns).
	Data []byte
	// Binary marks a binary file or member delivered for
	// ArtifactOptions.SearchBinary: Data holds its printable strings, and
	// line numbers in it do not point into the file.
	Binary bool
}

// WalkArtifacts calls fn with every text file in the build output that
// paths name: folders are walked without following symlinks, files are
// read, and archives (.zip, .jar, .war, .tar, .tar.gz, .tgz) are opened in
// memory or streamed, never extracted, recursing into nested archives up to
// MaxDepth. Binary files are skipped unless opts.SearchBinary is set. paths
// are relative to root or absolute inside it; one outside root, missing,
// or that cannot be opened at all is an error. What could not be read
// inside them (an unreadable file in a folder, a damaged archive, a limit
// reached) is a Problem, and what was read before stays delivered. Calls to
// fn are sequential and in a stable order. An error from fn stops the walk
// and is returned as is.
func WalkArtifacts(ctx context.Context, root string, paths []string, opts ArtifactOptions, fn func(Blob) error) ([]Problem, error) {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", root, err)
	}
	type named struct{ rel, given string }
	var targets []named
	seen := map[string]bool{}
	for _, p := range paths {
		rel, err := artifactRel(absRoot, p)
		if err != nil {
			return nil, err
		}
		if !seen[rel] {
			seen[rel] = true
			targets = append(targets, named{rel, p})
		}
	}
	dir, err := os.OpenRoot(absRoot)
	if err != nil {
		return nil, fmt.Errorf("scan root: %w", err)
	}
	defer dir.Close()
	w := &walker{ctx: ctx, opts: opts.withDefaults(), fn: fn, dir: dir}
	for _, a := range targets {
		info, err := dir.Stat(filepath.FromSlash(a.rel))
		if err != nil {
			return w.result(), fmt.Errorf("artifact %s: %w", a.given, trimPathErr(err))
		}
		if info.IsDir() {
			err = w.folder(a.rel)
		} else {
			err = w.file(a.rel, true)
		}
		if err != nil {
			return w.result(), unwrapStop(err)
		}
	}
	return w.result(), nil
}

// artifactRel turns a path as the user gave it into a slash path relative
// to root, refusing one that leaves root.
func artifactRel(root, p string) (string, error) {
	if p == "" {
		return "", errors.New("empty artifact path")
	}
	rel := filepath.Clean(p)
	if filepath.IsAbs(p) {
		r, err := filepath.Rel(root, rel)
		if err != nil {
			return "", fmt.Errorf("artifact %s is outside the scan root %s", p, root)
		}
		rel = r
	}
	if !filepath.IsLocal(rel) && rel != "." {
		return "", fmt.Errorf("artifact %s is outside the scan root %s; pass a path inside it", p, root)
	}
	return filepath.ToSlash(rel), nil
}

// walker carries one WalkArtifacts call.
type walker struct {
	ctx  context.Context
	opts ArtifactOptions
	fn   func(Blob) error
	dir  *os.Root
	// top is the artifact on disk being read, which the problems found in
	// it, down to its deepest nested member, are counted under.
	top      string
	problems problemSet
}

// problem records one occurrence of kind at where, inside the artifact
// being read.
func (w *walker) problem(kind problemKind, where, format string, args ...any) {
	w.problems.add(w.top, kind, where, fmt.Sprintf(format, args...))
}

// result is the problems so far, counted.
func (w *walker) result() []Problem { return w.problems.problems(w.summary) }

// folder walks a folder of build output; symlinks are skipped because a
// deploy step copies what they point at, if anything, and following them
// could leave the root or loop. A folder inside it that cannot be listed
// is a Problem; the folder named itself is an error.
func (w *walker) folder(rel string) error {
	return fs.WalkDir(w.dir.FS(), rel, func(p string, d fs.DirEntry, err error) error {
		if cerr := w.ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if p == rel {
				return fmt.Errorf("artifact %s: %w", rel, trimPathErr(err))
			}
			w.top = displayPath(p)
			if d != nil && d.IsDir() {
				w.problem(kindUnreadable, w.top, "folder could not be read (%v); the files in it were not checked", trimPathErr(err))
				return fs.SkipDir
			}
			w.problem(kindUnreadable, w.top, "could not be read (%v); it was not checked", trimPathErr(err))
			return nil
		}
		if d.IsDir() {
			if p != rel && !w.opts.IncludeDependencies && buildDependencyDirs[d.Name()] {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return w.file(p, false)
	})
}

// buildDependencyDirs hold third-party packages a build copied in.
var buildDependencyDirs = map[string]bool{"node_modules": true, "bower_components": true}

// file reads one file of build output, or opens it as an archive. A
// file the caller named (named) that cannot be opened is an error, since
// nothing of what was asked for could be checked; one found in a folder
// is a Problem.
func (w *walker) file(rel string, named bool) error {
	name := displayPath(rel)
	w.top = name
	f, err := w.dir.Open(filepath.FromSlash(rel))
	if err != nil {
		if named {
			return fmt.Errorf("artifact %s: %w", rel, trimPathErr(err))
		}
		w.problem(kindUnreadable, name, "could not be read (%v); it was not checked", trimPathErr(err))
		return nil
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		w.problem(kindUnreadable, name, "could not be read (not a regular file); it was not checked")
		return nil
	}
	if kind := archiveKindOf(name); kind != notArchive {
		b := &budget{left: w.opts.MaxTotalBytes}
		return w.archive(name, kind, f, info.Size(), 1, b)
	}
	return w.readErr(kindUnreadable, name, w.text(name, f, info.Size(), info.Size()))
}

func displayPath(rel string) string {
	if rel == "." {
		return ""
	}
	return path.Clean(rel)
}

// trimPathErr drops the path an *fs.PathError repeats, since the Problem
// already names it.
func trimPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// stopError carries an error from fn, which ends the walk unchanged.
type stopError struct{ err error }

func (e *stopError) Error() string { return e.err.Error() }
func (e *stopError) Unwrap() error { return e.err }

func unwrapStop(err error) error {
	var s *stopError
	if errors.As(err, &s) {
		return s.err
	}
	return err
}
