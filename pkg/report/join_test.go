package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report/sariftest"
)

// joined is a scan with two findings, a probe with one and a dns run
// with none, joined under category "web".
func joined(t *testing.T) *Result {
	t.Helper()
	cat := testCatalog(t)
	f := func(rule, file string, line int, url string) finding.Finding {
		x := finding.Finding{RuleID: rule, Severity: finding.High, File: file, Line: line, URL: url, Key: file + url}
		x.SetFingerprint()
		return x
	}
	scan := &Result{Tool: Tool{Name: ToolName, Version: "1.2.3"}, Threshold: finding.High, Catalog: cat,
		Ran:      map[string]bool{"openapi": true, "secrets": true},
		Tally:    map[string][]string{"auth": {"4 of 5 operations declare auth"}},
		Notes:    []string{"an ignore expired"},
		Findings: []finding.Finding{f("openapi/operation-without-auth", "api/openapi.yaml", 9, ""), f("secret/generic-api-key", "web/app.js", 3, "")}}
	probe := &Result{Catalog: cat, Ran: map[string]bool{"probe": true},
		Tally:    map[string][]string{"auth": {"5 of 5 operations refused a request without a token"}, "tenant": {"2 identities"}},
		Coverage: []string{"probed 5 operations"},
		Findings: []finding.Finding{f("openapi/operation-without-auth", "api/openapi.yaml", 4, "https://portal.example/api")}}
	dns := &Result{Catalog: cat, Ran: map[string]bool{"dns": true}}
	return Join("web", Part{"scan", scan}, Part{"probe", probe}, Part{"dns", dns})
}

func TestJoin(t *testing.T) {
	r := joined(t)
	if want := []string{"web", "web/probe", "web/dns"}; !slices.Equal(r.Analyses, want) {
		t.Errorf("analyses = %q, want %q", r.Analyses, want)
	}
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.Analysis+" "+f.File)
	}
	// Sorted as every report is (file, then URL, then line) across
	// commands, each with its analysis.
	want := []string{"web api/openapi.yaml", "web/probe api/openapi.yaml", "web web/app.js"}
	if !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
	if !r.Ran["openapi"] || !r.Ran["probe"] || !r.Ran["dns"] {
		t.Errorf("ran = %v, want the checks of every part", r.Ran)
	}
	if r.Tool.Version != "1.2.3" || r.Threshold != finding.High || r.Category != "web" {
		t.Errorf("tool %v, threshold %v, category %q: want the first part's and the given category", r.Tool, r.Threshold, r.Category)
	}
	if len(r.Tally["auth"]) != 2 || len(r.Tally["tenant"]) != 1 {
		t.Errorf("tally = %v, want both parts' evidence", r.Tally)
	}
	if s := r.Summary(); s.Blocking != 3 {
		t.Errorf("blocking = %d, want 3: one verdict over every part", s.Blocking)
	}
	// The auth row has both its parts now, and fails.
	auth := Scorecard(r)[0]
	if auth.Status != StatusFail || !auth.Complete() || len(auth.Evidence) != 2 {
		t.Errorf("auth row = %s, complete %v, evidence %q", auth.Status, auth.Complete(), auth.Evidence)
	}
}

func TestAnalysisID(t *testing.T) {
	for _, tt := range []struct{ category, command, want string }{
		{"", "scan", "launchgate"},
		{"web", "scan", "web"},
		{"", "probe", "launchgate/probe"},
		{"web", "probe", "web/probe"},
		{"/web/", "dns", "web/dns"},
	} {
		if got := AnalysisID(tt.category, tt.command); got != tt.want {
			t.Errorf("AnalysisID(%q, %q) = %q, want %q", tt.category, tt.command, got, tt.want)
		}
	}
}

// A joined report is one SARIF run per command, each with its own
// automationDetails.id and only its own results, even a run without
// findings; the file is valid against the SARIF schema.
func TestJoinedSARIFRuns(t *testing.T) {
	var buf bytes.Buffer
	if err := (SARIFReporter{}).Write(&buf, joined(t)); err != nil {
		t.Fatal(err)
	}
	sariftest.CheckRuns(t, sariftest.Schema(t), buf.Bytes())
	var doc struct {
		Runs []struct {
			AutomationDetails struct {
				ID string `json:"id"`
			} `json:"automationDetails"`
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
			Invocations []any `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, run := range doc.Runs {
		got = append(got, run.AutomationDetails.ID+" "+string(rune('0'+len(run.Results))))
	}
	if want := []string{"web/ 2", "web/probe/ 1", "web/dns/ 0"}; !slices.Equal(got, want) {
		t.Errorf("runs = %q, want %q", got, want)
	}
	if len(doc.Runs[0].Invocations) != 1 || len(doc.Runs[1].Invocations) != 0 {
		t.Errorf("the notes go with the first run only")
	}
}

// Over the result limit, every run keeps its most severe findings up to
// the limit of its own.
func TestJoinedSARIFLimitPerRun(t *testing.T) {
	r := joined(t)
	r.Findings[1].Severity = finding.Low
	var buf bytes.Buffer
	if err := (SARIFReporter{MaxResults: 1}).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			Results []struct {
				Level string `json:"level"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) != 3 || len(doc.Runs[0].Results) != 1 || len(doc.Runs[1].Results) != 1 {
		t.Fatalf("runs = %+v, want one result in each of the first two", doc.Runs)
	}
	if doc.Runs[0].Results[0].Level != "error" {
		t.Errorf("the scan run kept %q, want the high finding", doc.Runs[0].Results[0].Level)
	}
}

func TestJoinedJSONAnalyses(t *testing.T) {
	var buf bytes.Buffer
	if err := (JSONReporter{}).Write(&buf, joined(t)); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []struct {
			Analysis string `json:"analysis"`
		} `json:"findings"`
		Summary struct {
			Analyses []string `json:"analyses"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Summary.Analyses) != 3 || doc.Findings[1].Analysis != "web/probe" {
		t.Errorf("analyses %q, second finding's %q", doc.Summary.Analyses, doc.Findings[1].Analysis)
	}
}
