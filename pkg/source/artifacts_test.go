package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWalkArtifactsFolder(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "dist/index.html", []byte("<html>token</html>\n"))
	writeFile(t, root, "dist/static/logo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00binary"))
	// Depth 1 a.zip, 2 b.tar.gz, 3 c.zip: read. 4 e.zip: refused.
	e := zipBytes(t, entry{"f.js", []byte("too deep\n")})
	c := zipBytes(t, entry{"d.js", []byte("depth three\n")}, entry{"e.zip", e})
	b := tarBytes(t, true, entry{"b.txt", []byte("depth two\n")}, entry{"c.zip", c})
	a := zipBytes(t, entry{"a.txt", []byte("depth one\n")}, entry{"b.tar.gz", b})
	writeFile(t, root, "dist/a.zip", a)
	outside := t.TempDir()
	writeFile(t, outside, "secret.txt", []byte("outside\n"))
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(root, "dist", "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(".", filepath.Join(root, "dist", "loop")); err != nil {
		t.Fatal(err)
	}

	res := walk(t, root, []string{"dist"}, ArtifactOptions{})
	want := map[string]string{
		"dist/index.html":                "<html>token</html>\n",
		"dist/a.zip!a.txt":               "depth one\n",
		"dist/a.zip!b.tar.gz!b.txt":      "depth two\n",
		"dist/a.zip!b.tar.gz!c.zip!d.js": "depth three\n",
	}
	for p, w := range want {
		if got, ok := res.blobs[p]; !ok || got != w {
			t.Errorf("blob %s = %q (present %v), want %q", p, got, ok, w)
		}
	}
	if len(res.blobs) != len(want) {
		t.Errorf("got blobs %q, want exactly %d", res.order, len(want))
	}
	if _, ok := res.problemAt("dist/a.zip!b.tar.gz!c.zip!e.zip", "nested more than 3 levels"); !ok {
		t.Errorf("no depth problem for e.zip in %+v", res.problems)
	}
	if len(res.problems) != 1 {
		t.Errorf("problems = %+v, want only the depth one", res.problems)
	}

	deeper := walk(t, root, []string{"dist/a.zip"}, ArtifactOptions{MaxDepth: 4})
	if deeper.blobs["dist/a.zip!b.tar.gz!c.zip!e.zip!f.js"] != "too deep\n" {
		t.Errorf("MaxDepth 4: blobs %q", deeper.order)
	}
}

func TestWalkArtifactsPaths(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "build/app.js", []byte("app\n"))
	abs := filepath.Join(root, "build", "app.js")
	tests := []struct {
		name    string
		path    string
		wantErr string
		want    string
	}{
		{"relative file", "build/app.js", "", "build/app.js"},
		{"absolute inside root", abs, "", "build/app.js"},
		{"the root itself", ".", "", "build/app.js"},
		{"relative outside", "../x", "outside the scan root", ""},
		{"absolute outside", filepath.Dir(root), "outside the scan root", ""},
		{"missing", "build/none.js", "build/none.js", ""},
		{"empty", "", "empty artifact path", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			_, err := WalkArtifacts(context.Background(), root, []string{tc.path}, ArtifactOptions{}, func(b Blob) error {
				got = append(got, b.Path)
				return nil
			})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("blobs = %q, want [%s]", got, tc.want)
			}
		})
	}
}

func TestWalkArtifactsTraversal(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "evil.zip", zipBytes(t,
		entry{"../../etc/cron.d/job", []byte("dot-dot\n")},
		entry{"/abs/x.js", []byte("absolute\n")},
		entry{`C:\win\y.js`, []byte("drive\n")},
		entry{"fine/z.js", []byte("fine\n")},
	))
	res := walk(t, root, []string{"evil.zip"}, ArtifactOptions{})
	tests := []struct {
		name, path, content string
	}{
		{"dot-dot", "evil.zip!etc/cron.d/job", "dot-dot\n"},
		{"absolute", "evil.zip!abs/x.js", "absolute\n"},
		{"drive letter", "evil.zip!win/y.js", "drive\n"},
		{"plain", "evil.zip!fine/z.js", "fine\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := res.blobs[tc.path]; got != tc.content {
				t.Errorf("content under sanitized name %s = %q, want %q", tc.path, got, tc.content)
			}
		})
	}
	// One problem for the archive, counting the three names that climb
	// out, saying their content was scanned and not that it was not.
	if len(res.problems) != 1 {
		t.Fatalf("problems = %+v, want one for the archive", res.problems)
	}
	p := res.problems[0]
	if p.Path != "evil.zip" || p.Kind != "path-traversal" || p.Count != 3 || p.First != "evil.zip!etc/cron.d/job" {
		t.Errorf("problem = %+v, want 3 path-traversal members of evil.zip, first evil.zip!etc/cron.d/job", p)
	}
	for _, want := range []string{"3 members", "zip slip", "scanned"} {
		if !strings.Contains(p.Message, want) {
			t.Errorf("message %q does not say %q", p.Message, want)
		}
	}
	if strings.Contains(p.Message, "not checked") || strings.Contains(p.Message, "not read") {
		t.Errorf("message %q says the scanned members went unchecked", p.Message)
	}
}

func TestWalkArtifactsTarLinks(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "site.tar", tarWithLinks(t))
	res := walk(t, root, []string{"site.tar"}, ArtifactOptions{})
	// Two of the three links lead out: one problem for the archive that
	// counts them and names the first.
	p, ok := res.problemAt("site.tar!www/passwd", "points outside")
	if !ok || p.Count != 2 || !strings.Contains(p.Message, "2 links point outside") {
		t.Errorf("links out of the archive: %+v", res.problems)
	}
	if len(res.problems) != 1 {
		t.Errorf("problems = %+v, want one", res.problems)
	}
	if res.blobs["site.tar!www/index.html"] != "hi\n" {
		t.Errorf("blobs = %q", res.order)
	}
}

func TestWalkArtifactsTruncated(t *testing.T) {
	members := []entry{
		{"first.js", []byte("const first = 1\n")},
		{"second.js", []byte("const second = 2\n")},
		{"third.js", noisyText(300 << 10)},
	}
	tests := []struct {
		name, file string
		data       []byte
		problem    string
	}{
		{"tar.gz", "site.tar.gz", tarBytes(t, true, members...), "damaged or truncated archive"},
		{"zip", "site.zip", zipBytes(t, members...), "damaged zip archive"},
		{"tar", "site.tar", tarBytes(t, false, members...), "damaged or truncated archive"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			writeFile(t, root, tc.file, tc.data[:len(tc.data)*2/3])
			res := walk(t, root, []string{tc.file}, ArtifactOptions{})
			for _, m := range members[:2] {
				if got := res.blobs[tc.file+"!"+m.name]; got != string(m.data) {
					t.Errorf("%s before the damage = %q, want %q", m.name, got, m.data)
				}
			}
			if _, ok := res.problemAt(tc.file, tc.problem); !ok {
				t.Errorf("no %q problem naming %s: %+v", tc.problem, tc.file, res.problems)
			}
		})
	}
}

func TestWalkArtifactsCorruptMember(t *testing.T) {
	data := zipBytes(t, entry{"a.js", []byte(strings.Repeat("alpha ", 1000))}, entry{"b.js", []byte("bravo\n")})
	// Flip bytes inside a.js's compressed data; the central directory
	// stays intact, so b.js is still read.
	data[60] ^= 0xff
	data[61] ^= 0xff
	root := t.TempDir()
	writeFile(t, root, "x.zip", data)
	res := walk(t, root, []string{"x.zip"}, ArtifactOptions{})
	if res.blobs["x.zip!b.js"] != "bravo\n" {
		t.Errorf("b.js after a corrupt member: blobs %q", res.order)
	}
	if _, ok := res.problemAt("x.zip!a.js", "corrupt"); !ok {
		t.Errorf("no problem for the corrupt member: %+v", res.problems)
	}
}

func TestWalkArtifactsBundleWhole(t *testing.T) {
	// Noise rather than a repeated statement, so the archive is as large
	// as real minified code makes it (about 3.5:1) and a cut-off read
	// would show.
	line := noisyText(5 << 20)
	for i, c := range line {
		if c == '\n' {
			line[i] = ';'
		}
	}
	bundle := "!function(){" + string(line) + "}();"
	root := t.TempDir()
	writeFile(t, root, "dist/main.js", []byte(bundle))
	writeFile(t, root, "dist.zip", zipBytes(t, entry{"main.js", []byte(bundle)}))
	res := walk(t, root, []string{"dist", "dist.zip"}, ArtifactOptions{})
	for _, p := range []string{"dist/main.js", "dist.zip!main.js"} {
		if got := res.blobs[p]; got != bundle {
			t.Errorf("%s: %d bytes, want the whole %d-byte line", p, len(got), len(bundle))
		}
	}
}

func TestWalkArtifactsLimits(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "many.zip", zipBytes(t, entry{"1.txt", []byte("1")}, entry{"2.txt", []byte("2")}, entry{"3.txt", []byte("3")}))
	writeFile(t, root, "large.txt", noisyText(5000))
	res := walk(t, root, []string{"many.zip", "large.txt"}, ArtifactOptions{MaxEntries: 2, MaxEntryBytes: 4096})
	if len(res.blobs) != 2 || res.blobs["many.zip!3.txt"] != "" {
		t.Errorf("MaxEntries 2: blobs %q", res.order)
	}
	if _, ok := res.problemAt("many.zip", "only the first 2"); !ok {
		t.Errorf("no entries problem: %+v", res.problems)
	}
	if _, ok := res.problemAt("large.txt", "larger than 4 KiB"); !ok {
		t.Errorf("no size problem: %+v", res.problems)
	}
}

func TestWalkArtifactsStops(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "d/a.js", []byte("a"))
	writeFile(t, root, "d/b.js", []byte("b"))
	writeFile(t, root, "d/c.zip", zipBytes(t, entry{"x.js", []byte("x")}))
	sentinel := errors.New("stop here")
	for _, stopAt := range []string{"d/a.js", "d/c.zip!x.js"} {
		t.Run(stopAt, func(t *testing.T) {
			calls := 0
			_, err := WalkArtifacts(context.Background(), root, []string{"d"}, ArtifactOptions{}, func(b Blob) error {
				calls++
				if b.Path == stopAt {
					return sentinel
				}
				return nil
			})
			if err != sentinel {
				t.Fatalf("err = %v, want fn's error as is", err)
			}
			if stopAt == "d/a.js" && calls != 1 {
				t.Errorf("fn called %d times after stopping", calls)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := WalkArtifacts(ctx, root, []string{"d"}, ArtifactOptions{}, func(Blob) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err = %v", err)
	}
}

// noisyText is n bytes of printable text that compresses poorly, so a cut
// at a fraction of an archive lands inside it.
func noisyText(n int) []byte {
	out := make([]byte, n)
	x := uint32(2463534242)
	for i := range out {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		out[i] = byte('!' + x%90)
		if i%80 == 79 {
			out[i] = '\n'
		}
	}
	return out
}
