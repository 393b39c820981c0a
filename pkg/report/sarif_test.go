package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report/sariftest"
	"github.com/launchgate/launchgate/rules"
)

func writeSARIF(t testing.TB, rep SARIFReporter, r *Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := rep.Write(&buf, r); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func TestSARIFGolden(t *testing.T) {
	r := fixedResult(t)
	data := writeSARIF(t, SARIFReporter{}, r)
	doc := sariftest.Check(t, sariftest.Schema(t), data)
	golden(t, "report.sarif", data)

	run := doc.Runs[0]
	if run.Tool.Driver.Name != "launchgate" || run.Tool.Driver.Version != "1.2.3" {
		t.Errorf("driver = %s %s, want launchgate 1.2.3", run.Tool.Driver.Name, run.Tool.Driver.Version)
	}
	var ids []string
	for _, rule := range run.Tool.Driver.Rules {
		ids = append(ids, rule.ID)
	}
	wantIDs := []string{"openapi/object-id-without-owner", "openapi/operation-without-auth", "secret/generic-api-key", "transport/http-server"}
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("rules = %v, want %v", ids, wantIDs)
	}
	if run.AutomationDetails == nil || run.AutomationDetails.ID != "launchgate-scan/" {
		t.Errorf("automationDetails = %+v, want id launchgate-scan/", run.AutomationDetails)
	}
	if len(run.Results) != len(r.Findings) {
		t.Fatalf("got %d results, want %d", len(run.Results), len(r.Findings))
	}
	for i, res := range run.Results {
		f := r.Findings[i]
		if res.RuleID != f.RuleID {
			t.Errorf("result %d: ruleId %s, want %s (report order kept)", i, res.RuleID, f.RuleID)
		}
		if got := res.PartialFingerprints["launchgate/v1"]; got != f.Fingerprint {
			t.Errorf("result %d: launchgate/v1 = %q, want %q", i, got, f.Fingerprint)
		}
		if got := res.PartialFingerprints["primaryLocationLineHash"]; got != f.Fingerprint+":1" {
			t.Errorf("result %d: primaryLocationLineHash = %q", i, got)
		}
		if got := res.Properties["security-severity"]; got != f.Severity.SecurityScore() {
			t.Errorf("result %d: security-severity = %v, want %s", i, got, f.Severity.SecurityScore())
		}
		if (len(res.Suppressions) > 0) != f.Suppressed {
			t.Errorf("result %d: suppressions %v for Suppressed=%v", i, res.Suppressions, f.Suppressed)
		}
	}
	at := func(msg string) sariftest.Result {
		t.Helper()
		for _, res := range run.Results {
			if strings.HasPrefix(res.Message.Text, msg) {
				return res
			}
		}
		t.Fatalf("no result for %q", msg)
		return sariftest.Result{}
	}
	sup := at("GET /health").Suppressions
	if len(sup) != 1 || sup[0].Kind != "external" || sup[0].Justification != "health check is public by design" {
		t.Errorf("suppressions = %+v", sup)
	}
	live := at("GET /api/invoices").Locations[0].PhysicalLocation
	if live.ArtifactLocation.URI != "https://staging.example.com/api/invoices" || live.ArtifactLocation.URIBaseID != "" || live.Region.StartLine != 1 {
		t.Errorf("live location = %+v, want the URL, no uriBaseId, line 1", live)
	}
	file := at("DELETE /invoices").Locations[0].PhysicalLocation
	if file.ArtifactLocation.URI != "api/openapi.yaml" || file.ArtifactLocation.URIBaseID != "%SRCROOT%" || file.Region.StartLine != 42 || file.Region.StartColumn != 7 {
		t.Errorf("file location = %+v", file)
	}
	if notes := run.Invocations; len(notes) != 1 || len(notes[0].ToolExecutionNotifications) != 1 ||
		!strings.Contains(notes[0].ToolExecutionNotifications[0].Message.Text, "expired") {
		t.Errorf("invocations = %+v, want the expired-ignore note", notes)
	}
}

func TestSARIFRuleProperties(t *testing.T) {
	data := writeSARIF(t, SARIFReporter{}, fixedResult(t))
	doc := sariftest.Check(t, sariftest.Schema(t), data)
	rule := doc.Runs[0].Tool.Driver.Rules[1]
	if rule.ID != "openapi/operation-without-auth" || rule.Name != "OperationWithoutAuth" {
		t.Fatalf("rule 1 = %s %s", rule.ID, rule.Name)
	}
	want := map[string]any{
		"security-severity": "8.0",
		"precision":         "high",
		"problem.severity":  "error",
	}
	for k, v := range want {
		if rule.Properties[k] != v {
			t.Errorf("%s = %v, want %v", k, rule.Properties[k], v)
		}
	}
	tags, _ := rule.Properties["tags"].([]any)
	for _, tag := range []string{"security", "openapi", "external/cwe/cwe-306", "CWE-306", "API2:2023 Broken Authentication"} {
		if !slices.Contains(tags, any(tag)) {
			t.Errorf("tags %v lack %q", tags, tag)
		}
	}
	for _, part := range []string{`"helpUri": "` + catalog.HelpURI("openapi/operation-without-auth") + `"`,
		`"fullDescription": {`, `CWE: CWE-306`, `[CWE-306](https://cwe.mitre.org/data/definitions/306.html)`} {
		if !bytes.Contains(data, []byte(part)) {
			t.Errorf("SARIF lacks %s", part)
		}
	}
}

func TestSARIFEdgeCases(t *testing.T) {
	sch := sariftest.Schema(t)
	tests := []struct {
		name  string
		r     *Result
		check func(t *testing.T, doc *sariftest.Doc)
	}{
		{
			name: "empty result still has a valid run",
			r:    &Result{Threshold: finding.High},
			check: func(t *testing.T, doc *sariftest.Doc) {
				if n := len(doc.Runs[0].Results); n != 0 {
					t.Errorf("got %d results", n)
				}
				if doc.Runs[0].AutomationDetails != nil {
					t.Error("automationDetails set without a category")
				}
			},
		},
		{
			name: "rule missing from the catalog is described from the finding",
			r: &Result{Catalog: testCatalog(t), Findings: []finding.Finding{{
				RuleID: "debug/flask-debug", Severity: finding.Medium, Title: "Flask debug mode",
				Message: "DEBUG=True", File: `app\settings.py`, Fingerprint: "abc",
			}}},
			check: func(t *testing.T, doc *sariftest.Doc) {
				rules := doc.Runs[0].Tool.Driver.Rules
				if len(rules) != 1 || rules[0].ID != "debug/flask-debug" || rules[0].Name != "FlaskDebug" {
					t.Errorf("rules = %+v", rules)
				}
				loc := doc.Runs[0].Results[0].Locations[0].PhysicalLocation
				if loc.ArtifactLocation.URI != "app/settings.py" || loc.Region.StartLine != 1 || loc.Region.StartColumn != 0 {
					t.Errorf("location = %+v, want app/settings.py line 1 without column", loc)
				}
				if got := doc.Runs[0].Results[0].Level; got != "warning" {
					t.Errorf("level = %s, want warning", got)
				}
			},
		},
		{
			name: "category already ending in a slash is kept",
			r:    &Result{Category: "scan/"},
			check: func(t *testing.T, doc *sariftest.Doc) {
				if got := doc.Runs[0].AutomationDetails.ID; got != "scan/" {
					t.Errorf("automationDetails.id = %q", got)
				}
			},
		},
		{
			name: "missing fingerprint is derived, not left empty",
			r:    &Result{Findings: []finding.Finding{{RuleID: "env/committed-env", File: ".env", Message: "m"}}},
			check: func(t *testing.T, doc *sariftest.Doc) {
				want := finding.Fingerprint("env/committed-env", ".env", "", "m")
				if got := doc.Runs[0].Results[0].PartialFingerprints["launchgate/v1"]; got != want {
					t.Errorf("fingerprint = %q, want %q", got, want)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, sariftest.Check(t, sch, writeSARIF(t, SARIFReporter{}, tt.r)))
		})
	}
}

func TestSARIFLevels(t *testing.T) {
	tests := []struct {
		sev  finding.Severity
		want string
	}{
		{finding.Critical, "error"},
		{finding.High, "error"},
		{finding.Medium, "warning"},
		{finding.Low, "note"},
		{finding.Info, "note"},
	}
	for _, tt := range tests {
		t.Run(tt.sev.String(), func(t *testing.T) {
			if got := sarifLevel(tt.sev); got != tt.want {
				t.Errorf("sarifLevel(%s) = %s, want %s", tt.sev, got, tt.want)
			}
		})
	}
}

func TestFileURI(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "api/openapi.yaml", "api/openapi.yaml"},
		{"windows separators", `api\v1\openapi.yaml`, "api/v1/openapi.yaml"},
		{"leading slash", "/api/openapi.yaml", "api/openapi.yaml"},
		{"space", "my api/open api.yaml", "my%20api/open%20api.yaml"},
		{"percent", "100%.yaml", "100%25.yaml"},
		{"colon in first segment", "c:foo/x.yaml", "./c:foo/x.yaml"},
		{"empty", "", "."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fileURI(tt.in); got != tt.want {
				t.Errorf("fileURI(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSARIFTruncatesToResultLimit(t *testing.T) {
	fs := manyFindings(DefaultMaxResults + 10)
	// The 10 critical findings beyond the limit must be kept over info ones.
	var critical int
	for _, f := range fs {
		if f.Severity == finding.Critical {
			critical++
		}
	}
	data := writeSARIF(t, SARIFReporter{}, &Result{Findings: fs, Catalog: testCatalog(t)})
	doc := sariftest.Check(t, sariftest.Schema(t), data)
	run := doc.Runs[0]
	if len(run.Results) != DefaultMaxResults {
		t.Fatalf("got %d results, want %d", len(run.Results), DefaultMaxResults)
	}
	var keptCritical, keptInfo int
	for _, res := range run.Results {
		switch res.Properties["security-severity"] {
		case finding.Critical.SecurityScore():
			keptCritical++
		case finding.Info.SecurityScore():
			keptInfo++
		}
	}
	if keptCritical != critical {
		t.Errorf("kept %d of %d critical findings", keptCritical, critical)
	}
	if wantInfo := len(fs)/5 - 10; keptInfo != wantInfo {
		t.Errorf("kept %d info findings, want %d (the 10 dropped are info)", keptInfo, wantInfo)
	}
	if len(run.Invocations) != 1 || len(run.Invocations[0].ToolExecutionNotifications) != 1 ||
		!strings.HasPrefix(run.Invocations[0].ToolExecutionNotifications[0].Message.Text, "10 of 25010 results were left out") {
		t.Errorf("notifications = %+v, want one saying 10 were dropped", run.Invocations)
	}
}

func TestSARIFTruncatesToSizeLimit(t *testing.T) {
	fs := manyFindings(2000)
	const limit = 40_000
	data := writeSARIF(t, SARIFReporter{MaxGzipBytes: limit}, &Result{Findings: fs})
	size, err := gzipSize(data)
	if err != nil {
		t.Fatal(err)
	}
	if size > limit {
		t.Errorf("gzipped size %d over the %d limit", size, limit)
	}
	doc := sariftest.Check(t, sariftest.Schema(t), data)
	run := doc.Runs[0]
	if len(run.Results) == 0 || len(run.Results) >= len(fs) {
		t.Fatalf("kept %d of %d results, want some but not all", len(run.Results), len(fs))
	}
	// Kept results must be the most severe: a severity may appear only once
	// every finding of each worse severity is in.
	kept := map[string]int{}
	for _, res := range run.Results {
		kept[res.Properties["security-severity"].(string)]++
	}
	perSeverity := len(fs) / 5
	for i, sev := range findingSeverities {
		if kept[sev.SecurityScore()] == 0 {
			continue
		}
		for _, worse := range findingSeverities[:i] {
			if kept[worse.SecurityScore()] != perSeverity {
				t.Errorf("kept %s findings while dropping %d %s ones", sev, perSeverity-kept[worse.SecurityScore()], worse)
			}
		}
	}
	if len(run.Invocations) != 1 || !strings.Contains(run.Invocations[0].ToolExecutionNotifications[0].Message.Text, "10 MB") {
		t.Errorf("notifications = %+v, want the size limit named", run.Invocations)
	}
}

func TestSARIFSuppressedDroppedFirst(t *testing.T) {
	fs := []finding.Finding{
		{RuleID: "secret/generic-api-key", Severity: finding.Critical, File: "a", Fingerprint: "1", Suppressed: true},
		{RuleID: "transport/http-server", Severity: finding.Low, File: "b", Fingerprint: "2"},
	}
	doc := sariftest.Check(t, sariftest.Schema(t), writeSARIF(t, SARIFReporter{MaxResults: 1}, &Result{Findings: fs}))
	if res := doc.Runs[0].Results; len(res) != 1 || res[0].RuleID != "transport/http-server" {
		t.Errorf("kept %+v, want the unsuppressed low finding", res)
	}
}

// TestSARIFRealCatalog writes one finding per rule of the shipped catalog,
// so that a rule whose text or mapping would break an upload is caught.
func TestSARIFRealCatalog(t *testing.T) {
	cat, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatalf("loading the shipped catalog: %v", err)
	}
	var fs []finding.Finding
	for _, rule := range cat.Rules() {
		fs = append(fs, finding.Finding{RuleID: rule.ID, Category: rule.Category(), Severity: rule.Severity,
			Title: rule.Title, Message: rule.Title, File: "x.yaml", Line: 1, Fingerprint: rule.ID})
	}
	doc := sariftest.Check(t, sariftest.Schema(t), writeSARIF(t, SARIFReporter{}, &Result{Findings: fs, Catalog: cat}))
	if got := len(doc.Runs[0].Tool.Driver.Rules); got != len(cat.Rules()) {
		t.Errorf("got %d rules, want %d", got, len(cat.Rules()))
	}
}
