package cli

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// TestUnreadableInputFailsClosed: what the gate could not read is never a
// pass. A tree file it cannot open is a blocking finding; an --env or
// --artifacts input the user named is exit 2 naming the flag.
func TestUnreadableInputFailsClosed(t *testing.T) {
	if !testkit.RunAsNobody(t) {
		return
	}
	dir := writeTree(t, map[string]string{
		"openapi.yaml":      securedSpec,
		"config/prod.env":   "API_KEY=x\n",
		"deploy/prod.env":   "NODE_ENV=production\n",
		"build/site.tar.gz": "not read",
	})
	testkit.MakeUnreadable(t, filepath.Join(dir, "config", "prod.env"))
	testkit.MakeUnreadable(t, filepath.Join(dir, "deploy", "prod.env"))
	testkit.MakeUnreadable(t, filepath.Join(dir, "build", "site.tar.gz"))

	r := run(t, dir, "scan", "--format", "json")
	if r.code != ExitBlocking {
		t.Fatalf("exit %d, want 1: an unreadable file blocks\n%s%s", r.code, r.stdout, r.stderr)
	}
	if keys := ruleKeys(t, r.stdout); !contains(keys, "secret/unreadable-file@config/prod.env:0") {
		t.Errorf("no secret/unreadable-file for config/prod.env in %v", keys)
	}
	for _, tc := range []struct{ flag, path string }{
		{"--env", "deploy/prod.env"},
		{"--artifacts", "build/site.tar.gz"},
	} {
		r := run(t, dir, "scan", tc.flag, tc.path)
		if r.code != ExitError || !strings.Contains(r.stderr, tc.flag+" "+tc.path+": cannot be read: permission denied") {
			t.Errorf("%s %s: exit %d, want 2 naming the flag and the file:\n%s", tc.flag, tc.path, r.code, r.stderr)
		}
	}
}

// TestArchiveOfZerosStillScanned: 2 MB of zeros before the file with the
// token used to get the whole archive refused as a bomb, and the gate
// passed. The limits are on bytes read, so the token is found and blocks.
func TestArchiveOfZerosStillScanned(t *testing.T) {
	token := testkit.Plant(t, "token after the zeros", "ghp_", 36)
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, m := range []struct {
		name string
		data []byte
	}{
		{"zeros.bin", make([]byte, 2<<20)},
		{"config.js", []byte("export const token = \"" + token.Value + "\";\n")},
	} {
		if err := tw.WriteHeader(&tar.Header{Name: m.name, Mode: 0o644, Size: int64(len(m.data))}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(m.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	dir := writeTree(t, map[string]string{"openapi.yaml": securedSpec, "release/site.tar.gz": buf.String()})
	r := run(t, dir, "scan", "--artifacts", "release", "--format", "json")
	if r.code != ExitBlocking {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	if keys := ruleKeys(t, r.stdout); !contains(keys, "secret/github-pat@release/site.tar.gz!config.js:1") {
		t.Errorf("the token after the zeros is not found: %v", keys)
	}
	if got := testkit.Leaks(r.stdout+r.stderr, []testkit.Planted{token}); len(got) > 0 {
		t.Errorf("output shows %v", got)
	}
}

// TestUTF16EnvFileIsRead: a production env file saved as UTF-16 (as
// Windows editors do) is decoded and checked, in the tree and with --env.
func TestUTF16EnvFileIsRead(t *testing.T) {
	pw := testkit.Plant(t, "UTF-16 password", "", 22)
	content := "DATABASE_URL=postgres://app:" + pw.Value + "@db.internal.example.com/portal\r\nNODE_ENV=development\r\n"
	var b bytes.Buffer
	b.Write([]byte{0xff, 0xfe})
	for _, u := range utf16.Encode([]rune(content)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	dir := writeTree(t, map[string]string{"openapi.yaml": securedSpec, ".env.production": b.String()})
	outside := filepath.Join(t.TempDir(), "prod.env")
	if err := os.WriteFile(outside, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, "scan", "--format", "json")
	keys := ruleKeys(t, r.stdout)
	for _, want := range []string{"secret/connection-string-password@.env.production:1", "debug/node-env-development@.env.production:2"} {
		if !contains(keys, want) {
			t.Errorf("no %s in %v", want, keys)
		}
	}
	if r := run(t, dir, "scan", "--env", outside, "--checks", "env", "--format", "json"); r.code == ExitError {
		t.Errorf("a UTF-16 --env file is refused: %s", r.stderr)
	}
	if got := testkit.Leaks(r.stdout+r.stderr, []testkit.Planted{pw}); len(got) > 0 {
		t.Errorf("output shows %v", got)
	}
}

// TestEmptyDiffRangeIsAnError: --diff "${BASE}..HEAD" with BASE unset is
// not an empty range that passes.
func TestEmptyDiffRangeIsAnError(t *testing.T) {
	dir := t.TempDir()
	testkit.InitRepo(t, dir)
	testkit.WriteFiles(t, dir, map[string]string{"openapi.yaml": openSpec})
	testkit.Commit(t, dir, "spec")
	r := run(t, dir, "scan", "--diff", "..HEAD")
	if r.code != ExitError || !strings.Contains(r.stderr, "--diff") || !strings.Contains(r.stderr, "unset variable") {
		t.Errorf("exit %d, want 2 naming the empty side:\n%s", r.code, r.stderr)
	}
}
