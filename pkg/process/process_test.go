package process

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

type failing struct{}

func (failing) Name() string { return "failing" }
func (failing) Process([]finding.Finding) ([]finding.Finding, error) {
	return nil, errors.New("boom")
}

type noting struct{ notes []string }

func (noting) Name() string                                            { return "noting" }
func (noting) Process(fs []finding.Finding) ([]finding.Finding, error) { return fs, nil }
func (n noting) Notes() []string                                       { return n.notes }

func TestRun(t *testing.T) {
	in := []finding.Finding{fnd("openapi/b", "b.yaml", 2), fnd("openapi/a", "a.yaml", 9), fnd("openapi/a", "a.yaml", 9)}
	before := slices.Clone(in)
	got, err := Run([]Processor{SeverityOverride(map[string]finding.Severity{"openapi/a": finding.Low}), Dedupe(), Sort()}, in)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"openapi/a@9 -", "openapi/b@2 -"}; !slices.Equal(outcome(got), want) {
		t.Errorf("Run = %v, want %v", outcome(got), want)
	}
	if got[0].Severity != finding.Low {
		t.Errorf("override did not apply: %v", got[0].Severity)
	}
	if !slices.EqualFunc(in, before, func(a, b finding.Finding) bool { return a == b }) {
		t.Error("Run changed the caller's slice")
	}
	_, err = Run([]Processor{Sort(), failing{}}, in)
	if err == nil || err.Error() != "failing: boom" {
		t.Errorf("Run with a failing processor = %v, want \"failing: boom\"", err)
	}
}

func TestNotes(t *testing.T) {
	ps := []Processor{noting{[]string{"a"}}, Sort(), noting{[]string{"b", "c"}}}
	if got := strings.Join(Notes(ps), ","); got != "a,b,c" {
		t.Errorf("Notes = %q, want a,b,c", got)
	}
}

func TestSeverityOverride(t *testing.T) {
	overrides := map[string]finding.Severity{
		"openapi/x": finding.Critical,
		"secret/*":  finding.Low,
		"secret/y":  finding.Medium,
	}
	tests := []struct {
		name string
		rule string
		want finding.Severity
	}{
		{"exact rule", "openapi/x", finding.Critical},
		{"category wildcard", "secret/aws", finding.Low},
		{"exact beats wildcard", "secret/y", finding.Medium},
		{"not overridden", "openapi/z", finding.High},
		{"prefix of a category is not it", "secretive/x", finding.High},
	}
	p := SeverityOverride(overrides)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := p.Process([]finding.Finding{fnd(tt.rule, "a", 1)})
			if err != nil {
				t.Fatal(err)
			}
			if fs[0].Severity != tt.want {
				t.Errorf("severity = %v, want %v", fs[0].Severity, tt.want)
			}
		})
	}
}

func TestDedupe(t *testing.T) {
	a1 := fnd("openapi/a", "a.yaml", 9)
	a2 := a1
	a2.Line = 3 // same fingerprint, sorts first
	b := fnd("openapi/b", "b.yaml", 1)
	noFP1, noFP2 := b, b
	noFP1.Fingerprint, noFP2.Fingerprint = "", ""
	tests := []struct {
		name string
		in   []finding.Finding
		want []string
	}{
		{"no duplicates", []finding.Finding{a1, b}, []string{"openapi/a@9 -", "openapi/b@1 -"}},
		{"duplicate dropped, first place kept", []finding.Finding{a1, b, a1}, []string{"openapi/a@9 -", "openapi/b@1 -"}},
		{"the copy that sorts first wins", []finding.Finding{a1, b, a2}, []string{"openapi/a@3 -", "openapi/b@1 -"}},
		{"no fingerprint, no dedupe", []finding.Finding{noFP1, noFP2}, []string{"openapi/b@1 -", "openapi/b@1 -"}},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Dedupe().Process(slices.Clone(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(outcome(got), tt.want) {
				t.Errorf("got %v, want %v", outcome(got), tt.want)
			}
		})
	}
}

func TestSort(t *testing.T) {
	live := finding.Finding{RuleID: "probe/x", URL: "https://x.test/a"}
	in := []finding.Finding{fnd("openapi/b", "b.yaml", 1), fnd("openapi/z", "a.yaml", 7), fnd("openapi/a", "a.yaml", 7), live, fnd("openapi/a", "a.yaml", 2)}
	got, err := Sort().Process(in)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"probe/x@0 -", "openapi/a@2 -", "openapi/a@7 -", "openapi/z@7 -", "openapi/b@1 -"}
	if !slices.Equal(outcome(got), want) {
		t.Errorf("got %v, want %v", outcome(got), want)
	}
}

func TestDiffOnly(t *testing.T) {
	// a.yaml had lines 10-12 added; b.yaml nothing.
	touched := func(file string, from, to int) bool {
		return file == "a.yaml" && from <= 12 && to >= 10
	}
	block := fnd("openapi/block", "a.yaml", 5)
	block.EndLine = 10
	before := fnd("openapi/before", "a.yaml", 5)
	before.EndLine = 9
	whole := fnd("env/committed", "a.yaml", 0)
	live := finding.Finding{RuleID: "probe/x", URL: "https://x.test"}
	weakened := fnd("openapi/auth-weakened", "b.yaml", 11)
	weakened.OfChange = true
	tests := []struct {
		name string
		in   finding.Finding
		keep bool
	}{
		{"on an added line", fnd("openapi/x", "a.yaml", 11), true},
		{"on an old line", fnd("openapi/x", "a.yaml", 3), false},
		{"block reaching an added line", block, true},
		{"block ending before the added lines", before, false},
		{"whole file that changed", whole, true},
		{"file without changes", fnd("openapi/x", "b.yaml", 11), false},
		{"live finding", live, true},
		{"about the change itself, on an old line", weakened, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DiffOnly(touched).Process([]finding.Finding{tt.in})
			if err != nil {
				t.Fatal(err)
			}
			if (len(got) == 1) != tt.keep {
				t.Errorf("kept %d findings, want keep=%v", len(got), tt.keep)
			}
		})
	}
}
