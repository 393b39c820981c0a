package manifests

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
// `# want "env/x"`, `// want "env/x" "cors/y"` or `; want "env/x"`.
var wantComment = regexp.MustCompile(`(?:#|//|;)\s*want((?:\s+"[^"]+")+)\s*$`)

var wantRule = regexp.MustCompile(`"([^"]+)"`)

// frameworks are the fixture portals under testdata/prodconfig.
var frameworks = []string{"nextjs", "express", "flask", "django", "laravel", "rails", "go"}

// TestFixtures runs the check over every fixture portal and compares its
// findings, as "file:line rule", with what the fixtures expect of this
// check's rules: want comments, or for formats without comments a sibling
// NAME.want file of "LINE RULE" lines. Expectations of other checks' rules
// are left to their tests.
func TestFixtures(t *testing.T) {
	c, err := New(loadCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, fw := range frameworks {
		for _, variant := range []string{"vulnerable", "fixed"} {
			t.Run(fw+"/"+variant, func(t *testing.T) {
				root := filepath.Join("..", "..", "..", "testdata", "prodconfig", fw, variant)
				tree, err := source.ListTree(context.Background(), root, source.TreeOptions{})
				if err != nil {
					t.Fatal(err)
				}
				var want []string
				for _, w := range fixtureWants(t, tree) {
					if slices.Contains(c.Rules, w[strings.LastIndexByte(w, ' ')+1:]) {
						want = append(want, w)
					}
				}
				if variant == "fixed" && len(want) > 0 {
					t.Fatalf("the fixed twin expects findings: %v", want)
				}
				total += len(want)
				var got []string
				err = c.Run(context.Background(), &check.Target{Root: tree.Root(), Tree: tree}, func(r check.Report) {
					got = append(got, fmt.Sprintf("%s:%d %s", r.File, r.Line, r.Rule))
				})
				if err != nil {
					t.Fatal(err)
				}
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
	if total < 20 {
		t.Errorf("the vulnerable twins expect only %d findings of the manifests rules", total)
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
