package merge

import (
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
)

// The three shards of a matrix and what each expects:
//
//   - api, category "api": written twice, as JSON and as SARIF. The JSON
//     job suppressed the insecure-server finding by its baseline; the
//     SARIF job did not, so the merge keeps it unsuppressed (it blocks).
//     The auth finding is in both and appears once.
//   - web, category "web", a joined scan and probe: the same auth finding
//     (same fingerprint) as api's, which stays a finding of its own in
//     web/scan, and a live finding in web/probe.
//   - billing, a JSON report without a category at
//     reports/billing/launchgate.json: named "billing" after its folder;
//     its one finding is medium, blocking at --fail-on medium only.
func shards(t *testing.T) []*Input {
	t.Helper()
	cat := testCatalog(t)
	dir := t.TempDir()
	auth := fnd("openapi/operation-without-auth", finding.High, "api/openapi.yaml", 12, "")
	server := fnd("openapi/insecure-server-url", finding.High, "api/openapi.yaml", 3, "")
	suppressed := server
	suppressed.Suppressed, suppressed.Suppression = true, "baseline"
	base := report.Result{Tool: report.Tool{Name: report.ToolName, Version: "1.0.0"}, Threshold: finding.Never, Catalog: cat}

	apiJSON := base
	apiJSON.Category = "api"
	apiJSON.Ran = map[string]bool{"openapi": true}
	apiJSON.Tally = map[string][]string{"auth": {"11 of 12 operations declare auth"}}
	apiJSON.Findings = []finding.Finding{suppressed, auth}
	apiSARIF := apiJSON
	apiSARIF.Findings = []finding.Finding{server, auth}
	apiSARIF.Ran = map[string]bool{"openapi": true, "secrets": true}
	apiSARIF.Tally = map[string][]string{"auth": {"11 of 12 operations declare auth"}, "secrets": {"40 files scanned"}}

	scan := base
	scan.Ran = map[string]bool{"openapi": true}
	scan.Findings = []finding.Finding{auth}
	probe := base
	probe.Ran = map[string]bool{"probe-auth": true}
	probe.Tally = map[string][]string{"auth": {"5 of 5 operations refused a request without a token"}}
	probe.Unverified = map[string][]string{"ratelimit": {"no sign-in burst sent: --allow-writes not given"}}
	probe.Findings = []finding.Finding{fnd("probe/unauthenticated-access", finding.Critical, "", 0, "https://web.example/api/x")}
	web := report.Join("web", report.Part{Command: "scan", Result: &scan}, report.Part{Command: "probe", Result: &probe})

	billing := base
	billing.Ran = map[string]bool{"openapi": true}
	billing.Findings = []finding.Finding{fnd("openapi/api-key-in-query", finding.Medium, "billing/openapi.yaml", 7, "")}

	return []*Input{
		read(t, dir, write(t, dir, "reports/api/api.json", "json", &apiJSON), cat),
		read(t, dir, write(t, dir, "reports/api/api.sarif", "sarif", &apiSARIF), cat),
		read(t, dir, write(t, dir, "reports/web/launchgate.json", "json", web), cat),
		read(t, dir, write(t, dir, "reports/billing/launchgate.json", "json", &billing), cat),
	}
}

func TestMergeShards(t *testing.T) {
	inputs := shards(t)
	res, err := Merge(inputs, Options{Threshold: finding.High, Catalog: testCatalog(t), Version: "2.0.0"})
	if err != nil {
		t.Fatal(err)
	}
	webScan, webProbe := report.AnalysisID("web", "scan"), report.AnalysisID("web", "probe")
	if want := []string{"api", webScan, webProbe, "billing"}; !slices.Equal(res.Analyses, want) {
		t.Errorf("analyses = %v, want %v", res.Analyses, want)
	}
	if inputs[3].Derived != "billing" || inputs[0].Derived != "" {
		t.Errorf("derived names = %q, %q", inputs[3].Derived, inputs[0].Derived)
	}
	count := map[string]int{}
	for _, f := range res.Findings {
		count[f.Analysis+" "+f.RuleID]++
		if f.RuleID == "openapi/insecure-server-url" && f.Suppressed {
			t.Errorf("insecure-server finding kept suppressed; the SARIF shard has it unsuppressed")
		}
	}
	want := map[string]int{
		"api openapi/operation-without-auth":        1,
		"api openapi/insecure-server-url":           1,
		webScan + " openapi/operation-without-auth": 1,
		webProbe + " probe/unauthenticated-access":  1,
		"billing openapi/api-key-in-query":          1,
	}
	if len(count) != len(want) {
		t.Errorf("findings by analysis = %v, want %v", count, want)
	}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%s: %d findings, want %d", k, count[k], n)
		}
	}
	sum := res.Summary()
	if sum.Total != 5 || sum.Blocking != 4 || sum.Passed {
		t.Errorf("summary = %+v, want 5 findings, 4 blocking at high", sum)
	}
	for _, c := range []string{"openapi", "secrets", "probe-auth"} {
		if !res.Ran[c] {
			t.Errorf("check %s did not run in the merge; ran %v", c, res.Ran)
		}
	}
	if got := res.Tally["auth"]; len(got) != 2 {
		t.Errorf("auth evidence = %v, want the scan's and the probe's line once each", got)
	}
	if got := res.Unverified["ratelimit"]; len(got) != 1 {
		t.Errorf("ratelimit unverified = %v, want the probe's line", got)
	}
	rows := report.Scorecard(res)
	for _, row := range rows {
		if row.Area.ID == "secrets" && row.Status != report.StatusPass {
			t.Errorf("secrets row %s, want pass: the SARIF shard ran the secrets check", row.Status)
		}
		if row.Area.ID == "email" && row.Status != report.StatusNotRun {
			t.Errorf("email row %s, want not run", row.Status)
		}
	}

	// The merge's own --fail-on decides, not the jobs' (they ran with never).
	for _, tt := range []struct {
		threshold finding.Severity
		blocking  int
	}{{finding.Critical, 1}, {finding.Medium, 5}, {finding.Never, 0}} {
		res, err := Merge(inputs, Options{Threshold: tt.threshold, Catalog: testCatalog(t)})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Summary().Blocking; got != tt.blocking {
			t.Errorf("--fail-on %s: %d blocking, want %d", tt.threshold, got, tt.blocking)
		}
	}
}

// TestMergeKeepsWorst checks which duplicate survives, whatever the order.
func TestMergeKeepsWorst(t *testing.T) {
	f := fnd("openapi/operation-without-auth", finding.Medium, "a.yaml", 1, "")
	f.Analysis = "api"
	worse := f
	worse.Severity = finding.Critical
	hidden := worse
	hidden.Severity, hidden.Suppressed = finding.Critical, true
	tests := []struct {
		name string
		a, b finding.Finding
		want finding.Finding
	}{
		{"more severe wins", f, worse, worse},
		{"more severe wins, reversed", worse, f, worse},
		{"unsuppressed wins over a more severe suppressed", hidden, f, f},
		{"unsuppressed wins, reversed", f, hidden, f},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := func(x finding.Finding) *Input {
				return &Input{File: "x", Analyses: []string{"api"}, Findings: []finding.Finding{x}}
			}
			res, err := Merge([]*Input{in(tt.a), in(tt.b)}, Options{Threshold: finding.High})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Findings) != 1 {
				t.Fatalf("%d findings, want 1", len(res.Findings))
			}
			if got := res.Findings[0]; got.Severity != tt.want.Severity || got.Suppressed != tt.want.Suppressed {
				t.Errorf("kept %s suppressed=%v, want %s suppressed=%v", got.Severity, got.Suppressed, tt.want.Severity, tt.want.Suppressed)
			}
		})
	}
}

func TestDerivedName(t *testing.T) {
	tests := []struct{ file, want string }{
		{"reports/api.json", "api"},
		{"reports/api.sarif", "api"},
		{"api.sarif.json", "api"},
		{"reports/api/launchgate.json", "api"},
		{"launchgate-web/launchgate.sarif", "launchgate-web"},
		{"launchgate.json", "launchgate"},
		{"reports/my service (eu).json", "my-service-eu"},
		{"a--b.json", "a-b"},
		{"reports/.json", "reports"},
	}
	for _, tt := range tests {
		if got := DerivedName(tt.file); got != tt.want {
			t.Errorf("DerivedName(%q) = %q, want %q", tt.file, got, tt.want)
		}
		if err := checkAnalysis(DerivedName(tt.file)); err != nil {
			t.Errorf("DerivedName(%q): %v", tt.file, err)
		}
	}
}

// TestDerivedCollision checks that two reports without a category never
// share an analysis silently, while the JSON and SARIF of one job do.
func TestDerivedCollision(t *testing.T) {
	in := func(file string) *Input {
		return &Input{File: file, Analyses: []string{DerivedName(file)}, Derived: DerivedName(file)}
	}
	tests := []struct {
		name    string
		files   []string
		wantErr bool
	}{
		{"JSON and SARIF of one job", []string{"r/api.json", "r/api.sarif"}, false},
		{"one job's folder, default names", []string{"api/launchgate.json", "api/launchgate.sarif"}, false},
		{"different folders", []string{"a/launchgate.json", "b/launchgate.json"}, false},
		{"same name in two folders", []string{"x/api.json", "y/api.json"}, true},
		{"file and folder of the same name", []string{"api.json", "api/launchgate.sarif"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var inputs []*Input
			for _, f := range tt.files {
				inputs = append(inputs, in(f))
			}
			_, err := Merge(inputs, Options{Threshold: finding.High})
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				for _, f := range tt.files {
					if !strings.Contains(err.Error(), f) {
						t.Errorf("error %q does not name %s", err, f)
					}
				}
			}
		})
	}
}
