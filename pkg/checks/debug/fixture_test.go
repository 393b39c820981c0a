package debug

import (
	"bufio"
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/source"
)

// wantComment is an expectation at the end of the line it is about:
// `# want "debug/x"`, `// want "debug/x" "debug/y"` or `; want "debug/x"`.
var wantComment = regexp.MustCompile(`(?:#|//|;)\s*want((?:\s+"[^"]+")+)\s*$`)

var wantRule = regexp.MustCompile(`"([^"]+)"`)

// TestFixtures runs the check over the fixture repositories and compares
// its findings, as "file:line rule", with what the fixtures say they
// expect: want comments, or for formats without comments a sibling
// NAME.want file of "LINE RULE" lines.
func TestFixtures(t *testing.T) {
	c, err := New(loadCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"vulnerable", "fixed"} {
		t.Run(name, func(t *testing.T) {
			root := filepath.Join("..", "..", "..", "testdata", "debug", name)
			tree, err := source.ListTree(context.Background(), root, source.TreeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want := fixtureWants(t, tree)
			if name == "fixed" && len(want) > 0 {
				t.Fatalf("the fixed fixture expects findings: %v", want)
			}
			if name == "vulnerable" && len(want) < 15 {
				t.Fatalf("the vulnerable fixture expects only %d findings", len(want))
			}
			target := &check.Target{Root: tree.Root(), Tree: tree}
			if !c.Applies(target) {
				t.Fatal("the check does not apply to a target with a tree")
			}
			var got []string
			err = c.Run(context.Background(), target, func(r check.Report) {
				got = append(got, fmt.Sprintf("%s:%d %s", r.File, r.Line, r.Rule))
			})
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(got)
			for _, g := range got {
				if !slices.Contains(want, g) {
					t.Errorf("unexpected finding %s", g)
				}
			}
			for _, w := range want {
				if !slices.Contains(got, w) {
					t.Errorf("missing finding %s", w)
				}
			}
		})
	}
}

// fixtureWants collects the expectations of every file in tree, sorted.
func fixtureWants(t *testing.T, tree *source.Tree) []string {
	t.Helper()
	var want []string
	for _, name := range tree.Files() {
		data, err := tree.Read(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(strings.NewReader(string(data)))
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			if target, ok := strings.CutSuffix(name, ".want"); ok {
				line = strings.TrimSpace(line)
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				num, rule, ok := strings.Cut(line, " ")
				ln, err := strconv.Atoi(num)
				if !ok || err != nil {
					t.Fatalf("%s:%d: want LINE RULE, got %q", name, n, line)
				}
				want = append(want, fmt.Sprintf("%s:%d %s", target, ln, strings.TrimSpace(rule)))
				continue
			}
			m := wantComment.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			for _, r := range wantRule.FindAllStringSubmatch(m[1], -1) {
				want = append(want, fmt.Sprintf("%s:%d %s", name, n, r[1]))
			}
		}
	}
	slices.Sort(want)
	return want
}
