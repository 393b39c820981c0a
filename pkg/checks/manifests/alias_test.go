package manifests

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestAliasesAreOneFinding scans a Compose file whose anchors are reached
// through many aliases, nested merges and shared lists: each line with a
// problem is one finding per rule, with one fingerprint, however many
// services reach it.
func TestAliasesAreOneFinding(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	tree := checktest.Tree(t, filepath.Join("testdata", "aliases"))
	want := checktest.Wants(t, tree, checktest.Select{Rule: checktest.Only(c.Rules)})
	slices.Sort(want)
	reports := checktest.Reports(t, c, &check.Target{Root: tree.Root(), Tree: tree})
	var got []string
	keys := map[string]string{}
	for _, r := range reports {
		at := fmt.Sprintf("%s:%d %s", r.File, r.Line, r.Rule)
		got = append(got, at)
		if other, ok := keys[r.Key]; ok {
			t.Errorf("%s and %s share a fingerprint key", at, other)
		}
		keys[r.Key] = at
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
