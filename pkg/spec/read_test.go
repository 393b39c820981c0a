package spec

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
)

func TestDirReader(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "root")
	mustWrite(t, filepath.Join(root, "api", "openapi.yaml"), "openapi: 3.0.3\n")
	mustWrite(t, filepath.Join(base, "secret.txt"), "outside\n")
	mustSymlink(t, filepath.Join(base, "secret.txt"), filepath.Join(root, "leak.yaml"))
	mustSymlink(t, filepath.Join(root, "api", "openapi.yaml"), filepath.Join(root, "alias.yaml"))
	mustSymlink(t, "api/openapi.yaml", filepath.Join(root, "relalias.yaml"))
	mustSymlink(t, "../secret.txt", filepath.Join(root, "relleak.yaml"))
	mustSymlink(t, filepath.Join(base, "gone"), filepath.Join(root, "dangling.yaml"))
	read := DirReader(root)

	tests := []struct {
		name    string
		file    string
		want    string
		wantErr error
	}{
		{"plain file", "api/openapi.yaml", "openapi: 3.0.3\n", nil},
		{"cleaned path", "api/../api/./openapi.yaml", "openapi: 3.0.3\n", nil},
		{"absolute symlink inside the root", "alias.yaml", "openapi: 3.0.3\n", nil},
		{"relative symlink inside the root", "relalias.yaml", "openapi: 3.0.3\n", nil},
		{"dot-dot escape", "../secret.txt", "", ErrOutsideRoot},
		{"deep dot-dot escape", "api/../../secret.txt", "", ErrOutsideRoot},
		{"absolute path", filepath.Join(base, "secret.txt"), "", ErrOutsideRoot},
		{"absolute symlink out", "leak.yaml", "", ErrOutsideRoot},
		{"relative symlink out", "relleak.yaml", "", ErrOutsideRoot},
		{"dangling symlink out", "dangling.yaml", "", ErrOutsideRoot},
		{"missing file", "api/none.yaml", "", fs.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := read(tt.file)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				if got != nil {
					t.Errorf("returned data with the error")
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestMapReader(t *testing.T) {
	read := MapReader(map[string]string{"a/b.yaml": "x", "./c.yaml": "y"})
	tests := []struct {
		name, file, want string
		wantErr          error
	}{
		{"exact", "a/b.yaml", "x", nil},
		{"cleaned key", "c.yaml", "y", nil},
		{"cleaned name", "a/./b.yaml", "x", nil},
		{"missing", "a/c.yaml", "", fs.ErrNotExist},
		{"escape", "../b.yaml", "", ErrOutsideRoot},
		{"absolute", "/a/b.yaml", "", ErrOutsideRoot},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := read(tt.file)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func mustWrite(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		// Windows grants symlinks only to administrators and developer
		// mode; everywhere else a failure is the test's.
		if runtime.GOOS == "windows" {
			t.Skipf("symlinks need developer mode or an administrator on Windows: %v", err)
		}
		t.Fatal(err)
	}
}

// TestReadSized reads whole whatever size the file claimed: exact, too
// small (the file grew), none (a pipe), too large (it shrank), and passes
// a read error on.
func TestReadSized(t *testing.T) {
	body := strings.Repeat("paths: {}\n", 1000)
	for _, size := range []int64{int64(len(body)), 10, 0, -1, int64(len(body)) * 3} {
		got, err := readSized(iotest.OneByteReader(strings.NewReader(body)), size)
		if err != nil || string(got) != body {
			t.Errorf("size %d: got %d bytes, %v; want %d bytes", size, len(got), err, len(body))
		}
	}
	if got, err := readSized(strings.NewReader(body), int64(len(body))); err != nil || cap(got) != len(body)+1 {
		t.Errorf("exact size: cap %d, %v; want one buffer of %d", cap(got), err, len(body)+1)
	}
	if _, err := readSized(iotest.TimeoutReader(strings.NewReader(body)), 1); err == nil {
		t.Error("a failing read came back without an error")
	}
}
