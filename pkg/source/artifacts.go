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
	// MaxRatio is the compression ratio above which a member is refused
	// (default 200). Minified JavaScript deflates about 3.5:1 and source
	// maps about 4:1, so only crafted data comes near it; members under
	// 1 MiB are never refused for their ratio.
	MaxRatio int
	// MaxEntries bounds the members read from one archive (default 100,000).
	MaxEntries int
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
	DefaultMaxRatio      = 200
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
	if o.MaxRatio <= 0 {
		o.MaxRatio = DefaultMaxRatio
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
	// Data is the whole content; it is not reused, so fn may keep it.
	Data []byte
}

// Problem is an artifact or member that could not be read whole: damaged,
// truncated, refused by a limit, or suspicious (a member name that climbs
// out of the archive). Upstream it becomes a finding.
type Problem struct {
	// Path is the display path of the archive or member, as in Blob.Path.
	Path string
	// Message says what is wrong, without file content.
	Message string
}

// WalkArtifacts calls fn with every text file in the build output that
// paths name: folders are walked without following symlinks, files are
// read, and archives (.zip, .jar, .war, .tar, .tar.gz, .tgz) are opened in
// memory or streamed, never extracted, recursing into nested archives up to
// MaxDepth. Binary files are skipped. paths are relative to root or
// absolute inside it; one outside root, or missing, is an error. Calls to
// fn are sequential and in a stable order. An error from fn stops the walk
// and is returned as is.
func WalkArtifacts(ctx context.Context, root string, paths []string, opts ArtifactOptions, fn func(Blob) error) ([]Problem, error) {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", root, err)
	}
	rels := make([]string, 0, len(paths))
	seen := map[string]bool{}
	for _, p := range paths {
		rel, err := artifactRel(absRoot, p)
		if err != nil {
			return nil, err
		}
		if !seen[rel] {
			seen[rel] = true
			rels = append(rels, rel)
		}
	}
	dir, err := os.OpenRoot(absRoot)
	if err != nil {
		return nil, fmt.Errorf("scan root: %w", err)
	}
	defer dir.Close()
	w := &walker{ctx: ctx, opts: opts.withDefaults(), fn: fn, dir: dir}
	for i, rel := range rels {
		info, err := dir.Stat(filepath.FromSlash(rel))
		if err != nil {
			return w.problems, fmt.Errorf("artifact %s: %w", paths[i], err)
		}
		if info.IsDir() {
			err = w.folder(rel)
		} else {
			err = w.file(rel)
		}
		if err != nil {
			return w.problems, unwrapStop(err)
		}
	}
	return w.problems, nil
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
	ctx      context.Context
	opts     ArtifactOptions
	fn       func(Blob) error
	dir      *os.Root
	problems []Problem
}

func (w *walker) problem(p, format string, args ...any) {
	w.problems = append(w.problems, Problem{Path: p, Message: fmt.Sprintf(format, args...)})
}

// folder walks a folder of build output; symlinks are skipped because a
// deploy step copies what they point at, if anything, and following them
// could leave the root or loop.
func (w *walker) folder(rel string) error {
	return fs.WalkDir(w.dir.FS(), rel, func(p string, d fs.DirEntry, err error) error {
		if cerr := w.ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if p == rel {
				return fmt.Errorf("artifact %s: %w", rel, err)
			}
			w.problem(displayPath(p), "unreadable: %v", trimPathErr(err))
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
		return w.file(p)
	})
}

// buildDependencyDirs hold third-party packages a build copied in.
var buildDependencyDirs = map[string]bool{"node_modules": true, "bower_components": true}

// file reads one file of build output, or opens it as an archive.
func (w *walker) file(rel string) error {
	name := displayPath(rel)
	f, err := w.dir.Open(filepath.FromSlash(rel))
	if err != nil {
		w.problem(name, "unreadable: %v", trimPathErr(err))
		return nil
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		w.problem(name, "unreadable: not a regular file")
		return nil
	}
	if kind := archiveKindOf(name); kind != notArchive {
		b := &budget{left: w.opts.MaxTotalBytes}
		return w.archive(name, kind, f, info.Size(), 1, b)
	}
	stop, _ := w.memberErr(name, w.text(name, f, info.Size()))
	return stop
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
