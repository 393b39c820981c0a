package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

func TestJSONShape(t *testing.T) {
	tests := []struct {
		name         string
		r            *Result
		wantFindings int
		wantSummary  map[string]any
	}{
		{
			name:         "empty findings are an empty list",
			r:            &Result{Tool: Tool{Version: "dev"}, Threshold: finding.High},
			wantFindings: 0,
			wantSummary: map[string]any{"total": 0.0, "blocking": 0.0, "suppressed": 0.0, "passed": true, "threshold": "high",
				"by_severity": map[string]any{"critical": 0.0, "high": 0.0, "medium": 0.0, "low": 0.0, "info": 0.0}},
		},
		{
			name:         "fixed result",
			r:            fixedResult(t),
			wantFindings: 6,
			wantSummary: map[string]any{"total": 5.0, "blocking": 3.0, "suppressed": 1.0, "passed": false, "threshold": "high",
				"by_severity": map[string]any{"critical": 1.0, "high": 2.0, "medium": 1.0, "low": 1.0, "info": 0.0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := (JSONReporter{}).Write(&buf, tt.r); err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(buf.String(), "}\n") || !strings.Contains(buf.String(), "\n  \"tool\"") {
				t.Errorf("output is not indented JSON ending in a newline")
			}
			var doc map[string]any
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			wantKeys := []string{"findings", "summary", "tool"}
			if tt.r.Category != "" {
				// A job's category, so that merge tells the jobs apart;
				// the default category writes none.
				wantKeys = []string{"category", "findings", "summary", "tool"}
				if doc["category"] != tt.r.Category {
					t.Errorf("category = %v, want %q", doc["category"], tt.r.Category)
				}
			}
			if keys := sortedKeys(doc); !slices.Equal(keys, wantKeys) {
				t.Errorf("top-level keys = %v, want %v", keys, wantKeys)
			}
			tool, _ := doc["tool"].(map[string]any)
			if tool["name"] != "launchgate" || tool["version"] != tt.r.Tool.Version {
				t.Errorf("tool = %v", tool)
			}
			fs, ok := doc["findings"].([]any)
			if !ok {
				t.Fatalf("findings = %#v, want a list", doc["findings"])
			}
			if len(fs) != tt.wantFindings {
				t.Errorf("got %d findings, want %d", len(fs), tt.wantFindings)
			}
			summary, _ := doc["summary"].(map[string]any)
			if tt.r.Catalog != nil {
				checkJSONScorecard(t, tt.r, summary)
			}
			delete(summary, "checks")
			delete(summary, "scorecard")
			if !jsonEqual(summary, tt.wantSummary) {
				t.Errorf("summary = %v, want %v", summary, tt.wantSummary)
			}
		})
	}
}

func TestJSONFindingFields(t *testing.T) {
	var buf bytes.Buffer
	r := fixedResult(t)
	if err := (JSONReporter{}).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	want := []string{"category", "column", "file", "fingerprint", "line", "message", "rule_id", "severity", "suppressed", "title", "url"}
	for i, f := range doc.Findings {
		keys := sortedKeys(f)
		keys = slices.DeleteFunc(keys, func(k string) bool { return k == "suppression" })
		if !slices.Equal(keys, want) {
			t.Errorf("finding %d keys = %v, want %v", i, keys, want)
		}
		if f["rule_id"] != r.Findings[i].RuleID || f["severity"] != r.Findings[i].Severity.String() {
			t.Errorf("finding %d = %v, want %s %s", i, f, r.Findings[i].RuleID, r.Findings[i].Severity)
		}
	}
	if !strings.Contains(buf.String(), `"message": "GET /invoices/{invoiceId} | takes`) {
		t.Error("message was altered or HTML-escaped")
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// checkJSONScorecard compares summary's checks and scorecard with what
// the Result judges: every row, its status, counts and unmet parts.
func checkJSONScorecard(t *testing.T, r *Result, summary map[string]any) {
	t.Helper()
	checks, _ := summary["checks"].([]any)
	if len(checks) != len(ranChecks(r)) {
		t.Errorf("checks = %v, want %v", checks, ranChecks(r))
	}
	rows, _ := summary["scorecard"].([]any)
	want := Scorecard(r)
	if len(rows) != len(want) {
		t.Fatalf("scorecard has %d rows, want %d", len(rows), len(want))
	}
	for i, raw := range rows {
		row, _ := raw.(map[string]any)
		w := want[i]
		if row["id"] != w.Area.ID || row["status"] != w.Status || row["findings"] != float64(w.Findings) || row["blocking"] != float64(w.Blocking) {
			t.Errorf("row %d = %v, want %s %s with %d findings, %d blocking", i, row, w.Area.ID, w.Status, w.Findings, w.Blocking)
		}
		if notRun, _ := row["not_run"].([]any); len(notRun) != len(w.NotChecked) {
			t.Errorf("row %s not_run = %v, want %d parts", w.Area.ID, row["not_run"], len(w.NotChecked))
		}
		if _, ok := row["evidence"].([]any); !ok {
			t.Errorf("row %s evidence = %#v, want a list", w.Area.ID, row["evidence"])
		}
	}
}
