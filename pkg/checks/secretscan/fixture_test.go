package secretscan

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/secrets"
)

// TestFixtures runs the check over each project under testdata/secrets,
// where every noise class the engine quiets sits beside a true variant.
// The fixtures' want comments (or NAME.want files, for formats without
// comments) list the findings at medium or above, the ones that would
// block or ask for a reviewer's time; every other finding must be low or
// info, and say why in its message. A fixture with no quiet finding no
// longer shows what it is for.
func TestFixtures(t *testing.T) {
	base := filepath.Join("..", "..", "..", "testdata", "secrets")
	entries, err := os.ReadDir(base)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := secrets.New(secrets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := New(func() (*secrets.Engine, error) { return eng, nil }, nil)
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		t.Run(e.Name(), func(t *testing.T) {
			tree := checktest.Tree(t, filepath.Join(base, e.Name()))
			want := checktest.Wants(t, tree, checktest.Select{
				Rule:         func(rule string) bool { return strings.HasPrefix(rule, "secret/") },
				SkipComments: func(name string) bool { return strings.HasPrefix(filepath.Base(name), ".env") },
			})
			target := &check.Target{Root: tree.Root(), Tree: tree, Config: config.Default(), Logger: slog.New(slog.DiscardHandler)}
			var got []string
			quiet := 0
			for _, r := range checktest.Reports(t, c, target) {
				if !r.Capped {
					t.Fatalf("%s:%d %s: the check's report does not carry the engine's severity", r.File, r.Line, r.Rule)
				}
				if r.MaxSeverity >= finding.Medium {
					got = append(got, fmt.Sprintf("%s:%d %s", r.File, r.Line, r.Rule))
					continue
				}
				quiet++
				if !strings.Contains(r.Message, "reported at "+r.MaxSeverity.String()) {
					t.Errorf("%s:%d %s is %s, and its message does not say why: %q", r.File, r.Line, r.Rule, r.MaxSeverity, r.Message)
				}
			}
			slices.Sort(got)
			checktest.Compare(t, got, want)
			if quiet == 0 {
				t.Errorf("no finding below medium: the fixture no longer shows a quiet case")
			}
			if len(want) == 0 {
				t.Errorf("no finding expected at medium or above: the fixture no longer shows a true variant")
			}
		})
	}
	if n < 4 {
		t.Fatalf("found %d fixture projects under %s", n, base)
	}
}
