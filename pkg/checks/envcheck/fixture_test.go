package envcheck

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/source"
)

// wantComment is an expectation at the end of the line it is about:
// `# want "env/x"` or `// want "env/x" "cors/y"`.
var wantComment = regexp.MustCompile(`(?:#|//|;)\s*want((?:\s+"[^"]+")+)\s*$`)

var wantRule = regexp.MustCompile(`"([^"]+)"`)

// TestFixtures runs the check over the shared fixture portals in
// testdata/prodconfig and compares its findings, as "file:line rule", with
// what the fixtures expect of the env check's rules: want comments, or a
// sibling NAME.want file of "LINE RULE" lines. Other checks' expectations
// are left to them.
func TestFixtures(t *testing.T) {
	base := filepath.Join("..", "..", "..", "testdata", "prodconfig")
	frameworks := []string{"nextjs", "express", "flask", "django", "laravel", "rails", "go"}
	total := 0
	for _, fw := range frameworks {
		for _, twin := range []string{"vulnerable", "fixed"} {
			t.Run(fw+"/"+twin, func(t *testing.T) {
				root := filepath.Join(base, fw, twin)
				tree, err := source.ListTree(context.Background(), root, source.TreeOptions{})
				if err != nil {
					t.Fatal(err)
				}
				want := fixtureWants(t, tree)
				if twin == "fixed" && len(want) > 0 {
					t.Fatalf("the fixed twin expects env findings: %v", want)
				}
				if twin == "vulnerable" && len(want) < 3 {
					t.Fatalf("the vulnerable twin expects only %d env findings", len(want))
				}
				total += len(want)
				cfg := config.Default()
				if p := filepath.Join(root, ".launchgate.yml"); fileExists(p) {
					if cfg, err = config.Load(p); err != nil {
						t.Fatal(err)
					}
				}
				target := &check.Target{Root: tree.Root(), Tree: tree, Config: cfg}
				c := New()
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
	// Every rule that can fire on a checkout alone is shown somewhere.
	t.Run("coverage", func(t *testing.T) {
		seen := map[string]bool{}
		for _, fw := range frameworks {
			tree, err := source.ListTree(context.Background(), filepath.Join(base, fw, "vulnerable"), source.TreeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range fixtureWants(t, tree) {
				_, rule, _ := strings.Cut(w, " ")
				seen[rule] = true
			}
		}
		for _, r := range Rules {
			if r != ruleDevMode && !seen[r] {
				t.Errorf("no fixture portal expects %s", r)
			}
		}
	})
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// fixtureWants collects the env check's expectations of every file in
// tree, sorted.
func fixtureWants(t *testing.T, tree *source.Tree) []string {
	t.Helper()
	var want []string
	add := func(file string, line int, rule string) {
		if slices.Contains(Rules, rule) {
			want = append(want, fmt.Sprintf("%s:%d %s", file, line, rule))
		}
	}
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
				add(target, ln, strings.TrimSpace(rule))
				continue
			}
			if kindOf(name) != notEnv {
				// A "#" in an env file's value line is part of what some
				// loaders read; env files keep expectations in .want files.
				continue
			}
			m := wantComment.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			for _, r := range wantRule.FindAllStringSubmatch(m[1], -1) {
				add(name, n, r[1])
			}
		}
	}
	slices.Sort(want)
	return want
}
