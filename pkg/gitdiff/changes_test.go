package gitdiff

import (
	"strings"
	"testing"
)

func TestChangesTouched(t *testing.T) {
	// Head lines 3-4 replace an old line; lines are removed before head
	// line 10 and at the very end (after head line 20).
	const diff = `diff --git a/a.yaml b/a.yaml
--- a/a.yaml
+++ b/a.yaml
@@ -3 +3,2 @@
-old
+new
+new
@@ -11,2 +9,0 @@
-gone
-gone
@@ -23,1 +20,0 @@
-tail
`
	c, err := ParseChanges(strings.NewReader(diff))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		from, to int
		want     bool
	}{
		{"block holding added lines", 1, 3, true},
		{"block around a removal", 8, 12, true},
		{"block starting right after a removal", 10, 12, false},
		{"block ending right before a removal", 6, 9, false},
		{"untouched block", 5, 8, false},
		{"block reaching the end where lines were removed", 18, 21, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Touched("a.yaml", tt.from, tt.to); got != tt.want {
				t.Errorf("Touched(%d, %d) = %v, want %v (removed at %v)", tt.from, tt.to, got, tt.want, c.Removed["a.yaml"])
			}
		})
	}
	if got := c.Rebase("sub").Touched("a.yaml", 8, 12); got {
		t.Error("a file outside the rebased folder should be dropped")
	}
}

func TestChangesRemovalPoints(t *testing.T) {
	const diff = `diff --git a/api/x.yaml b/api/x.yaml
--- a/api/x.yaml
+++ b/api/x.yaml
@@ -15,2 +14,0 @@ paths:
-      security:
-        - bearer: []
@@ -30 +28 @@
-a
+b
`
	c, err := ParseChanges(strings.NewReader(diff))
	if err != nil {
		t.Fatal(err)
	}
	got := c.Removed["api/x.yaml"]
	// The pure removal sits before head line 15; the replacement's removed
	// line sits before its added line 28.
	if len(got) != 2 || got[0] != 15 || got[1] != 28 {
		t.Errorf("removal points = %v, want [15 28]", got)
	}
	if !c.Rebase("api/").Touched("x.yaml", 14, 17) {
		t.Error("an operation block at 14-17 that lost its security lines should count as changed")
	}
}

// TestChangesChanged holds Changed to the files Touched can be true for:
// added lines, a binary change, or removals alone.
func TestChangesChanged(t *testing.T) {
	const diff = `diff --git a/added.go b/added.go
--- a/added.go
+++ b/added.go
@@ -3,0 +4 @@
+new
diff --git a/removed.go b/removed.go
--- a/removed.go
+++ b/removed.go
@@ -5,2 +4,0 @@
-gone
-gone
diff --git a/logo.png b/logo.png
Binary files a/logo.png and b/logo.png differ
`
	c, err := ParseChanges(strings.NewReader(diff))
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]bool{"added.go": true, "removed.go": true, "logo.png": true, "other.go": false} {
		if got := c.Changed(file); got != want {
			t.Errorf("Changed(%s) = %v, want %v", file, got, want)
		}
	}
	if !c.Touched("removed.go", 3, 5) {
		t.Error("a block around the removal in removed.go should be touched")
	}
}
