package testkit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRandom(t *testing.T) {
	tests := []struct {
		name     string
		alphabet string
		n        int
	}{
		{"alnum", Alnum, 24},
		{"one letter", "x", 5},
		{"empty", Alnum, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Random(t, tt.alphabet, tt.n)
			if len(got) != tt.n {
				t.Errorf("len = %d, want %d", len(got), tt.n)
			}
			if strings.Trim(got, tt.alphabet) != "" {
				t.Errorf("%q has characters outside %q", got, tt.alphabet)
			}
		})
	}
	if Random(t, Alnum, 32) == Random(t, Alnum, 32) {
		t.Error("two random strings of 32 characters are equal")
	}
}

func TestWriteFiles(t *testing.T) {
	dir := t.TempDir()
	WriteFiles(t, dir, map[string]string{"a.txt": "a\n", "deep/er/b.txt": "b\n"})
	for name, want := range map[string]string{"a.txt": "a\n", "deep/er/b.txt": "b\n"} {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != want {
			t.Errorf("%s = %q, want %q", name, data, want)
		}
	}
}

func TestGitCommits(t *testing.T) {
	dir := t.TempDir()
	InitRepo(t, dir)
	if got := Git(t, dir, "symbolic-ref", "--short", "HEAD"); got != "main" {
		t.Errorf("branch = %q, want main", got)
	}
	WriteFiles(t, dir, map[string]string{"a.txt": "one\n"})
	first := Commit(t, dir, "first")
	WriteFiles(t, dir, map[string]string{"a.txt": "two\n", "new.txt": "new\n"})
	second := Commit(t, dir, "second")
	if len(first) != 40 || len(second) != 40 || first == second {
		t.Fatalf("commit IDs %q and %q", first, second)
	}
	if got := Git(t, dir, "diff", "--name-only", first, second); got != "a.txt\nnew.txt" {
		t.Errorf("second commit changed %q, want a.txt and new.txt", got)
	}
	if got := Git(t, dir, "log", "-1", "--format=%an <%ae> %cI"); got != "dev <dev@example.com> 2026-01-01T00:00:00+00:00" {
		t.Errorf("commit records %q", got)
	}
	// The same content committed the same way in another repository has the
	// same ID: nothing of the machine or the clock leaks into it.
	other := t.TempDir()
	InitRepo(t, other)
	WriteFiles(t, other, map[string]string{"a.txt": "one\n"})
	if got := Commit(t, other, "first"); got != first {
		t.Errorf("the same commit in another repository is %s, want %s", got, first)
	}
}
