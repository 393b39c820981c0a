package debug

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestSigningFixtures runs the check over testdata/signing: the apps under
// fires write signing keys as weak literals, each line marked with the
// rule it must raise (and "# medium" where a condition caps it); their
// twins under quiet read the keys from the environment or config, commit
// long generated keys (the secret rules' to report), or keep weak ones in
// tests, development settings, examples, comments and docs, and must stay
// quiet.
func TestSigningFixtures(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"fires", "quiet"} {
		t.Run(name, func(t *testing.T) {
			root := filepath.Join("..", "..", "..", "testdata", "signing", name)
			tree := checktest.Tree(t, root)
			want := checktest.Wants(t, tree, checktest.Select{})
			if name == "quiet" && len(want) > 0 {
				t.Fatalf("the quiet fixture expects findings: %v", want)
			}
			if name == "fires" && len(want) < 20 {
				t.Fatalf("the fires fixture expects only %d findings", len(want))
			}
			target := &check.Target{Root: tree.Root(), Tree: tree}
			checktest.Compare(t, checktest.Findings(t, c, target), want)
			reports := checktest.Reports(t, c, target)
			checktest.CapMarks(t, root, reports, "set only under")
			holdLiteralsBack(t, root, reports)
		})
	}
}

// holdLiteralsBack fails when a signing-secret report's message or key
// carries the literal its rule judged: the literal is the secret. It finds
// the literals as the rule does, in the window of lines that ends on the
// report's line, and the failure names the rule and line, never the
// literal.
func holdLiteralsBack(t *testing.T, root string, reports []check.Report) {
	t.Helper()
	rules := map[string]*lineRule{}
	for _, r := range loadRules(t) {
		rules[r.id] = r
	}
	for _, r := range reports {
		lr := rules[r.Rule]
		if lr == nil || lr.judge == nil {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, r.File))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		window := []byte(strings.Join(lines[max(0, r.Line-lr.window):r.Line], "\n"))
		last := len(window) - len(lines[r.Line-1]) // where the report's line starts
		// The key is the rule, the file and the matched text.
		_, rest, _ := strings.Cut(r.Key, "\x00")
		_, quoted, _ := strings.Cut(rest, "\x00")
		found := 0
		for _, loc := range lr.pattern.FindAllSubmatchIndex(window, -1) {
			start, end := loc[2*lr.valueGroup], loc[2*lr.valueGroup+1]
			if start < last || end == start {
				continue
			}
			found++
			lit := string(window[start:end])
			if strings.Contains(r.Message, lit) || strings.Contains(quoted, lit) {
				t.Errorf("%s:%d %s quotes the literal it judged", r.File, r.Line, r.Rule)
			}
		}
		if found == 0 {
			t.Errorf("%s:%d %s: no literal found to hold back", r.File, r.Line, r.Rule)
		}
	}
}
