package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
	"github.com/launchgate/launchgate/pkg/report/sariftest"
)

// mergeShards writes the reports of a three-job matrix into dir, by
// running scan as the jobs would:
//
//   - reports/api/launchgate.json and .sarif: the vulnerable portal (12
//     findings, 1 critical and 6 high), in both formats, no category: named
//     "api" after the folder, and one analysis for both files;
//   - reports/web/launchgate.sarif: the fixed portal, no findings, named
//     "web";
//   - reports/billing/launchgate.json: the vulnerable portal's findings
//     again (the same fingerprints), a joined report under category
//     "billing" whose findings carry its scan's analysis: they stay
//     findings of their own.
//
// Every job ran with --fail-on never; the merge's own --fail-on decides.
func mergeShards(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	vuln, _ := filepath.Abs(portal("vulnerable"))
	fixed, _ := filepath.Abs(portal("fixed"))
	for _, job := range [][]string{
		{vuln, "json", "reports/api/launchgate.json"},
		{vuln, "sarif", "reports/api/launchgate.sarif"},
		{fixed, "sarif", "reports/web/launchgate.sarif"},
	} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(job[2])), 0o755); err != nil {
			t.Fatal(err)
		}
		if r := run(t, dir, "scan", job[0], "--format", job[1], "--output", job[2], "--fail-on", "never"); r.code != ExitOK {
			t.Fatalf("scan %v: exit %d\n%s", job, r.code, r.stderr)
		}
	}
	var doc struct {
		Findings []finding.Finding `json:"findings"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "reports/api/launchgate.json"))
	if err != nil {
		t.Fatal(err)
	}
	decodeJSON(t, string(data), &doc)
	scan := &report.Result{Tool: report.Tool{Name: report.ToolName}, Threshold: finding.Never,
		Ran: map[string]bool{"openapi": true}, Findings: doc.Findings}
	writeReport(t, filepath.Join(dir, "reports/billing/launchgate.json"), "json",
		report.Join("billing", report.Part{Command: "scan", Result: scan}))
	return dir
}

func writeReport(t *testing.T, path, format string, r *report.Result) {
	t.Helper()
	rep, err := report.New(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

var shardReports = []string{"reports/api/launchgate.json", "reports/api/launchgate.sarif", "reports/web/launchgate.sarif", "reports/billing/launchgate.json"}

func TestMergeMatrix(t *testing.T) {
	dir := mergeShards(t)
	r := run(t, dir, append([]string{"merge", "--format", "json"}, shardReports...)...)
	if r.code != ExitBlocking {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
	}
	var doc struct {
		Findings []finding.Finding `json:"findings"`
		Summary  struct {
			Total, Blocking int
			Analyses        []string `json:"analyses"`
			Checks          []string `json:"checks"`
			Scorecard       []struct {
				ID, Status string
			} `json:"scorecard"`
		} `json:"summary"`
	}
	decodeJSON(t, r.stdout, &doc)
	billing := report.AnalysisID("billing", "scan")
	if want := []string{"api", "web", billing}; !slices.Equal(doc.Summary.Analyses, want) {
		t.Errorf("analyses = %v, want %v", doc.Summary.Analyses, want)
	}
	// The api JSON and SARIF hold the same 12 findings: once each. The
	// billing job's same findings stay in their own analysis.
	per := map[string]int{}
	seen := map[string]bool{}
	for _, f := range doc.Findings {
		per[f.Analysis]++
		k := f.Analysis + " " + f.Fingerprint
		if seen[k] {
			t.Errorf("%s twice in %s", f.RuleID, f.Analysis)
		}
		seen[k] = true
	}
	if per["api"] != 12 || per[billing] != 12 || per["web"] != 0 || len(doc.Findings) != 24 {
		t.Errorf("findings by analysis = %v, want api 12, %s 12", per, billing)
	}
	if doc.Summary.Blocking != 14 {
		t.Errorf("blocking = %d, want 14 (7 in each of api and %s)", doc.Summary.Blocking, billing)
	}
	if !slices.Contains(doc.Summary.Checks, "secrets") || !slices.Contains(doc.Summary.Checks, "debug") {
		t.Errorf("checks = %v, want the scan's checks from the SARIF runs and the JSON", doc.Summary.Checks)
	}
	for _, row := range doc.Summary.Scorecard {
		want := map[string]string{"auth": "fail", "secrets": "pass", "email": "not run"}[row.ID]
		if want != "" && row.Status != want {
			t.Errorf("scorecard %s: %s, want %s", row.ID, row.Status, want)
		}
	}

	for _, tt := range []struct {
		args []string
		code int
	}{
		{append([]string{"merge", "--fail-on", "critical"}, shardReports...), ExitBlocking},
		{append([]string{"merge", "--fail-on", "never"}, shardReports...), ExitOK},
		{[]string{"merge", "reports/web/launchgate.sarif"}, ExitOK},
		{[]string{"merge", "--fail-on", "low", "reports/web/launchgate.sarif"}, ExitOK},
		{[]string{"merge", "--fail-on", "low", "reports/billing/launchgate.json"}, ExitBlocking},
		{[]string{"merge", "--fail-on", "sometimes", "reports/web/launchgate.sarif"}, ExitError},
		{[]string{"merge", "--format", "yaml", "reports/web/launchgate.sarif"}, ExitError},
		{[]string{"merge"}, ExitError},
	} {
		if r := run(t, dir, tt.args...); r.code != tt.code {
			t.Errorf("%v: exit %d, want %d\n%s", tt.args, r.code, tt.code, r.stderr)
		}
	}

	r = run(t, dir, append([]string{"merge", "--format", "sarif", "--output", "merged.sarif"}, shardReports...)...)
	if r.code != ExitBlocking || !strings.Contains(r.stderr, "merged.sarif") || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "merged.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	sdoc := sariftest.CheckRuns(t, sariftest.Schema(t), data)
	var ids []string
	for _, run := range sdoc.Runs {
		ids = append(ids, run.AutomationDetails.ID)
	}
	if want := []string{"api/", "web/", billing + "/"}; !slices.Equal(ids, want) {
		t.Errorf("SARIF runs %v, want %v", ids, want)
	}
}

// TestMergeSplitsSARIF merges 25 jobs' reports, more analyses than one
// SARIF file may hold: --output FILE and --output DIR/ write two files,
// each valid for upload, and stdout refuses.
func TestMergeSplitsSARIF(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i := range 25 {
		f := finding.Finding{RuleID: "openapi/operation-without-auth", Severity: finding.High, File: "openapi.yaml", Line: i + 1, Key: "k"}
		f.SetFingerprint()
		r := &report.Result{Tool: report.Tool{Name: report.ToolName}, Threshold: finding.Never, Category: fmt.Sprintf("svc-%02d", i),
			Ran: map[string]bool{"openapi": true}, Findings: []finding.Finding{f}}
		name := fmt.Sprintf("reports/svc-%02d.json", i)
		writeReport(t, filepath.Join(dir, name), "json", r)
		files = append(files, name)
	}
	sch := sariftest.Schema(t)
	for _, tt := range []struct{ output, first, second string }{
		{"merged.sarif", "merged.sarif", "merged-2.sarif"},
		{"upload/", "upload/launchgate.sarif", "upload/launchgate-2.sarif"},
	} {
		t.Run(tt.output, func(t *testing.T) {
			r := run(t, dir, append([]string{"merge", "--format", "sarif", "--output", tt.output}, files...)...)
			if r.code != ExitBlocking {
				t.Fatalf("exit %d\n%s", r.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.first+", "+tt.second+" (25 analyses") {
				t.Errorf("stderr does not name both files: %s", r.stderr)
			}
			runs := 0
			for i, name := range []string{tt.first, tt.second} {
				data, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				doc := sariftest.CheckRuns(t, sch, data)
				if want := []int{20, 5}[i]; len(doc.Runs) != want {
					t.Errorf("%s: %d runs, want %d", name, len(doc.Runs), want)
				}
				runs += len(doc.Runs)
			}
			if runs != 25 {
				t.Errorf("%d runs in all, want 25", runs)
			}
		})
	}
	r := run(t, dir, append([]string{"merge", "--format", "sarif"}, files...)...)
	if r.code != ExitError || r.stdout != "" || !strings.Contains(r.stderr, "--output") {
		t.Errorf("SARIF of 25 analyses to stdout: exit %d, stdout %d bytes, stderr %s", r.code, len(r.stdout), r.stderr)
	}
	// The same reports as JSON, one file, with the merged verdict.
	r = run(t, dir, append([]string{"merge", "--format", "json", "--output", "upload/"}, files...)...)
	if r.code != ExitBlocking || !strings.Contains(r.stderr, filepath.Join("upload", "launchgate.json")) {
		t.Errorf("JSON into a folder: exit %d, stderr %s", r.code, r.stderr)
	}
}

// TestMergeBrokenInputs checks that each input merge cannot read is exit
// 2 with one line naming the file, and no report.
func TestMergeBrokenInputs(t *testing.T) {
	dir := mergeShards(t)
	good, err := os.ReadFile(filepath.Join(dir, "reports/api/launchgate.json"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"truncated.json": string(good[:len(good)*2/3]),
		"gosec.sarif":    `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"gosec","rules":[]}},"results":[]}]}`,
		"empty.sarif":    "",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string]string{
		"truncated.json": "not a JSON or SARIF report",
		"gosec.sarif":    `written by "gosec", not launchgate`,
		"empty.sarif":    "empty file",
		"reports":        "is a folder",
		"missing.json":   "no such file",
	} {
		t.Run(name, func(t *testing.T) {
			r := run(t, dir, "merge", "--format", "json", "reports/api/launchgate.json", name)
			if r.code != ExitError || r.stdout != "" {
				t.Fatalf("exit %d, stdout %q; want 2 and no report", r.code, r.stdout)
			}
			lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
			if len(lines) != 1 || !strings.HasPrefix(lines[0], "launchgate: "+name+": ") || !strings.Contains(lines[0], want) {
				t.Errorf("stderr %q: want one line naming %s and saying %q", r.stderr, name, want)
			}
		})
	}
}

func TestMergeListed(t *testing.T) {
	r := run(t, ".", "help")
	if !strings.Contains(r.stdout, "merge REPORT...") {
		t.Errorf("usage lacks merge:\n%s", r.stdout)
	}
	r = run(t, ".", "nosuch")
	if !strings.Contains(r.stderr, "merge") {
		t.Errorf("unknown-command error does not list merge: %s", r.stderr)
	}
}
