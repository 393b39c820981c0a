package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// valuePatterns find a planted value at its column, so a test can hash it
// and compare with the manifest without the manifest holding the value.
var valuePatterns = map[string]*regexp.Regexp{
	kindAWS:      regexp.MustCompile(`^AKIA[A-Z2-7]{16}`),
	kindStripe:   regexp.MustCompile(`^sk_live_[A-Za-z0-9]{24}`),
	kindGitHub:   regexp.MustCompile(`^ghp_[A-Za-z0-9]{36}`),
	kindSlack:    regexp.MustCompile(`^xoxb-[0-9]{12}-[0-9]{13}-[A-Za-z0-9]{24}`),
	kindPostgres: regexp.MustCompile(`^postgres://[^:"]+:[^@"]+@[^"]+`),
	kindPEM:      regexp.MustCompile(`^-----BEGIN RSA PRIVATE KEY-----\n(?:[A-Za-z0-9+/=]+\n)+-----END RSA PRIVATE KEY-----`),
}

// valueAt returns the planted value of kind starting at the 1-based line
// and column of content, or "" when nothing of that kind starts there.
func valueAt(content []byte, line, column int, kind string) string {
	lines := strings.SplitAfter(string(content), "\n")
	if line < 1 || line > len(lines) || column < 1 || column > len(lines[line-1]) {
		return ""
	}
	rest := strings.Join(lines[line-1:], "")[column-1:]
	return valuePatterns[kind].FindString(rest)
}

func sha(v string) string {
	s := sha256.Sum256([]byte(v))
	return hex.EncodeToString(s[:])
}

// generate writes a data set into a fresh temporary folder.
func generate(t *testing.T, kind string, size int64, seed uint64) (string, *manifest) {
	t.Helper()
	if testing.Short() {
		t.Skip("writes data sets of several megabytes; skipped with -short")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed on PATH to build the tree and pr data sets")
	}
	dir := filepath.Join(t.TempDir(), kind)
	var m *manifest
	var err error
	ctx := context.Background()
	switch kind {
	case "tree":
		m, err = genTree(ctx, dir, seed, size)
	case "build":
		m, err = genBuild(ctx, dir, seed, size)
	case "pr":
		m, err = genPR(ctx, dir, seed, size)
	}
	if err != nil {
		t.Fatalf("generating %s: %v", kind, err)
	}
	onDisk, err := readManifest(filepath.Join(dir, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	if len(onDisk.Secrets) != len(m.Secrets) {
		t.Fatalf("manifest on disk lists %d secrets, generator returned %d", len(onDisk.Secrets), len(m.Secrets))
	}
	return dir, onDisk
}

// listFiles returns every file under dir except git's own, relative and
// with / separators.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// digest hashes every file under dir except git's own, by path.
func digest(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, rel := range listFiles(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		out[rel] = sha(string(b))
	}
	return out
}

func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := git(context.Background(), dir, 1, args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// filesWith lists the files under dir whose names end with suffix.
func filesWith(t *testing.T, dir, suffix string) []string {
	t.Helper()
	var out []string
	for _, rel := range listFiles(t, dir) {
		if strings.HasSuffix(rel, suffix) {
			out = append(out, rel)
		}
	}
	return out
}

func regexpFind(pattern, s string) string { return regexp.MustCompile(pattern).FindString(s) }
