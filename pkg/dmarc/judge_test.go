package dmarc

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// ruleKeys renders problems as "rule/severity/tag" for comparison.
func ruleKeys(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s %s %s", p.Rule, p.Severity, p.Tag))
	}
	return out
}

func TestJudge(t *testing.T) {
	const rua = "; rua=mailto:d@example.com"
	tests := []struct {
		name, record string
		want         []string
	}{
		{"enforcing and reported is quiet", "v=DMARC1; p=reject; pct=100" + rua, nil},
		{"quarantine is quiet", "v=DMARC1; p=quarantine; sp=reject; np=reject" + rua, nil},
		{"parked domain: only no-reports", "v=DMARC1; p=reject;", []string{"dns/dmarc-no-reports low rua"}},
		{"p none", "v=DMARC1; p=none" + rua, []string{"dns/dmarc-policy-none high p"}},
		{"sp none", "v=DMARC1; p=reject; sp=none" + rua, []string{"dns/dmarc-policy-none medium sp"}},
		{"np none", "v=DMARC1; p=quarantine; np=none" + rua, []string{"dns/dmarc-policy-none medium np"}},
		{"sp none with p none is one finding", "v=DMARC1; p=none; sp=none" + rua, []string{"dns/dmarc-policy-none high p"}},
		{"pct below 100", "v=DMARC1; p=quarantine; pct=25" + rua, []string{"dns/dmarc-partial medium pct"}},
		{"pct with p none is not partial", "v=DMARC1; p=none; pct=25" + rua, []string{"dns/dmarc-policy-none high p"}},
		{"testing", "v=DMARC1; p=reject; t=y" + rua, []string{"dns/dmarc-partial medium t"}},
		{"t=n is quiet", "v=DMARC1; p=reject; t=n" + rua, nil},
		{"missing p with rua", "v=DMARC1" + rua, []string{"dns/dmarc-invalid medium p", "dns/dmarc-policy-none high p"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := Parse(tt.record)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.record, err)
			}
			got := ruleKeys(Judge(rec, "example.com"))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Judge(%q) = %q, want %q", tt.record, got, tt.want)
			}
		})
	}
}

func TestJudgeInherited(t *testing.T) {
	tests := []struct {
		record string
		want   []string
	}{
		{"v=DMARC1; p=reject; sp=none; rua=mailto:d@example.com", []string{"dns/dmarc-policy-none high sp"}},
		{"v=DMARC1; p=none; sp=reject; rua=mailto:d@example.com", nil},
		{"v=DMARC1; p=reject; rua=mailto:d@example.com", nil},
		{"v=DMARC1; p=none; rua=mailto:d@example.com", []string{"dns/dmarc-policy-none high p"}},
	}
	for _, tt := range tests {
		rec, err := Parse(tt.record)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.record, err)
		}
		if got := ruleKeys(JudgeInherited(rec, "mail.example.com")); !slices.Equal(got, tt.want) {
			t.Errorf("JudgeInherited(%q) = %q, want %q", tt.record, got, tt.want)
		}
	}
}

func TestJudgeMessages(t *testing.T) {
	rec, err := Parse("v=DMARC1; p=none; pct=10; t=y")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("a", 60) + "." + strings.Repeat("b", 60) + ".example.com"
	for _, p := range Judge(rec, long) {
		if strings.Contains(p.Message, long) || len(p.Message) > 400 {
			t.Errorf("message not bounded: %q", p.Message)
		}
		if p.Message == "" || !strings.HasSuffix(p.Message, ".") {
			t.Errorf("message is not one sentence: %q", p.Message)
		}
	}
	if Judge(nil, "example.com") != nil {
		t.Error("Judge(nil) returned problems")
	}
}
