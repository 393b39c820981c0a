package envcheck

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/finding"
)

// TestExposureFixtures holds the check to testdata/prodconfig/exposure:
// the findings its files expect; low, saying why, for the Compose files
// that run on a developer's machine only and for a production env file
// that overrides a few keys of its example; the rule's own severity for
// the rest.
func TestExposureFixtures(t *testing.T) {
	tree := checktest.Tree(t, filepath.Join("..", "..", "..", "testdata", "prodconfig", "exposure"))
	target := &check.Target{Root: tree.Root(), Tree: tree}
	checktest.Compare(t, checktest.Findings(t, New(), target), fixtureWants(t, tree))
	low := map[string]string{
		"loopback": "developer's machine", "backing": "developer's machine", "devbuild": "developer's machine",
		"overlay": "override of an environment set elsewhere",
	}
	for _, r := range checktest.Reports(t, New(), target) {
		folder, _, _ := strings.Cut(r.File, "/")
		why, isLow := low[folder]
		switch {
		case isLow && !(r.Capped && r.MaxSeverity == finding.Low):
			t.Errorf("%s:%d %s is not capped at low", r.File, r.Line, r.Rule)
		case isLow && !strings.Contains(r.Message, why):
			t.Errorf("%s:%d %s does not say why it is low: %s", r.File, r.Line, r.Rule, r.Message)
		case !isLow && r.Capped:
			t.Errorf("%s:%d %s is capped at %v", r.File, r.Line, r.Rule, r.MaxSeverity)
		}
	}
}

// TestMissingKeysOneReport holds env/missing-required-key to one report
// per production environment and example, naming the keys, at the line
// of the first.
func TestMissingKeysOneReport(t *testing.T) {
	sc := parseScenario(t, `-- .env.example --
APP_KEY=
DB_PASSWORD=
MAIL_PASSWORD=
S3_SECRET=
SESSION_SECRET=
-- .env.production --
APP_KEY=${APP_KEY}
DB_PASSWORD=${DB_PASSWORD}
MAIL_PASSWORD=${MAIL_PASSWORD}
PORT=8080
`)
	var got []check.Report
	for _, r := range runScenario(t, sc) {
		if r.Rule == ruleMissing {
			got = append(got, r)
		}
	}
	if len(got) != 1 {
		t.Fatalf("got %d reports, want 1: %v", len(got), got)
	}
	r := got[0]
	if r.File != ".env.example" || r.Line != 4 {
		t.Errorf("report at %s:%d, want .env.example:4", r.File, r.Line)
	}
	for _, k := range []string{"2 keys", "S3_SECRET", "SESSION_SECRET", ".env.production"} {
		if !strings.Contains(r.Message, k) {
			t.Errorf("message %q lacks %q", r.Message, k)
		}
	}
	if r.Capped {
		t.Errorf("a file that sets most of its example's keys is capped at %v", r.MaxSeverity)
	}
}
