package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/probe/portaltest"
	"github.com/launchgate/launchgate/pkg/report/sariftest"
)

// combinedReport is the part of a joined JSON report these tests read.
type combinedReport struct {
	Findings []struct {
		RuleID   string `json:"rule_id"`
		File     string `json:"file"`
		Line     int    `json:"line"`
		URL      string `json:"url"`
		Analysis string `json:"analysis"`
	} `json:"findings"`
	Summary struct {
		Blocking  int      `json:"blocking"`
		Analyses  []string `json:"analyses"`
		Checks    []string `json:"checks"`
		Scorecard []struct {
			ID       string `json:"id"`
			Status   string `json:"status"`
			Complete bool   `json:"complete"`
		} `json:"scorecard"`
	} `json:"summary"`
}

// scanAll runs `scan` of the portal's checkout with the probe of the
// vulnerable twin and the DNS check of acme.example in one run.
func scanAll(t *testing.T, extra ...string) result {
	t.Helper()
	p := portaltest.Start(t, portaltest.Vulnerable)
	srv := dnsServer(t)
	args := append([]string{"scan", ".", "--url", p.URL, "--rate", "0", "--domain", "acme.example", "--resolver", srv.Addr}, extra...)
	return runWith(t, portaltest.Dir(), probeEnv(p), args...)
}

// One invocation runs the scan, the probe and the DNS check, with one
// exit status and one report whose findings each name their analysis and
// whose scorecard judges every row from all three.
func TestScanWithProbeAndDNS(t *testing.T) {
	res := scanAll(t, "--format", "json")
	if res.code != ExitBlocking {
		t.Fatalf("exit %d, want %d: %s", res.code, ExitBlocking, res.stderr)
	}
	var rep combinedReport
	if err := json.Unmarshal([]byte(res.stdout), &rep); err != nil {
		t.Fatalf("%v: %s", err, res.stdout)
	}
	if want := []string{"launchgate", "launchgate/probe", "launchgate/dns"}; !slices.Equal(rep.Summary.Analyses, want) {
		t.Errorf("analyses = %q, want %q", rep.Summary.Analyses, want)
	}
	by := map[string]int{}
	for _, f := range rep.Findings {
		by[f.Analysis]++
		switch {
		case f.Analysis == "launchgate/dns" && !strings.HasPrefix(f.RuleID, "dns/"):
			t.Errorf("dns analysis holds %s", f.RuleID)
		case f.Analysis == "launchgate" && f.File == "":
			t.Errorf("scan finding %s has no file", f.RuleID)
		}
	}
	for _, a := range rep.Summary.Analyses {
		if by[a] == 0 {
			t.Errorf("no finding of %s (findings by analysis: %v)", a, by)
		}
	}
	for _, want := range []string{"openapi", "secrets", "probe-auth", "probe-abuse", "dns"} {
		if !slices.Contains(rep.Summary.Checks, want) {
			t.Errorf("checks %v lack %s", rep.Summary.Checks, want)
		}
	}
	rows := map[string]string{}
	for _, r := range rep.Summary.Scorecard {
		rows[r.ID] = r.Status
	}
	// The vulnerable twin and acme.example fail these rows; with all three
	// commands no row is left not run for want of a command.
	for _, id := range []string{"auth", "tenant", "secrets", "transport", "email", "cors"} {
		if rows[id] != "fail" {
			t.Errorf("row %s = %q, want fail", id, rows[id])
		}
	}
	if len(rows) != 10 {
		t.Errorf("scorecard has %d rows, want the checklist's 10", len(rows))
	}
}

// The joined SARIF has one run per command, each with its own
// automationDetails.id, valid against the schema and GitHub's rules.
func TestScanWithProbeAndDNSSARIF(t *testing.T) {
	res := scanAll(t, "--format", "sarif", "--fail-on", "never")
	if res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	doc := sariftest.CheckRuns(t, sariftest.Schema(t), []byte(res.stdout))
	var ids []string
	for _, run := range doc.Runs {
		ids = append(ids, run.AutomationDetails.ID)
		if len(run.Results) == 0 {
			t.Errorf("run %s has no results", run.AutomationDetails.ID)
		}
	}
	if want := []string{"launchgate/", "launchgate/probe/", "launchgate/dns/"}; !slices.Equal(ids, want) {
		t.Errorf("runs = %q, want %q", ids, want)
	}
}

// A probe that cannot be set up fails the whole run as a usage error,
// and never passes the scan alone.
func TestScanWithBadURL(t *testing.T) {
	res := run(t, portaltest.Dir(), "scan", ".", "--url", "ftp://example.com")
	if res.code != ExitError || !strings.Contains(res.stderr, "url") {
		t.Errorf("exit %d, stderr %q; want exit 2 naming the URL", res.code, res.stderr)
	}
	res = run(t, portaltest.Dir(), "scan", ".", "--url", "https://example.com", "--rate", "-1")
	if res.code != ExitError || !strings.Contains(res.stderr, "--rate") {
		t.Errorf("exit %d, stderr %q; want exit 2 naming --rate", res.code, res.stderr)
	}
}
