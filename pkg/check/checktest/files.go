package checktest

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/source"
)

// Files is a listing of files and a way to read them, as a source.Tree is.
type Files interface {
	Files() []string
	Read(name string) ([]byte, error)
}

// MemFiles is an in-memory tree: slash paths mapped to contents.
type MemFiles map[string]string

// Files lists the names of m, sorted.
func (m MemFiles) Files() []string {
	return slices.Sorted(maps.Keys(m))
}

// Read returns the content of name, or an error wrapping fs.ErrNotExist.
func (m MemFiles) Read(name string) ([]byte, error) {
	s, ok := m[name]
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	}
	return []byte(s), nil
}

// Tree lists the folder root the way a scan does.
func Tree(t testing.TB, root string) *source.Tree {
	t.Helper()
	tree, err := source.ListTree(context.Background(), root, source.TreeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// DirFiles reads every file under root, with none of the exclusions a
// scan's tree makes, so that an expectation in a file the scan skips is
// still counted.
func DirFiles(t testing.TB, root string) MemFiles {
	t.Helper()
	out := MemFiles{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
