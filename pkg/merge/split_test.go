package merge

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
	"github.com/launchgate/launchgate/pkg/report/sariftest"
)

// TestSplit merges 25 analyses, more than one SARIF file may hold, and
// checks that they split into a file of 20 runs and one of 5, each valid
// for upload, with every analysis and finding in exactly one of them.
func TestSplit(t *testing.T) {
	cat := testCatalog(t)
	var inputs []*Input
	for i := range 25 {
		id := fmt.Sprintf("svc-%02d", i)
		f := fnd("openapi/operation-without-auth", finding.High, id+"/openapi.yaml", i+1, "")
		f.Analysis = id
		inputs = append(inputs, &Input{File: id + ".json", Analyses: []string{id}, Findings: []finding.Finding{f},
			Checks: []string{"openapi"}, Notes: []string{id + " note"}})
	}
	// Analyses without findings still get their run, so that an upload
	// closes the alerts they fixed.
	inputs[24].Findings = nil
	res, err := Merge(inputs, Options{Threshold: finding.High, Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	parts := Split(res, 0)
	if len(parts) != 2 {
		t.Fatalf("%d parts, want 2", len(parts))
	}
	sch := sariftest.Schema(t)
	seen := map[string]int{}
	results := 0
	for i, p := range parts {
		var buf bytes.Buffer
		if err := (report.SARIFReporter{}).Write(&buf, p); err != nil {
			t.Fatal(err)
		}
		doc := sariftest.CheckRuns(t, sch, buf.Bytes())
		if want := []int{20, 5}[i]; len(doc.Runs) != want {
			t.Errorf("file %d: %d runs, want %d", i+1, len(doc.Runs), want)
		}
		for _, run := range doc.Runs {
			seen[run.AutomationDetails.ID]++
			results += len(run.Results)
		}
		if hasNotes := strings.Contains(buf.String(), "svc-00 note"); hasNotes != (i == 0) {
			t.Errorf("file %d: notes present %v, want them in the first file only", i+1, hasNotes)
		}
		if !strings.Contains(buf.String(), `"launchgate/checks"`) {
			t.Errorf("file %d: runs lack the checks that ran", i+1)
		}
	}
	if len(seen) != 25 || results != 24 {
		t.Errorf("%d analyses and %d results over the files, want 25 and 24", len(seen), results)
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("analysis %s in %d files", id, n)
		}
	}
	if one := Split(&report.Result{Analyses: []string{"a", "b"}}, 0); len(one) != 1 {
		t.Errorf("2 analyses split into %d parts, want 1", len(one))
	}
}

// TestOverLimitRunIsCapped merges one analysis with more results than
// code scanning takes in a run: the run keeps 25,000, the most severe,
// and says how many it left out; reading that SARIF back carries the
// notice on as a note.
func TestOverLimitRunIsCapped(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads back 25,010 results, a few seconds; skipped with -short")
	}
	const n = report.DefaultMaxResults + 10
	fs := make([]finding.Finding, n)
	for i := range fs {
		sev := finding.Low
		if i%1000 == 0 {
			sev = finding.Critical
		}
		fs[i] = fnd("openapi/operation-without-auth", sev, fmt.Sprintf("spec-%05d.yaml", i), 1, "")
		fs[i].Analysis = "big"
	}
	res, err := Merge([]*Input{{File: "big.json", Analyses: []string{"big"}, Findings: fs}}, Options{Threshold: finding.High, Catalog: testCatalog(t)})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := (report.SARIFReporter{}).Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	doc := sariftest.CheckRuns(t, sariftest.Schema(t), buf.Bytes())
	run := doc.Runs[0]
	if len(run.Results) != report.DefaultMaxResults {
		t.Errorf("%d results, want %d", len(run.Results), report.DefaultMaxResults)
	}
	errors := 0
	for _, r := range run.Results {
		if r.Level == "error" {
			errors++
		}
	}
	if errors != n/1000+1 {
		t.Errorf("%d critical results kept, want all %d", errors, n/1000+1)
	}
	want := fmt.Sprintf("10 of %d results were left out", n)
	if len(run.Invocations) == 0 || !strings.Contains(run.Invocations[0].ToolExecutionNotifications[0].Message.Text, want) {
		t.Errorf("no notification %q: %+v", want, run.Invocations)
	}
	in, err := Parse("merged.sarif", buf.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Notes) != 1 || !strings.Contains(in.Notes[0], "merged.sarif (big): "+want) {
		t.Errorf("notes read back = %v", in.Notes)
	}
}
