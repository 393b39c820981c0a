package source

import (
	"context"
	"testing"
)

// TestFromGit says which way the tree was listed: git in a work tree, a
// walk elsewhere.
func TestFromGit(t *testing.T) {
	walked := t.TempDir()
	writeFile(t, walked, "a.txt", []byte("a"))
	gitRoot := t.TempDir()
	writeFile(t, gitRoot, "a.txt", []byte("a"))
	git(t, gitRoot, "init", "-q")
	for _, tc := range []struct {
		name string
		root string
		want bool
	}{
		{"plain folder", walked, false},
		{"git work tree", gitRoot, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tree, err := ListTree(context.Background(), tc.root, TreeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := tree.FromGit(); got != tc.want {
				t.Errorf("FromGit() = %v, want %v", got, tc.want)
			}
		})
	}
}
