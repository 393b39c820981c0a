package process

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

func TestBaseline(t *testing.T) {
	known := fnd("openapi/x", "api.yaml", 4)
	other := fnd("openapi/y", "api.yaml", 9)
	tests := []struct {
		name    string
		content string
	}{
		{"launchgate JSON report", `{
  "tool": {"name": "launchgate", "version": "1.0.0"},
  "findings": [
    {"rule_id": "openapi/x", "file": "api.yaml", "line": 2, "fingerprint": "` + known.Fingerprint + `", "suppressed": false}
  ],
  "summary": {"total": 1, "blocking": 1, "passed": false}
}`},
		{"SARIF with launchgate fingerprints", `{
  "version": "2.1.0",
  "runs": [{"tool": {"driver": {"name": "launchgate"}}, "results": [
    {"ruleId": "openapi/x", "partialFingerprints": {"launchgate/v1": "` + known.Fingerprint + `", "primaryLocationLineHash": "zzz:1"}}
  ]}]
}`},
		{"SARIF with only the line hash", `{
  "version": "2.1.0",
  "runs": [{"results": [{"ruleId": "openapi/x", "partialFingerprints": {"primaryLocationLineHash": "` + known.Fingerprint + `:3"}}]}]
}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "baseline.json")
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			b, err := LoadBaseline(path)
			if err != nil {
				t.Fatal(err)
			}
			if b.Len() != 1 {
				t.Errorf("baseline holds %d findings, want 1", b.Len())
			}
			got, err := Baseline(b).Process([]finding.Finding{known, other})
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"openapi/x@4 baseline", "openapi/y@9 -"}
			if !slices.Equal(outcome(got), want) {
				t.Errorf("got %v, want %v", outcome(got), want)
			}
		})
	}
}

func TestBaselineErrors(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    string
	}{
		{"corrupt JSON", "{\n  \"findings\": [\n    {\"fingerprint\": \"a\",,}\n  ]\n}", "b.json: not a JSON or SARIF report: line 3: invalid character ','"},
		{"truncated", `{"findings": [`, "b.json: not a JSON or SARIF report: line 1: unexpected end of JSON input"},
		{"not an object", `[1, 2]`, "b.json: not a JSON or SARIF report"},
		{"neither format", `{"results": []}`, `b.json: neither a launchgate JSON report (no "findings") nor SARIF (no "runs")`},
		{"wrong type in a report", `{"findings": [{"fingerprint": 7}]}`, "b.json: JSON report: line 1: json: cannot unmarshal number"},
		{"finding without fingerprint", `{"findings": [{"rule_id": "openapi/x"}]}`, "b.json: JSON report: finding 1 has no fingerprint"},
		{"SARIF result without fingerprint", `{"runs": [{"results": [{"ruleId": "x"}]}]}`, "b.json: SARIF: run 1, result 1 has no launchgate/v1 or primaryLocationLineHash fingerprint"},
		{"empty file", ``, "b.json: not a JSON or SARIF report"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseBaseline("b.json", []byte(tt.content))
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "baseline b.json: ") {
				t.Errorf("error = %v, want one starting \"baseline b.json: \" and containing %q", err, tt.want)
			}
		})
	}
	if _, err := LoadBaseline(filepath.Join(t.TempDir(), "missing.sarif")); err == nil || !strings.Contains(err.Error(), "missing.sarif") {
		t.Errorf("LoadBaseline of a missing file = %v, want an error naming it", err)
	}
}

func TestBaselineEmptyReports(t *testing.T) {
	for _, content := range []string{`{"findings": []}`, `{"findings": null}`, `{"runs": []}`} {
		b, err := ParseBaseline("b.json", []byte(content))
		if err != nil || b.Len() != 0 {
			t.Errorf("%s: %v, %d findings; want an empty baseline", content, err, b.Len())
		}
	}
}

func FuzzParseBaseline(f *testing.F) {
	f.Add([]byte(`{"findings": [{"fingerprint": "a"}]}`))
	f.Add([]byte(`{"runs": [{"results": [{"partialFingerprints": {"primaryLocationLineHash": "a:1"}}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ParseBaseline("f.json", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "baseline f.json: ") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		fs, _ := b.Process([]finding.Finding{fnd("openapi/x", "a", 1)})
		if len(fs) != 1 {
			t.Fatal("baseline dropped a finding")
		}
	})
}
