package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/report/sariftest"
)

// portal is the bundled example the README's first command scans.
func portal(name string) string {
	return filepath.Join("..", "..", "testdata", "portal", name)
}

func TestPortalSARIFIsValid(t *testing.T) {
	r := run(t, ".", "scan", portal("vulnerable"), "--format", "sarif")
	if r.code != ExitBlocking {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
	}
	doc := sariftest.Check(t, sariftest.Schema(t), []byte(r.stdout))
	res := doc.Runs[0].Results
	if len(res) == 0 {
		t.Fatal("no results for the vulnerable portal")
	}
	for _, x := range res {
		uri := x.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if uri != "openapi.yaml" {
			t.Errorf("result %s at %q, want the repo-relative openapi.yaml", x.RuleID, uri)
		}
		if x.PartialFingerprints["launchgate/v1"] == "" {
			t.Errorf("result %s has no launchgate/v1 fingerprint", x.RuleID)
		}
	}
}

func TestPortalScorecard(t *testing.T) {
	vuln := run(t, ".", "scan", portal("vulnerable"), "--format", "markdown")
	for _, want := range []string{
		"Not ready",
		"| Authentication on every route | ❌ fail",
		"| Tenant isolation and roles | ❌ fail",
		// The tree holds no secret, but nothing checked what the
		// deployment serves.
		"| Secrets | ✅ pass<br><sub>no findings (1 of 2 parts checked)</sub> | ",
		"no .env, .git/config or source map served, live (needs launchgate probe --url) |",
		"| Email trust (SPF, DKIM, DMARC) | ⚪ not run",
		"`openapi/operation-without-auth`",
	} {
		if !strings.Contains(vuln.stdout, want) {
			t.Errorf("vulnerable scorecard lacks %q:\n%s", want, vuln.stdout)
		}
	}
	fixed := run(t, ".", "scan", portal("fixed"), "--format", "markdown")
	if fixed.code != ExitOK {
		t.Fatalf("the fixed portal should pass: exit %d\n%s", fixed.code, fixed.stdout)
	}
	for _, want := range []string{"Ready", "| Authentication on every route | ✅ pass<br><sub>no findings (1 of 2 parts checked)</sub> | ", "every operation refuses a missing or bad token, live (needs launchgate probe --url) |"} {
		if !strings.Contains(fixed.stdout, want) {
			t.Errorf("fixed scorecard lacks %q:\n%s", want, fixed.stdout)
		}
	}
	// The fixed portal's remaining findings, stated in its fixture, are
	// all below medium.
	if r := run(t, ".", "scan", portal("fixed"), "--fail-on", "medium"); r.code != ExitOK {
		t.Errorf("the fixed portal has a finding at medium or above:\n%s", r.stdout)
	}
}

// TestRelativeSpecFromProcessDir runs with no WorkDir, as the real binary
// does: relative paths are taken from the process's directory.
func TestRelativeSpecFromProcessDir(t *testing.T) {
	dir := portal("vulnerable")
	r := run(t, "", "scan", dir, "--spec", filepath.Join(dir, "openapi.yaml"), "--fail-on", "critical")
	if r.code != ExitBlocking || !strings.Contains(r.stdout, "openapi/operation-without-auth") {
		t.Fatalf("exit %d, want 1 with findings\n%s%s", r.code, r.stdout, r.stderr)
	}
}
