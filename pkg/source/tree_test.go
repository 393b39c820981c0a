package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// treeFixture writes the same hostile checkout for the git and the plain
// folder cases and returns the files each must list.
func treeFixture(t *testing.T, root string) {
	t.Helper()
	writeFile(t, root, ".gitignore", []byte("# build output\n/dist/\n*.log\n.env\n!keep.log\n"))
	writeFile(t, root, "src/app.js", []byte("const a = 1\n"))
	writeFile(t, root, "src/latin1.txt", []byte("caf\xe9 cr\xe8me\n"))
	writeFile(t, root, "src/logo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"))
	writeFile(t, root, "dist/bundle.js", []byte("ignored build output\n"))
	writeFile(t, root, "debug.log", []byte("ignored log\n"))
	writeFile(t, root, "keep.log", []byte("re-included log\n"))
	writeFile(t, root, ".env", []byte("IGNORED=1\n"))
	writeFile(t, root, "node_modules/pkg/index.js", []byte("dependency\n"))
	writeFile(t, root, "web/node_modules/pkg/index.js", []byte("nested dependency\n"))
	writeFile(t, root, "vendor/lib/lib.go", []byte("package lib\n"))
	writeFile(t, root, "fixtures/secret.txt", []byte("excluded\n"))
	writeFile(t, root, "big.bin", make([]byte, 2048))
	for _, link := range []struct{ target, name string }{
		{"loop", "loop"},                  // points at itself
		{".", "src/self"},                 // a folder loop
		{"/etc", "outside"},               // leaves the root
		{"../src/app.js", "src/alias.js"}, // inside, still not followed
	} {
		if err := os.Symlink(link.target, filepath.Join(root, filepath.FromSlash(link.name))); err != nil {
			t.Fatal(err)
		}
	}
}

var treeOpts = TreeOptions{Exclude: []string{"fixtures"}, MaxFileBytes: 1024}

// wantTree is what both modes list for treeFixture.
var wantTree = []string{".gitignore", "keep.log", "src/app.js", "src/latin1.txt", "src/logo.png"}

func TestListTreeGit(t *testing.T) {
	root := t.TempDir()
	treeFixture(t, root)
	git(t, root, "init", "-q")
	git(t, root, "add", "src/app.js", ".gitignore", "vendor/lib/lib.go")
	// Tracked then deleted from the work tree: not listed.
	writeFile(t, root, "gone.txt", []byte("x"))
	git(t, root, "add", "gone.txt")
	if err := os.Remove(filepath.Join(root, "gone.txt")); err != nil {
		t.Fatal(err)
	}
	tree, err := ListTree(context.Background(), root, treeOpts)
	if err != nil {
		t.Fatal(err)
	}
	if got := tree.Files(); !slices.Equal(got, wantTree) {
		t.Errorf("Files() = %q\nwant      %q", got, wantTree)
	}
	checkNotes(t, tree.Notes(), []string{
		"skipped 1 file over 1 KiB: big.bin",
		"symlinks (never followed)",
		// Untracked dependency folders are pruned inside git unseen; a
		// tracked one is filtered and noted.
		"skipped 1 dependency folder (vendor and node_modules are not read unless asked): vendor",
	})
}

func TestListTreeFolder(t *testing.T) {
	root := t.TempDir()
	treeFixture(t, root)
	tree, err := ListTree(context.Background(), root, treeOpts)
	if err != nil {
		t.Fatal(err)
	}
	if got := tree.Files(); !slices.Equal(got, wantTree) {
		t.Errorf("Files() = %q\nwant      %q", got, wantTree)
	}
	checkNotes(t, tree.Notes(), []string{
		"skipped 1 file over 1 KiB: big.bin",
		"skipped 4 symlinks",
		"skipped 3 dependency folders (vendor and node_modules are not read unless asked): node_modules, vendor, web/node_modules",
	})
	for _, n := range tree.Notes() {
		if strings.Contains(n, "git") && !strings.Contains(n, ".gitignore") {
			t.Errorf("a plain folder is not a git failure: %q", n)
		}
	}
}

func TestListTreeIncludeVendor(t *testing.T) {
	for _, mode := range []string{"git", "folder"} {
		t.Run(mode, func(t *testing.T) {
			root := t.TempDir()
			treeFixture(t, root)
			if mode == "git" {
				git(t, root, "init", "-q")
			}
			opts := treeOpts
			opts.IncludeVendor = true
			tree, err := ListTree(context.Background(), root, opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"node_modules/pkg/index.js", "web/node_modules/pkg/index.js", "vendor/lib/lib.go"} {
				if !slices.Contains(tree.Files(), want) {
					t.Errorf("IncludeVendor: %s missing from %q", want, tree.Files())
				}
			}
		})
	}
}

func TestListTreeExcludeGlobs(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"a.min.js", "web/b.min.js", "web/c.js", "test/fixtures/d.txt", "e.txt"} {
		writeFile(t, root, f, []byte("x\n"))
	}
	tree, err := ListTree(context.Background(), root, TreeOptions{Exclude: []string{"**/*.min.js", "test/**"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"e.txt", "web/c.js"}; !slices.Equal(tree.Files(), want) {
		t.Errorf("Files() = %q, want %q", tree.Files(), want)
	}
	if _, err := ListTree(context.Background(), root, TreeOptions{Exclude: []string{"[a-"}}); err == nil || !strings.Contains(err.Error(), `"[a-"`) {
		t.Errorf("malformed pattern: err = %v, want one naming it", err)
	}
}

func TestTreeRead(t *testing.T) {
	outside := t.TempDir()
	writeFile(t, outside, "secret.txt", []byte("outside the root"))
	root := t.TempDir()
	writeFile(t, root, "ok.txt", []byte("hello"))
	writeFile(t, root, "big.txt", make([]byte, 100))
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(root, "escape.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "escdir")); err != nil {
		t.Fatal(err)
	}
	tree, err := ListTree(context.Background(), root, TreeOptions{MaxFileBytes: 50})
	if err != nil {
		t.Fatal(err)
	}
	data, err := tree.Read("ok.txt")
	if err != nil || string(data) != "hello" {
		t.Fatalf("Read(ok.txt) = %q, %v", data, err)
	}
	if _, err := tree.Read("big.txt"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Read(big.txt) err = %v, want ErrTooLarge", err)
	}
	for _, name := range []string{"../" + filepath.Base(outside) + "/secret.txt", "/etc/passwd", "escape.txt", "escdir/secret.txt", "", ".", `a\..\..\x`} {
		if data, err := tree.Read(name); err == nil {
			t.Errorf("Read(%q) = %q, want an error", name, data)
		}
	}
}

func TestListTreeNotAFolder(t *testing.T) {
	f := filepath.Join(t.TempDir(), "file")
	writeFile(t, filepath.Dir(f), "file", []byte("x"))
	if _, err := ListTree(context.Background(), f, TreeOptions{}); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("err = %v", err)
	}
	if _, err := ListTree(context.Background(), filepath.Join(f, "missing"), TreeOptions{}); err == nil {
		t.Error("missing root: no error")
	}
}

func TestNotesBounded(t *testing.T) {
	root := t.TempDir()
	for i := range 50 {
		writeFile(t, root, strings.Repeat("n", 200)+string(rune('a'+i%26))+string(rune('a'+i/26))+".bin", make([]byte, 20))
	}
	tree, err := ListTree(context.Background(), root, TreeOptions{MaxFileBytes: 10})
	if err != nil {
		t.Fatal(err)
	}
	notes := tree.Notes()
	if len(notes) != 1 || !strings.Contains(notes[0], "skipped 50 files") || !strings.Contains(notes[0], "and 45 more") {
		t.Fatalf("notes = %q", notes)
	}
	if len(notes[0]) > 1000 {
		t.Errorf("note is %d bytes long", len(notes[0]))
	}
}

func checkNotes(t *testing.T, notes, want []string) {
	t.Helper()
	for _, w := range want {
		found := false
		for _, n := range notes {
			found = found || strings.Contains(n, w)
		}
		if !found {
			t.Errorf("no note contains %q in %q", w, notes)
		}
	}
}
