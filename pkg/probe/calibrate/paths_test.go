package calibrate

import (
	"regexp"
	"slices"
	"testing"
)

// TestPaths: unknown paths under the prefix and unknown IDs under the
// first collections, the same for the same seed and different for
// another.
func TestPaths(t *testing.T) {
	got := Paths("/api/", []string{"/api/invoices", "/api/projects/", "/api/users", "/api/teams"}, 7)
	shapes := []string{
		`^/api/launchgate-probe-[0-9a-f]{12}$`,
		`^/api/launchgate-probe-[0-9a-f]{12}/launchgate-probe-[0-9a-f]{12}$`,
		`^/api/invoices/launchgate-probe-[0-9a-f]{12}$`,
		`^/api/projects/launchgate-probe-[0-9a-f]{12}$`,
		`^/api/users/launchgate-probe-[0-9a-f]{12}$`,
	}
	if len(got) != len(shapes) {
		t.Fatalf("%d paths, want %d: %v", len(got), len(shapes), got)
	}
	for i, p := range got {
		if !regexp.MustCompile(shapes[i]).MatchString(p) {
			t.Errorf("path %d: %q", i, p)
		}
	}
	if again := Paths("/api/", []string{"/api/invoices", "/api/projects/", "/api/users", "/api/teams"}, 7); !slices.Equal(got, again) {
		t.Error("the same seed gives other paths")
	}
	other := Paths("/api/", []string{"/api/invoices"}, 8)
	if other[0] == got[0] || other[2] == got[2] {
		t.Error("another seed gives the same segments")
	}
	if root := Paths("", nil, 1); len(root) != 2 || root[0][0] != '/' {
		t.Errorf("no prefix: %v", root)
	}
}
