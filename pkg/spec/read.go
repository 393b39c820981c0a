package spec

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// ReadFunc reads a file by its path relative to the scan root, with /
// separators.
type ReadFunc func(name string) ([]byte, error)

// ErrOutsideRoot is returned for a path that would leave the scan root: an
// absolute path, one climbing out with .., or a symlink pointing outside.
var ErrOutsideRoot = errors.New("path leaves the scan root")

// ErrTooLarge is returned for a file over the size limit.
var ErrTooLarge = errors.New("file too large")

// readCeiling bounds what DirReader will hold in memory for one file, whatever
// Options.MaxBytes says, so a stray multi-gigabyte file cannot exhaust memory
// before Load gets to compare it against its own limit.
const readCeiling = 1 << 30

// DirReader reads files under root. It refuses absolute paths, paths that
// climb out with .., and symlinks that resolve outside root, each with an
// error wrapping ErrOutsideRoot.
func DirReader(root string) ReadFunc {
	return func(name string) ([]byte, error) {
		rel, err := cleanRel(name)
		if err != nil {
			return nil, err
		}
		r, err := os.OpenRoot(root)
		if err != nil {
			return nil, fmt.Errorf("open scan root: %w", err)
		}
		defer r.Close()
		f, err := r.Open(filepath.FromSlash(rel))
		if err != nil {
			inside, resolved := resolveInside(root, rel)
			if resolved == "" {
				return nil, err
			}
			if !inside {
				return nil, fmt.Errorf("%s: %w (a symlink points outside it)", name, ErrOutsideRoot)
			}
			// os.Root refuses absolute symlinks even when they point back
			// inside; the resolved path was checked to be under root.
			if f, err = os.Open(resolved); err != nil {
				return nil, err
			}
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return nil, err
		}
		if st.IsDir() {
			return nil, fmt.Errorf("%s: is a directory", name)
		}
		data, err := readSized(io.LimitReader(f, readCeiling+1), st.Size())
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		if len(data) > readCeiling {
			return nil, fmt.Errorf("%s: %w: over %d bytes", name, ErrTooLarge, readCeiling)
		}
		return data, nil
	}
}

// readSized reads r to its end into one buffer of the size the file
// reports, plus the byte that shows the end; io.ReadAll would grow its
// buffer by doubling and, on a 30 MB document, allocate twice as much.
// A file that grew since, or reports no size (a pipe), still reads whole.
func readSized(r io.Reader, size int64) ([]byte, error) {
	data := make([]byte, 0, min(max(size, 0), readCeiling)+1)
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if errors.Is(err, io.EOF) {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// resolveInside resolves rel under root through its symlinks and reports
// whether the result stays inside root. It runs only after os.Root refused
// the path, to tell an escape apart from a plain missing file; resolved is
// empty when the path does not resolve at all and does not name a link
// pointing outside.
func resolveInside(root, rel string) (inside bool, resolved string) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return false, ""
	}
	full := filepath.Join(root, filepath.FromSlash(rel))
	target, err := filepath.EvalSymlinks(full)
	if err != nil {
		// A dangling link still says where it points.
		link, lerr := os.Readlink(full)
		if lerr != nil || !filepath.IsAbs(link) {
			return false, ""
		}
		target = link
	}
	r, err := filepath.Rel(realRoot, target)
	inside = err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
	return inside, target
}

// MapReader serves files from memory, keyed by their / path. It applies the
// same path rules as DirReader, so tests see the same refusals.
func MapReader(files map[string]string) ReadFunc {
	m := make(map[string]string, len(files))
	for k, v := range files {
		m[path.Clean(k)] = v
	}
	return func(name string) ([]byte, error) {
		rel, err := cleanRel(name)
		if err != nil {
			return nil, err
		}
		v, ok := m[rel]
		if !ok {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
		return []byte(v), nil
	}
}

// cleanRel checks that name stays inside the root and returns it cleaned.
func cleanRel(name string) (string, error) {
	switch {
	case name == "":
		return "", errors.New("empty file name")
	case strings.IndexByte(name, 0) >= 0:
		return "", fmt.Errorf("%q: file name holds a NUL byte", name)
	case strings.HasPrefix(name, "/") || filepath.IsAbs(name) || filepath.VolumeName(name) != "":
		return "", fmt.Errorf("%s: %w (absolute path)", name, ErrOutsideRoot)
	}
	c := path.Clean(name)
	if c == ".." || strings.HasPrefix(c, "../") {
		return "", fmt.Errorf("%s: %w", name, ErrOutsideRoot)
	}
	return c, nil
}
