package debug

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
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

// TestDiffReadsChangedFiles holds a diff scan to the files the range
// changed, and the evidence to what it read: a line rule's finding sits in
// the file it read, and the diff filter drops those in unchanged files.
func TestDiffReadsChangedFiles(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	tree := checktest.Tree(t, filepath.Join("..", "..", "..", "testdata", "debug", "vulnerable"))
	tally := &check.Tally{}
	target := &check.Target{Root: tree.Root(), Tree: tree, Tally: tally,
		Diff:    &check.Range{Base: "main", Head: "HEAD"},
		Changed: func(file string) bool { return file == "app.py" },
	}
	var files []string
	if err := c.Run(context.Background(), target, func(r check.Report) { files = append(files, r.File) }); err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	if files = slices.Compact(files); !slices.Equal(files, []string{"app.py"}) {
		t.Errorf("reports in %q, want app.py only", files)
	}
	got := tally.Lines()["config"]
	if len(got) != 1 || !strings.HasPrefix(got[0], "debug switches looked for in 1 source and config file: ") {
		t.Errorf("evidence %q, want 1 file read", got)
	}
}
