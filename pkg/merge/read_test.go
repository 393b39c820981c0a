package merge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
)

// TestSARIFRoundTrip writes findings of every severity, a suppressed
// one, an awkward path and a live URL as SARIF and reads them back: what
// merge needs of each finding survives.
func TestSARIFRoundTrip(t *testing.T) {
	cat := testCatalog(t)
	var fs []finding.Finding
	for i, sev := range []finding.Severity{finding.Critical, finding.High, finding.Medium, finding.Low, finding.Info} {
		fs = append(fs, fnd("openapi/operation-without-auth", sev, "api/spec "+sev.String()+"%.yaml", i+1, ""))
	}
	live := fnd("probe/unauthenticated-access", finding.Critical, "", 0, "https://portal.example/api/invoices?x=1")
	hidden := fnd("openapi/api-key-in-query", finding.Medium, "api/openapi.yaml", 9, "")
	hidden.Suppressed, hidden.Suppression = true, "baseline"
	hidden.Column = 4
	fs = append(fs, live, hidden)
	r := &report.Result{Tool: report.Tool{Name: report.ToolName, Version: "1.2.3"}, Catalog: cat, Threshold: finding.High,
		Category: "api", Findings: fs, Ran: map[string]bool{"openapi": true, "probe-auth": true},
		Tally:      map[string][]string{"auth": {"4 of 5 operations declare auth"}},
		Unverified: map[string][]string{"tenant": {"one identity: cross-tenant access not tried"}}}
	dir := t.TempDir()
	in := read(t, dir, write(t, dir, "api.sarif", "sarif", r), cat)
	if in.Format != "sarif" || in.Version != "1.2.3" || in.Derived != "" {
		t.Errorf("input = %s %s derived %q", in.Format, in.Version, in.Derived)
	}
	if len(in.Analyses) != 1 || in.Analyses[0] != "api" {
		t.Errorf("analyses = %v, want [api]", in.Analyses)
	}
	if strings.Join(in.Checks, ",") != "openapi,probe-auth" || len(in.Tally["auth"]) != 1 || len(in.Unverified["tenant"]) != 1 {
		t.Errorf("checks %v, tally %v, unverified %v", in.Checks, in.Tally, in.Unverified)
	}
	if len(in.Findings) != len(fs) {
		t.Fatalf("read %d findings, want %d", len(in.Findings), len(fs))
	}
	byFP := map[string]finding.Finding{}
	for _, f := range in.Findings {
		byFP[f.Fingerprint] = f
	}
	for _, want := range fs {
		got, ok := byFP[want.Fingerprint]
		if !ok {
			t.Errorf("%s %s: not read back", want.RuleID, want.Severity)
			continue
		}
		if got.RuleID != want.RuleID || got.Severity != want.Severity || got.File != want.File || got.URL != want.URL ||
			got.Message != want.Message || got.Suppressed != want.Suppressed || got.Analysis != "api" ||
			got.Column != want.Column || got.Line != max(want.Line, 1) {
			t.Errorf("read back %+v\nwant %+v", got, want)
		}
		if got.Title == "" || got.Category == "" {
			t.Errorf("%s: no title or category from the catalog", got.RuleID)
		}
	}
}

// TestSARIFSeverityFallback checks the severity of results without a
// security-severity: the catalog rule's, else the level's.
func TestSARIFSeverityFallback(t *testing.T) {
	const tmpl = `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"launchgate"}},"results":[
{"ruleId":"RULE","level":"LEVEL","message":{"text":"m"},"partialFingerprints":{"launchgate/v1":"fp"}PROPS}]}]}`
	cat := testCatalog(t)
	tests := []struct {
		rule, level, props string
		want               finding.Severity
	}{
		{"openapi/operation-without-auth", "note", ``, finding.High},
		{"custom/unknown", "error", ``, finding.High},
		{"custom/unknown", "note", ``, finding.Low},
		{"custom/unknown", "warning", ``, finding.Medium},
		{"custom/unknown", "none", ``, finding.Info},
		{"openapi/operation-without-auth", "note", `,"properties":{"security-severity":"9.5"}`, finding.Critical},
		{"openapi/operation-without-auth", "note", `,"properties":{"security-severity":3.0}`, finding.Low},
		{"openapi/operation-without-auth", "note", `,"properties":{"security-severity":"0.0"}`, finding.Info},
		{"openapi/operation-without-auth", "note", `,"properties":{"security-severity":"high"}`, finding.High},
	}
	for _, tt := range tests {
		doc := strings.NewReplacer("RULE", tt.rule, "LEVEL", tt.level, "PROPS", tt.props).Replace(tmpl)
		in, err := Parse("x.sarif", []byte(doc), cat)
		if err != nil {
			t.Fatalf("%s %s %s: %v", tt.rule, tt.level, tt.props, err)
		}
		if got := in.Findings[0].Severity; got != tt.want {
			t.Errorf("%s level %s %s: severity %s, want %s", tt.rule, tt.level, tt.props, got, tt.want)
		}
	}
}

// TestJSONCategory checks that a single-command JSON report's findings
// are its category's analysis, and named after the file without one.
func TestJSONCategory(t *testing.T) {
	dir := t.TempDir()
	r := &report.Result{Threshold: finding.High, Findings: []finding.Finding{fnd("debug/x", finding.Low, "a.js", 1, "")}}
	in := read(t, dir, write(t, dir, "shards/web.json", "json", r), nil)
	if in.Analyses[0] != "web" || in.Derived != "web" || in.Findings[0].Analysis != "web" {
		t.Errorf("no category: analyses %v derived %q finding %q, want web", in.Analyses, in.Derived, in.Findings[0].Analysis)
	}
	r.Category = "launchgate/web/"
	in = read(t, dir, write(t, dir, "shards/other.json", "json", r), nil)
	if in.Analyses[0] != "launchgate/web" || in.Derived != "" || in.Findings[0].Analysis != "launchgate/web" {
		t.Errorf("category: analyses %v derived %q finding %q, want launchgate/web", in.Analyses, in.Derived, in.Findings[0].Analysis)
	}
}

// TestBrokenInputs checks that every input merge cannot trust is a
// one-line error that names the file.
func TestBrokenInputs(t *testing.T) {
	dir := t.TempDir()
	good := &report.Result{Threshold: finding.High, Category: "api", Findings: []finding.Finding{fnd("debug/x", finding.Low, "a.js", 1, "")}}
	goodJSON, err := os.ReadFile(write(t, dir, "good.json", "json", good))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"truncated.json":  string(goodJSON[:len(goodJSON)/2]),
		"empty.json":      "",
		"blank.sarif":     " \n\t\n",
		"other.sarif":     `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"gosec"}},"results":[]}]}`,
		"other.json":      `{"tool":{"name":"gitleaks"},"findings":[]}`,
		"notool.json":     `{"findings":[]}`,
		"norun.sarif":     `{"version":"2.1.0","runs":[]}`,
		"noid.sarif":      `{"runs":[{"tool":{"driver":{"name":"launchgate"}},"results":[]},{"tool":{"driver":{"name":"launchgate"}},"automationDetails":{"id":"b/"},"results":[]}]}`,
		"nofp.sarif":      `{"runs":[{"tool":{"driver":{"name":"launchgate"}},"results":[{"ruleId":"debug/x","message":{"text":"m"}}]}]}`,
		"norule.sarif":    `{"runs":[{"tool":{"driver":{"name":"launchgate"}},"results":[{"message":{"text":"m"},"partialFingerprints":{"launchgate/v1":"f"}}]}]}`,
		"badid.sarif":     `{"runs":[{"tool":{"driver":{"name":"launchgate"}},"automationDetails":{"id":"a b/"},"results":[]}]}`,
		"nofpjson.json":   `{"tool":{"name":"launchgate"},"findings":[{"rule_id":"debug/x","severity":"low"}]}`,
		"nosev.json":      `{"tool":{"name":"launchgate"},"findings":[{"rule_id":"debug/x","fingerprint":"f"}]}`,
		"badsev.json":     `{"tool":{"name":"launchgate"},"findings":[{"rule_id":"debug/x","fingerprint":"f","severity":"never"}]}`,
		"array.json":      `[1,2]`,
		"neither.json":    `{"tool":{"name":"launchgate"}}`,
		"wrongtype.sarif": `{"runs":{"tool":1}}`,
	}
	want := map[string]string{
		"truncated.json":  "not a JSON or SARIF report",
		"empty.json":      "empty file",
		"blank.sarif":     "empty file",
		"other.sarif":     `written by "gosec", not launchgate`,
		"other.json":      `written by "gitleaks", not launchgate`,
		"notool.json":     "names no tool",
		"norun.sarif":     "no runs",
		"noid.sarif":      "run 1 of 2 has no automationDetails.id",
		"nofp.sarif":      "run 1, result 1: no launchgate/v1",
		"norule.sarif":    "no ruleId",
		"badid.sarif":     "not a valid category",
		"nofpjson.json":   "finding 1 (debug/x) has no fingerprint",
		"nosev.json":      "finding 1 has no severity",
		"badsev.json":     "unknown severity",
		"array.json":      "not a JSON or SARIF report",
		"neither.json":    "neither a launchgate JSON report",
		"wrongtype.sarif": "SARIF: line 1",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "shard-dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	want["shard-dir"] = "is a folder"
	want["missing.json"] = "no such file"
	for name, msg := range want {
		t.Run(name, func(t *testing.T) {
			_, err := Read(filepath.Join(dir, name), "reports/"+name, nil)
			if err == nil {
				t.Fatal("read without error")
			}
			s := err.Error()
			if !strings.HasPrefix(s, "reports/"+name+": ") || !strings.Contains(s, msg) || strings.Contains(s, "\n") {
				t.Errorf("error %q: want one line starting with the file and saying %q", s, msg)
			}
			if strings.Count(s, name) != 1 {
				t.Errorf("error %q names the file more than once", s)
			}
		})
	}
}
