package source

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain keeps the machine's git configuration out of the tests.
func TestMain(m *testing.M) {
	os.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	os.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	os.Exit(m.Run())
}

func git(t testing.TB, dir string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatalf("git is not on PATH; these tests need a real git: %v", err)
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func writeFile(t testing.TB, root, name string, data []byte) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// entry is one archive member for the builders below.
type entry struct {
	name string
	data []byte
}

func zipBytes(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(e.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func tarBytes(t testing.TB, gz bool, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	var out = &buf
	var gzw *gzip.Writer
	var tw *tar.Writer
	if gz {
		gzw = gzip.NewWriter(out)
		tw = tar.NewWriter(gzw)
	} else {
		tw = tar.NewWriter(out)
	}
	for _, e := range entries {
		if err := tw.WriteHeader(&tar.Header{Name: e.name, Mode: 0o644, Size: int64(len(e.data)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(e.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if gzw != nil {
		if err := gzw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// walkResult is what WalkArtifacts gave: blob contents by path, and the
// problems.
type walkResult struct {
	blobs    map[string]string
	order    []string
	problems []Problem
}

func walk(t testing.TB, root string, paths []string, opts ArtifactOptions) walkResult {
	t.Helper()
	res := walkResult{blobs: map[string]string{}}
	problems, err := WalkArtifacts(context.Background(), root, paths, opts, func(b Blob) error {
		if _, dup := res.blobs[b.Path]; dup {
			t.Errorf("blob %s delivered twice", b.Path)
		}
		res.blobs[b.Path] = string(b.Data)
		res.order = append(res.order, b.Path)
		return nil
	})
	if err != nil {
		t.Fatalf("WalkArtifacts: %v", err)
	}
	res.problems = problems
	return res
}

// problemAt returns the first problem in or first seen at path whose
// message contains substr.
func (r walkResult) problemAt(path, substr string) (Problem, bool) {
	for _, p := range r.problems {
		if (p.Path == path || p.First == path) && strings.Contains(p.Message, substr) {
			return p, true
		}
	}
	return Problem{}, false
}

// tarWithLinks builds a tar with a file, a link inside the archive and two
// links that lead out of it.
func tarWithLinks(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, h := range []*tar.Header{
		{Name: "www/passwd", Typeflag: tar.TypeSymlink, Linkname: "/etc/passwd"},
		{Name: "www/up", Typeflag: tar.TypeSymlink, Linkname: "../../root"},
		{Name: "www/ok", Typeflag: tar.TypeSymlink, Linkname: "index.html"},
	} {
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.WriteHeader(&tar.Header{Name: "www/index.html", Typeflag: tar.TypeReg, Size: 3, Mode: 0o644}); err != nil {
		t.Fatal(err)
	}
	tw.Write([]byte("hi\n"))
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
