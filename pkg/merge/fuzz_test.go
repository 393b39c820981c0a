package merge

import (
	"bytes"
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
)

// maxFuzzReport bounds the inputs: the decoder is linear, and larger
// inputs only slow the engine's minimising.
const maxFuzzReport = 16 << 10

// FuzzParse feeds the report decoder arbitrary bytes: it must never
// panic, and what it accepts must hold up for merging: a valid analysis
// for every finding, a rule and a fingerprint, and a result every
// format can write.
func FuzzParse(f *testing.F) {
	cat := testCatalog(f)
	live := fnd("probe/unauthenticated-access", finding.Critical, "", 0, "https://portal.example/api?q=1")
	hidden := fnd("openapi/api-key-in-query", finding.Medium, "a b/%.yaml", 3, "")
	hidden.Suppressed, hidden.Suppression = true, "baseline"
	single := &report.Result{Catalog: cat, Threshold: finding.High, Category: "api",
		Ran: map[string]bool{"openapi": true}, Tally: map[string][]string{"auth": {"1 of 2"}},
		Notes: []string{"an ignore expired"}, Findings: []finding.Finding{live, hidden}}
	probe := &report.Result{Catalog: cat, Findings: []finding.Finding{live}}
	joined := report.Join("web", report.Part{Command: "scan", Result: single}, report.Part{Command: "probe", Result: probe})
	for _, r := range []*report.Result{single, joined} {
		for _, format := range []string{"json", "sarif"} {
			rep, _ := report.New(format)
			var buf bytes.Buffer
			if err := rep.Write(&buf, r); err != nil {
				f.Fatal(err)
			}
			f.Add(buf.Bytes())
			f.Add(buf.Bytes()[:buf.Len()/3])
		}
	}
	f.Add([]byte(`{"runs":[{"tool":{"driver":{"name":"launchgate"}},"results":[{"ruleId":"x/y","partialFingerprints":{"primaryLocationLineHash":"ab:1"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"%zz"}}}]}]}]}`))
	f.Add([]byte(`{"tool":{"name":"launchgate"},"findings":[{"rule_id":"a","fingerprint":"f","severity":"low","analysis":"/"}]}`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzReport {
			t.Skip("reports past 16 KiB add length, not new shapes: the decoder is linear")
		}
		in, err := Parse("fuzz.json", data, cat)
		if err != nil {
			if in != nil {
				t.Fatal("an input together with an error")
			}
			return
		}
		if len(in.Analyses) == 0 {
			t.Fatal("accepted a report without an analysis")
		}
		for _, a := range in.Analyses {
			if err := checkAnalysis(a); err != nil {
				t.Fatalf("accepted analysis: %v", err)
			}
		}
		for _, x := range in.Findings {
			if x.RuleID == "" || x.Fingerprint == "" || !slices.Contains(in.Analyses, x.Analysis) {
				t.Fatalf("accepted finding rule %q fingerprint %q analysis %q of %v", x.RuleID, x.Fingerprint, x.Analysis, in.Analyses)
			}
			if x.Severity < finding.Info || x.Severity > finding.Critical {
				t.Fatalf("severity %d", x.Severity)
			}
		}
		res, err := Merge([]*Input{in}, Options{Threshold: finding.High, Catalog: cat})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range Split(res, 2) {
			for _, format := range report.Formats() {
				rep, _ := report.New(format)
				var buf bytes.Buffer
				if err := rep.Write(&buf, p); err != nil {
					t.Fatalf("%s: %v", format, err)
				}
			}
		}
	})
}
