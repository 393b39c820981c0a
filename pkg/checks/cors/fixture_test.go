package cors

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/config"
)

// wantComment is an expectation at the end of the line it is about:
// `# want "cors/x"` or `// want "cors/x" "transport/y"`.
var wantComment = regexp.MustCompile(`(?:#|//|;)\s*want((?:\s+"[^"]+")+)\s*(?:\*/|-->)?\s*$`)

var wantRule = regexp.MustCompile(`"([^"]+)"`)

// TestFixtures runs the check over every portal of testdata/prodconfig,
// with the portal's .launchgate.yml, and compares its findings, as
// "file:line rule", with what the portal's files expect of this check's
// rules: want comments, or a sibling NAME.want file of "LINE RULE" lines.
// Expectations of other checks' rules are left to them.
func TestFixtures(t *testing.T) {
	c, err := New(loadCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Join("..", "..", "..", "testdata", "prodconfig")
	fws, err := os.ReadDir(base)
	if err != nil {
		t.Fatal(err)
	}
	portals := 0
	for _, fw := range fws {
		for _, twin := range []string{"vulnerable", "fixed"} {
			root := filepath.Join(base, fw.Name(), twin)
			if _, err := os.Stat(root); err != nil {
				continue
			}
			portals++
			t.Run(fw.Name()+"/"+twin, func(t *testing.T) {
				want := portalWants(t, root, c.Rules)
				if twin == "fixed" && len(want) > 0 {
					t.Fatalf("the fixed twin expects findings: %v", want)
				}
				if twin == "vulnerable" && len(want) < 3 {
					t.Fatalf("the vulnerable twin expects only %d findings of this check", len(want))
				}
				cfg, err := config.LoadDefault(root)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, r := range runDir(t, c, root, cfg) {
					got = append(got, fmt.Sprintf("%s:%d %s", r.File, r.Line, r.Rule))
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
	if portals < 14 {
		t.Errorf("found %d fixture portals, want the vulnerable and fixed twins of 7 frameworks", portals)
	}
}

// portalWants collects the expectations for rules of every file under
// root, sorted.
func portalWants(t *testing.T, root string, rules []string) []string {
	t.Helper()
	var want []string
	add := func(file string, line int, rule string) {
		if slices.Contains(rules, rule) {
			want = append(want, fmt.Sprintf("%s:%d %s", file, line, rule))
		}
	}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
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
			m := wantComment.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			for _, r := range wantRule.FindAllStringSubmatch(m[1], -1) {
				add(name, n, r[1])
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(want)
	return want
}
