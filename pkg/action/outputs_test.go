package action

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
)

func TestWriteOutputs(t *testing.T) {
	file := filepath.Join(t.TempDir(), "output")
	if err := os.WriteFile(file, []byte("earlier=step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	outs := []output{
		{"findings", "3"},
		{"sarif-file", "/tmp/with space/launchgate.sarif"},
		{"multi", "line one\nline two\nghadelimiter_x"},
	}
	if err := writeOutputs(file, outs); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	got := parseOutputs(t, string(data))
	want := map[string]string{"earlier": "step", "findings": "3", "sarif-file": "/tmp/with space/launchgate.sarif", "multi": "line one\nline two\nghadelimiter_x"}
	if !mapsEqual(got, want) {
		t.Errorf("outputs read back as %q, want %q\nfile:\n%s", got, want, data)
	}
	if !strings.HasPrefix(string(data), "earlier=step\nfindings=3\n") {
		t.Errorf("single-line values should use name=value after what was there:\n%s", data)
	}
}

func TestWriteOutputsNamesTheVariableOnError(t *testing.T) {
	err := writeOutputs(filepath.Join(t.TempDir(), "missing", "output"), []output{{"a", "b"}})
	if err == nil || !strings.Contains(err.Error(), "GITHUB_OUTPUT") {
		t.Errorf("error %v, want one naming GITHUB_OUTPUT", err)
	}
}

func TestSARIFDropNotice(t *testing.T) {
	var fs []finding.Finding
	for i := range 5 {
		fs = append(fs, finding.Finding{RuleID: "openapi/operation-without-auth", Severity: finding.High, File: "api.yaml", Line: i + 1, Message: "m"})
	}
	res := &report.Result{Findings: fs, Threshold: finding.High, Category: "launchgate"}
	for _, tc := range []struct {
		name   string
		max    int
		notice string
	}{
		{name: "within the limit", max: 0},
		{name: "over the limit", max: 2, notice: "::notice::The SARIF file holds 2 of 5 findings"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			r := &runner{out: newCommands(&buf), workspace: t.TempDir(), env: Env{Getenv: func(string) string { return "" }}}
			r.sarif.MaxResults = tc.max
			file, err := r.writeSARIF(res)
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(r.workspace, ".launchgate", "launchgate.sarif"); file != want {
				t.Errorf("SARIF at %s, want %s without RUNNER_TEMP", file, want)
			}
			notices := commandLines(buf.String(), "notice")
			switch {
			case tc.notice == "" && len(notices) != 0:
				t.Errorf("unexpected notices %q", notices)
			case tc.notice != "" && (len(notices) != 1 || !strings.HasPrefix(notices[0], tc.notice)):
				t.Errorf("notices %q, want one starting %q", notices, tc.notice)
			}
		})
	}
}

// checkScorecardOutput decodes the scorecard output: the checklist's ten
// rows as the JSON report's summary.scorecard, with the statuses want
// names.
func checkScorecardOutput(t *testing.T, out string, want map[string]string) {
	t.Helper()
	var rows []struct {
		ID       string   `json:"id"`
		Status   string   `json:"status"`
		Evidence []string `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("scorecard output %q: %v", out, err)
	}
	if strings.Contains(out, "\n") || len(rows) != 10 {
		t.Errorf("scorecard output has %d rows on %d lines, want 10 on one", len(rows), strings.Count(out, "\n")+1)
	}
	got := map[string]string{}
	for _, r := range rows {
		got[r.ID] = r.Status
	}
	for id, status := range want {
		if got[id] != status {
			t.Errorf("scorecard row %s = %q, want %q", id, got[id], status)
		}
	}
}
