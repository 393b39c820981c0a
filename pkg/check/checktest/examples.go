package checktest

import (
	"path"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
)

// ExampleFile is the path an example of r is checked under: the one the
// example names, or else one that r's first files glob matches.
func ExampleFile(r *catalog.Rule, ex catalog.Example) string {
	if ex.File != "" || r.Match == nil || len(r.Match.Files) == 0 {
		return ex.File
	}
	glob := strings.ReplaceAll(r.Match.Files[0], "**/", "")
	return path.Clean(strings.ReplaceAll(glob, "*", "x"))
}

// HoldExample fails the test when reports, what the check said about ex
// checked under file, break the example: one that must match needs at
// least one report of rule, one that must not, none.
func HoldExample(t testing.TB, rule string, ex catalog.Example, file string, reports []check.Report) {
	t.Helper()
	got := 0
	for _, rep := range reports {
		if rep.Rule == rule {
			got++
		}
	}
	switch {
	case ex.Match && got == 0:
		t.Errorf("%s: no report for %s in\n%s", file, rule, ex.Input)
	case !ex.Match && got > 0:
		t.Errorf("%s: %d reports for %s, want none, in\n%s", file, got, rule, ex.Input)
	}
}
