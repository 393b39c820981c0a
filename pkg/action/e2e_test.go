//go:build unix

package action

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/probe/portaltest"
	"github.com/launchgate/launchgate/pkg/report/sariftest"
	"github.com/launchgate/launchgate/pkg/testkit"
)

// The pre-deploy gate end to end, as a workflow runs it: a checkout with
// the portal's spec and configuration, the vulnerable twin of the test
// portal served over TLS on loopback with two tenants' tokens in the
// step's environment, and the test DNS server answering for the sending
// domain, all through `launchgate action` with command: scan,probe,dns.
// One summary holds the checklist's ten rows, every one judged with its
// evidence; the SARIF file is valid, has a run per command, and puts the
// live findings on the spec's lines; the HTML report opens in Chromium
// without a console message.
func TestPreDeployGateEndToEnd(t *testing.T) {
	p := portaltest.Start(t, portaltest.Vulnerable)
	dns := dnsZones(t)
	sim := probeRunner(t, p)
	sim.input("command", "scan,probe,dns").input("category", "launchgate").input("allow-writes", "true").
		input("domain", "acme.example").input("resolver", dns.Addr)
	res := sim.run()
	if got := exitOf(res.err); got != 1 {
		t.Fatalf("exit %d (%v), want 1\n%s\n%s", got, res.err, unmasked(res.stdout), res.stderr)
	}

	// Ten rows, each judged and each with the evidence behind it.
	var rows []struct {
		ID       string   `json:"id"`
		Status   string   `json:"status"`
		Evidence []string `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(res.outputs["scorecard"]), &rows); err != nil {
		t.Fatalf("scorecard output: %v", err)
	}
	if len(rows) != 10 {
		t.Fatalf("%d scorecard rows, want 10", len(rows))
	}
	for _, r := range rows {
		if r.Status == "not run" || len(r.Evidence) == 0 {
			t.Errorf("row %s is %q with evidence %q; want every row judged, with evidence", r.ID, r.Status, r.Evidence)
		}
		if !strings.Contains(res.summary, "| "+rowTitle(t, r.ID)+" |") {
			t.Errorf("the job summary has no row %s", r.ID)
		}
	}
	for _, line := range []string{"Scanned: ", "Probed: the deployment at " + p.URL, "Checked: the DNS of acme.example"} {
		if !strings.Contains(res.summary, line) {
			t.Errorf("the job summary does not say %q", line)
		}
	}

	// A SARIF run per command; the probe's findings about operations sit
	// on the operation's line of the spec, in the repository's path.
	data, err := os.ReadFile(res.outputs["sarif-file"])
	if err != nil {
		t.Fatal(err)
	}
	doc := sariftest.CheckRuns(t, sariftest.Schema(t), data)
	var ids []string
	for _, run := range doc.Runs {
		ids = append(ids, run.AutomationDetails.ID)
	}
	if strings.Join(ids, " ") != "launchgate/ launchgate/probe/ launchgate/dns/" {
		t.Fatalf("runs %q, want launchgate/, launchgate/probe/ and launchgate/dns/", ids)
	}
	spec := portalPath + "/openapi.yaml"
	want := map[string]int{
		"probe/cross-tenant-access":    specLine(t, "GET", "/api/invoices/{invoiceId}"),
		"probe/unauthenticated-access": specLine(t, "GET", "/api/invoices/{invoiceId}/pdf"),
	}
	for _, r := range doc.Runs[1].Results {
		loc := r.Locations[0].PhysicalLocation
		if line, ok := want[r.RuleID]; ok && loc.ArtifactLocation.URI == spec && loc.Region.StartLine == line {
			delete(want, r.RuleID)
		}
	}
	for rule, line := range want {
		t.Errorf("the probe run has no %s at %s:%d", rule, spec, line)
	}
	// A finding about a served file has no spec line: it is shown on the
	// configuration's probe settings, and names its URL.
	anchored := false
	for _, r := range doc.Runs[1].Results {
		loc := r.Locations[0].PhysicalLocation
		if r.RuleID == "probe/exposed-file" {
			anchored = loc.ArtifactLocation.URI == portalPath+"/.launchgate.yml" && loc.Region.StartLine > 1 &&
				strings.Contains(r.Message.Text, p.URL)
		}
	}
	if !anchored {
		t.Error("probe/exposed-file is not shown on the probe settings of the portal's .launchgate.yml")
	}
	for _, r := range doc.Runs[2].Results {
		if !strings.HasPrefix(r.RuleID, "dns/") {
			t.Errorf("the dns run holds %s", r.RuleID)
		}
	}

	// The HTML report, as a reviewer opens it.
	page := res.outputs["html-file"]
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for name, tok := range p.Tokens {
		if strings.Contains(string(html), tok) {
			t.Errorf("the HTML report shows %s's token", name)
		}
	}
	b := testkit.Browser{Bin: testkit.Chromium(t), Dir: t.TempDir()}
	dom, stderr := b.Run(t, page, "--dump-dom")
	if msgs := testkit.ConsoleMessages(stderr); len(msgs) > 0 {
		t.Errorf("the HTML report logged to the console:\n%s", strings.Join(msgs, "\n"))
	}
	for _, id := range []string{"auth", "email", "edge"} {
		if !strings.Contains(dom, rowTitle(t, id)) {
			t.Errorf("the rendered report has no %s row", id)
		}
	}
	shot := filepath.Join(b.Dir, "report.png")
	b.Run(t, page, "--screenshot="+shot, "--window-size=1280,2000", "--hide-scrollbars")
	if fi, err := os.Stat(shot); err != nil || fi.Size() == 0 {
		t.Errorf("no screenshot of the report: %v", err)
	}
	if n, err := strconv.Atoi(res.outputs["blocking"]); err != nil || n == 0 {
		t.Errorf("blocking output %q, want findings that block", res.outputs["blocking"])
	}
}

// rowTitle is the scorecard title of area id, as the catalog names it.
func rowTitle(t *testing.T, id string) string {
	t.Helper()
	reg, err := checks.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range reg.Catalog.Areas() {
		if a.ID == id {
			return a.Title
		}
	}
	t.Fatalf("no scorecard row %q", id)
	return ""
}
