package cli

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zipOf builds a zip archive of name → content, in order.
func zipOf(t *testing.T, files ...[2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, f := range files {
		fw, err := w.Create(f[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write([]byte(f[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestBadArtifactsAreFindings(t *testing.T) {
	secrets := plant(t)
	aws := secrets[1].Value
	dir := t.TempDir()
	write := func(name string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A deploy zip with a path-traversal entry and a key inside.
	write("build/site.zip", zipOf(t,
		[2]string{"index.html", "<html></html>"},
		[2]string{"../../etc/cron.d/x", "* * * * * root true"},
		[2]string{"static/env.js", "window.AWS_KEY=\"" + aws + "\";"},
	))
	// A tar.gz cut short in transfer.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(bytes.Repeat([]byte("console.log('x');\n"), 5000))
	zw.Close()
	write("build/bundle.tar.gz", gz.Bytes()[:gz.Len()/2])
	// Binary and non-UTF-8 files, and a symlink loop.
	write("build/logo.png", append([]byte("\x89PNG\r\n\x1a\n\x00\x00"), bytes.Repeat([]byte{0, 1, 2, 0xff}, 1000)...))
	write("src/latin1.txt", []byte("caf\xe9 cr\xe8me\n"))
	if err := os.Symlink(dir, filepath.Join(dir, "src", "loop")); err != nil {
		t.Fatal(err)
	}

	r := run(t, dir, "scan", "--artifacts", "build", "--format", "json")
	if r.code != ExitBlocking {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	keys := ruleKeys(t, r.stdout)
	found := func(prefix, suffix string) bool {
		for _, k := range keys {
			if strings.HasPrefix(k, prefix) && strings.Contains(k, suffix) {
				return true
			}
		}
		return false
	}
	if !found("secret/aws", "@build/site.zip!static/env.js:1") {
		t.Errorf("the key inside the zip is not reported: %v", keys)
	}
	if !found("secret/unreadable-artifact", "@build/site.zip") {
		t.Errorf("the ../ entry is not reported: %v", keys)
	}
	if !found("secret/unreadable-artifact", "@build/bundle.tar.gz") {
		t.Errorf("the truncated archive is not reported: %v", keys)
	}
	if got := leaks(secrets, r.stdout+r.stderr); len(got) > 0 {
		t.Errorf("output shows %v", got)
	}
}
