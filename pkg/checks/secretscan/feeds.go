package secretscan

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"unsafe"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/gitdiff"
	"github.com/launchgate/launchgate/pkg/secrets"
	"github.com/launchgate/launchgate/pkg/source"
)

// tree scans every file of the tree whole, except those inside the
// artifacts, which are scanned as artifacts: text as it is, binary files
// by their printable strings. A file that fails to read now, though it
// could be opened when the tree was listed, is reported as unreadable.
func (s *scan) tree(ctx context.Context) error {
	t := s.t.Tree
	inArtifacts := artifactPrefixes(s.t)
	return s.fragments(ctx, func(p put) error {
		for _, name := range t.Files() {
			if inArtifacts(name) {
				continue
			}
			if skipped(s.t, name) {
				s.c.skipped++
				continue
			}
			data, err := t.Read(name)
			if err != nil {
				if r, ok := check.ReadFailure(name, err); ok {
					s.emit(r)
				} else {
					s.t.Logger.Debug("skipped a file", "file", name, "err", err)
				}
				continue
			}
			if err := s.blob(name, data, false, p); err != nil {
				return err
			}
		}
		return nil
	})
}

// unreadable reports the files and folders of the tree that could not be
// read when it was listed, except those inside the artifacts, whose walk
// reports them as unreadable artifacts.
func (s *scan) unreadable() {
	inArtifacts := artifactPrefixes(s.t)
	for _, u := range s.t.Tree.Unreadable() {
		if !inArtifacts(u.Path) {
			s.emit(check.Unreadable(u))
		}
	}
}

// diff scans only the lines the range adds, grouped into runs of
// consecutive lines so each run is one fragment; lines that only moved
// are not new and are left out. A binary file has no lines to add, so
// those the range adds or changes are scanned whole (binaryChanges).
func (s *scan) diff(ctx context.Context) error {
	repo, err := gitdiff.Open(ctx, s.t.Root)
	if err != nil {
		return err
	}
	prefix, err := repo.RelPath(s.t.Root)
	if err != nil {
		return err
	}
	lines, err := repo.AddedText(ctx, s.t.Diff.Base, s.t.Diff.Head)
	if err != nil {
		return fmt.Errorf("reading the lines %s..%s adds: %w", short(s.t.Diff.Base), short(s.t.Diff.Head), err)
	}
	files := map[string]bool{}
	defer func() { s.c.files += len(files) }()
	return s.fragments(ctx, func(p put) error {
		var run []gitdiff.AddedLine
		flush := func() error {
			if len(run) == 0 {
				return nil
			}
			texts := make([]string, len(run))
			for i, l := range run {
				texts[i] = l.Text
			}
			f := secrets.Fragment{Path: run[0].File, Content: strings.Join(texts, "\n"), StartLine: run[0].Line}
			run = run[:0]
			return p(piece{Fragment: f})
		}
		for _, l := range lines {
			name, ok := underRoot(prefix, l.File)
			if !ok || l.Moved || skipped(s.t, name) {
				continue
			}
			l.File = name
			files[name] = true
			s.c.lines++
			if n := len(run); n > 0 && (run[n-1].File != l.File || run[n-1].Line+1 != l.Line) {
				if err := flush(); err != nil {
					return err
				}
			}
			run = append(run, l)
		}
		if err := flush(); err != nil {
			return err
		}
		return s.binaryChanges(ctx, repo, prefix, p)
	})
}

// binaryChanges scans the binary files the diff range adds or changes
// (a key store, a file with a key among its strings) whole, as the tree
// scan does, when the work tree holds the range's head: they are read
// from it, under the tree's limits. Their findings are the change's.
func (s *scan) binaryChanges(ctx context.Context, repo *gitdiff.Repo, prefix string, p put) error {
	if s.t.Tree == nil || !repo.HeadIs(ctx, s.t.Diff.Head) {
		return nil
	}
	added, err := repo.AddedLines(ctx, s.t.Diff.Base, s.t.Diff.Head)
	if err != nil {
		return fmt.Errorf("listing the files %s..%s changes: %w", short(s.t.Diff.Base), short(s.t.Diff.Head), err)
	}
	for _, file := range added.Files() {
		name, ok := underRoot(prefix, file)
		if !ok || !added.Binary(file) || skipped(s.t, name) {
			continue
		}
		data, err := s.t.Tree.Read(name)
		if err != nil {
			s.t.Logger.Debug("skipped a changed binary file", "file", name, "err", err)
			continue
		}
		if !source.IsBinary(data) {
			continue
		}
		s.c.binary++
		if err := s.blob(name, data, true, p); err != nil {
			return err
		}
	}
	return nil
}

// artifacts scans build output whole: bundles, archives, the original
// sources inside source maps, and the printable strings of binary files.
// What could not be read is reported once per artifact and kind of
// problem.
func (s *scan) artifacts(ctx context.Context) error {
	if len(s.t.Artifacts) == 0 {
		return nil
	}
	return s.fragments(ctx, func(p put) error {
		opts := source.ArtifactOptions{IncludeDependencies: s.dependencies(), SearchBinary: true}
		if c := s.t.Config; c != nil {
			opts.MaxEntryBytes = int64(c.Limits.MaxArtifactBytes)
			opts.MaxTotalBytes = int64(c.Limits.MaxArchiveBytes)
			opts.MaxEntries = c.Limits.MaxArchiveEntries
			opts.MaxDepth = c.Limits.MaxArchiveDepth
		}
		problems, err := source.WalkArtifacts(ctx, s.t.Root, s.t.Artifacts, opts, func(b source.Blob) error {
			if b.Binary {
				s.c.scanned(b.Path, len(b.Data))
				return p(piece{Fragment: secrets.Fragment{Path: b.Path, Content: text(b.Data), Binary: true, StartLine: 1}, ofChange: true, binary: true})
			}
			return s.blob(b.Path, b.Data, true, p)
		})
		for _, pr := range problems {
			s.emit(check.Report{
				Rule:     ruleUnreadable,
				File:     pr.Path,
				Message:  pr.Message,
				Key:      pr.Path + "|" + pr.Kind,
				OfChange: true,
			})
		}
		return err
	})
}

// blob scans one file's content: a source map through its sourcesContent,
// a binary file through its printable strings, anything else whole.
func (s *scan) blob(path string, data []byte, ofChange bool, p put) error {
	s.c.scanned(path, len(data))
	if source.IsBinary(data) {
		return p(piece{Fragment: secrets.Fragment{Path: path, Content: text(source.PrintableRuns(data)), Binary: true, Raw: data, StartLine: 1}, ofChange: ofChange, binary: true})
	}
	if source.IsSourceMap(path, data) {
		return s.sourceMap(path, data, ofChange, p)
	}
	return p(piece{Fragment: secrets.Fragment{Path: path, Content: text(data), StartLine: 1}, ofChange: ofChange})
}

// text views data as a string without copying it: files are read into a
// fresh buffer that nothing writes to afterwards, and copying every byte
// of a tree or a build folder once more is what the scan would otherwise
// spend its allocations on.
func text(data []byte) string {
	if len(data) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(data), len(data))
}

// sourceMap scans each original source a map carries, reported at
// "<map>!<original path>" and the line in the original, and reports the
// map itself when it ships sources in build output.
func (s *scan) sourceMap(path string, data []byte, ofChange bool, p put) error {
	m, err := source.ParseSourceMap(data)
	if err != nil {
		// Not a map after all: scan it as text.
		return p(piece{Fragment: secrets.Fragment{Path: path, Content: text(data), StartLine: 1}, ofChange: ofChange})
	}
	n := 0
	for i, content := range m.SourcesContent {
		if content == nil || *content == "" {
			continue
		}
		n++
		orig := fmt.Sprintf("source%d", i)
		if i < len(m.Sources) {
			orig = source.OriginalPath(m.SourceRoot, m.Sources[i])
		}
		if !s.dependencies() && dependencyPath(orig) {
			// Third-party sources bundled in: most of a real map's bytes,
			// none of the project's secrets (as node_modules in the tree).
			continue
		}
		if err := p(piece{Fragment: secrets.Fragment{Path: path + "!" + orig, Content: *content, StartLine: 1}, ofChange: ofChange}); err != nil {
			return err
		}
	}
	if n > 0 && s.c != nil {
		s.c.sourceMaps++
	}
	if n > 0 && ofChange {
		s.emit(check.Report{
			Rule:     ruleSourceMap,
			File:     archiveFile(path),
			Line:     1,
			Message:  fmt.Sprintf("%s ships the original source of %d files (sourcesContent) with the build: anyone can read the app's code, comments and any secret in it; don't deploy source maps publicly, or build them without sourcesContent", path, n),
			Key:      path,
			OfChange: true,
		})
	}
	return nil
}

// artifactPrefixes returns a test for tree files that lie in one of the
// target's artifacts (a committed dist/ folder, say).
func artifactPrefixes(t *check.Target) func(name string) bool {
	var dirs, files []string
	for _, a := range t.Artifacts {
		rel, err := filepath.Rel(t.Root, a)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return func(string) bool { return true }
		}
		dirs = append(dirs, rel+"/")
		files = append(files, rel)
	}
	return func(name string) bool {
		for i := range dirs {
			if name == files[i] || strings.HasPrefix(name, dirs[i]) {
				return true
			}
		}
		return false
	}
}

// archiveFile is the on-disk file a "!"-joined artifact path is in, for
// reporters that link to files.
func archiveFile(path string) string {
	f, _, _ := strings.Cut(path, "!")
	return f
}

// underRoot turns a repository path into one relative to the scan root.
func underRoot(prefix, file string) (string, bool) {
	if prefix == "" || prefix == "." {
		return file, true
	}
	rest, ok := strings.CutPrefix(file, strings.TrimSuffix(prefix, "/")+"/")
	return rest, ok
}

func short(rev string) string { return rev[:min(12, len(rev))] }

// dependencies reports whether the config asks for third-party code too.
func (s *scan) dependencies() bool {
	return s.t.Config != nil && s.t.Config.Secrets.ScanDependencies
}

// dependencyPath reports whether a path is inside a node_modules or
// bower_components folder.
func dependencyPath(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg == "node_modules" || seg == "bower_components" {
			return true
		}
	}
	return false
}
