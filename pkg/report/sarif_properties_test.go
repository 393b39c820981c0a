package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report/sariftest"
)

// TestSARIFRunProperties checks that every run carries the checks that
// ran and the scorecard evidence, which merge rebuilds the scorecard
// from, and that a run that recorded none of it carries no properties.
func TestSARIFRunProperties(t *testing.T) {
	type props struct {
		Checks   []string            `json:"launchgate/checks"`
		Evidence map[string][]string `json:"launchgate/evidence"`
	}
	decode := func(t *testing.T, r *Result) []map[string]json.RawMessage {
		t.Helper()
		var buf bytes.Buffer
		if err := (SARIFReporter{}).Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		sariftest.CheckRuns(t, sariftest.Schema(t), buf.Bytes())
		var log struct {
			Runs []struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		out := make([]map[string]json.RawMessage, len(log.Runs))
		for i, run := range log.Runs {
			out[i] = run.Properties
		}
		return out
	}

	t.Run("joined report: every run", func(t *testing.T) {
		runs := decode(t, joined(t))
		if len(runs) != 3 {
			t.Fatalf("got %d runs, want 3", len(runs))
		}
		for i, raw := range runs {
			b, _ := json.Marshal(raw)
			var p props
			if err := json.Unmarshal(b, &p); err != nil {
				t.Fatal(err)
			}
			if want := []string{"dns", "openapi", "probe", "secrets"}; !slices.Equal(p.Checks, want) {
				t.Errorf("run %d: checks = %v, want %v", i, p.Checks, want)
			}
			wantAuth := []string{"4 of 5 operations declare auth", "5 of 5 operations refused a request without a token"}
			if !slices.Equal(p.Evidence["auth"], wantAuth) || !slices.Equal(p.Evidence["tenant"], []string{"2 identities"}) {
				t.Errorf("run %d: evidence = %v", i, p.Evidence)
			}
		}
	})
	t.Run("unverified", func(t *testing.T) {
		r := &Result{Threshold: finding.High, Ran: map[string]bool{"probe-abuse": true},
			Unverified: map[string][]string{"ratelimit": {"no sign-in burst sent"}, "cors": {}}}
		runs := decode(t, r)
		var got map[string][]string
		if err := json.Unmarshal(runs[0]["launchgate/unverified"], &got); err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || !slices.Equal(got["ratelimit"], []string{"no sign-in burst sent"}) {
			t.Errorf("unverified = %v, want ratelimit's line only", got)
		}
		if _, ok := runs[0]["launchgate/evidence"]; ok {
			t.Errorf("evidence written without any: %s", runs[0]["launchgate/evidence"])
		}
	})
	t.Run("nothing recorded: no properties", func(t *testing.T) {
		r := &Result{Threshold: finding.High, Findings: []finding.Finding{{RuleID: "debug/x", Severity: finding.Low, File: "a", Line: 1}}}
		runs := decode(t, r)
		if len(runs) != 1 || runs[0] != nil {
			t.Errorf("properties = %v, want none", runs)
		}
	})
}
