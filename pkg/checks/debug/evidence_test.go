package debug

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestEvidence checks what the check says it read for the scorecard's
// config row: the vulnerable fixture's matches counted, none in the fixed
// one.
func TestEvidence(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, want string }{
		{"vulnerable", "debug switches looked for in 17 source and config files: 28 found"},
		{"fixed", "debug switches looked for in 16 source and config files: 0 found"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tree := checktest.Tree(t, filepath.Join("..", "..", "..", "testdata", "debug", tt.name))
			tally := &check.Tally{}
			target := &check.Target{Root: tree.Root(), Tree: tree, Tally: tally}
			if err := c.Run(context.Background(), target, func(check.Report) {}); err != nil {
				t.Fatal(err)
			}
			got := tally.Lines()
			if want := []string{tt.want}; !slices.Equal(got["config"], want) || len(got) != 1 {
				t.Errorf("\n got %q\nwant config: %q", got, want)
			}
		})
	}
}
