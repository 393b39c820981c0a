package source

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// TestListTreeUnreadable lists a checkout holding a file of mode 000 and
// a folder of mode 000, with git and by walking: both are reported as
// Unreadable, naming them, and left out of Files, instead of vanishing.
func TestListTreeUnreadable(t *testing.T) {
	if !testkit.RunAsNobody(t) {
		return
	}
	for _, mode := range []string{"folder", "git"} {
		t.Run(mode, func(t *testing.T) {
			root := t.TempDir()
			writeFile(t, root, "src/app.js", []byte("const a = 1\n"))
			writeFile(t, root, "private/tracked.txt", []byte("tracked\n"))
			if mode == "git" {
				git(t, root, "init", "-q")
				git(t, root, "add", "private/tracked.txt")
			}
			unreadableFile(t, root, "config/prod.env", []byte("API_KEY=x\n"))
			unreadableFolder(t, root, "private")
			tree, err := ListTree(context.Background(), root, TreeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if want := []string{"src/app.js"}; !slices.Equal(tree.Files(), want) {
				t.Errorf("Files() = %q, want %q", tree.Files(), want)
			}
			want := []Unreadable{
				{Path: "config/prod.env", Reason: "permission denied"},
				{Path: "private", Folder: true, Reason: "permission denied"},
			}
			if got := tree.Unreadable(); !slices.Equal(got, want) {
				t.Errorf("Unreadable() = %+v\nwant %+v", got, want)
			}
			for _, n := range tree.Notes() {
				if strings.Contains(n, "prod.env") || strings.Contains(n, "private") {
					t.Errorf("an unreadable entry is only a note: %q", n)
				}
			}
		})
	}
}

// TestWalkArtifactsUnreadable walks build output holding a file and a
// folder of mode 000: each is a Problem naming it, the rest is read. An
// artifact the caller named that cannot be opened at all is an error.
func TestWalkArtifactsUnreadable(t *testing.T) {
	if !testkit.RunAsNobody(t) {
		return
	}
	root := t.TempDir()
	writeFile(t, root, "dist/app.js", []byte("app\n"))
	unreadableFile(t, root, "dist/config.js", []byte("window.KEY='x'\n"))
	unreadableFolder(t, root, "dist/assets")
	unreadableFile(t, root, "release/site.zip", zipBytes(t, entry{"a.js", []byte("a\n")}))
	res := walk(t, root, []string{"dist"}, ArtifactOptions{})
	if res.blobs["dist/app.js"] != "app\n" || len(res.blobs) != 1 {
		t.Errorf("blobs = %q, want dist/app.js", res.order)
	}
	for _, p := range []struct{ path, message string }{
		{"dist/config.js", "dist/config.js: could not be read (permission denied); it was not checked"},
		{"dist/assets", "dist/assets: folder could not be read (permission denied); the files in it were not checked"},
	} {
		got, ok := res.problemAt(p.path, "")
		if !ok || got.Message != p.message || got.Kind != "unreadable" {
			t.Errorf("problem for %s = %+v, want message %q (all: %+v)", p.path, got, p.message, res.problems)
		}
	}
	for _, named := range []string{"release/site.zip", "dist/assets"} {
		_, err := WalkArtifacts(context.Background(), root, []string{named}, ArtifactOptions{}, func(Blob) error { return nil })
		if err == nil || !strings.Contains(err.Error(), named) || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("naming %s: err = %v, want one naming it", named, err)
		}
	}
}
