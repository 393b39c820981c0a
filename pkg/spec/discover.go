package spec

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Discover finds the OpenAPI documents under root: *.yaml, *.yml and *.json
// files with a top-level openapi or swagger key (looked for in the whole
// file up to DefaultMaxBytes, in the first few KB of a larger one): the API
// the project serves, as a user means it. It skips folders below root that
// hold dependencies (vendored, installed, a Go module cache), build output,
// tests and examples, files named as test inputs (see discover_skip.go),
// and anything matching an exclude pattern (slash globs relative to root,
// ** allowed). Symlinks are
// not followed. The result is relative to root, with /, sorted.
//
// A document over DefaultMaxBytes is still listed when its head looks like
// a specification, so that Load reports it as too large instead of the
// gate passing it over in silence.
func Discover(ctx context.Context, root string, exclude []string) ([]string, error) {
	for _, p := range exclude {
		if _, err := path.Match(strings.ReplaceAll(p, "**", "x"), ""); err != nil {
			return nil, fmt.Errorf("exclude pattern %q: %w", p, err)
		}
	}
	var found []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if p == root {
				return err
			}
			// An unreadable folder deep in the tree should not stop the scan.
			return nil
		}
		rel, rerr := filepath.Rel(root, p)
		if rerr != nil {
			return rerr
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "." {
				return nil
			}
			if skipDir(rel, d.Name()) || excluded(exclude, rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !specExt(d.Name()) || testFile(d.Name()) || excluded(exclude, rel) {
			return nil
		}
		ok, serr := sniffFile(p)
		if serr != nil || !ok {
			return nil
		}
		found = append(found, rel)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("discover specs under %s: %w", root, err)
	}
	sort.Strings(found)
	return found, nil
}

func specExt(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

func excluded(patterns []string, rel string) bool {
	for _, p := range patterns {
		if matchGlob(p, rel) {
			return true
		}
	}
	return false
}

// sniffFile reads the head of a file for IsSpec, and the rest only when the
// head does not settle it.
func sniffFile(name string) (bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	buf := make([]byte, sniffBytes)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, err
	}
	if IsSpec(buf[:n]) || n < sniffBytes {
		return IsSpec(buf[:n]), nil
	}
	if fi, err := f.Stat(); err != nil || fi.Size() > DefaultMaxBytes {
		return false, err
	}
	all, err := io.ReadAll(io.MultiReader(bytes.NewReader(buf[:n]), f))
	if err != nil {
		return false, err
	}
	return IsSpec(all), nil
}
