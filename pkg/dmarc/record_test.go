package dmarc

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseValid(t *testing.T) {
	rec, err := Parse("v=DMARC1; p=Reject; sp=quarantine; np=reject; pct=50; t=n; " +
		"rua=mailto:agg@example.com!10m, mailto:dmarc%40x@reports.example.net; ruf=mailto:f@example.com; " +
		"adkim=s; aspf=R; fo=1:d; rf=afrf; ri=3600; future=yes;")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if rec.Policy != PolicyReject || rec.SubdomainPolicy != PolicyQuarantine || rec.NonexistentPolicy != PolicyReject {
		t.Errorf("policies = %q %q %q", rec.Policy, rec.SubdomainPolicy, rec.NonexistentPolicy)
	}
	if rec.Percent != 50 || !rec.PercentSet || rec.Testing {
		t.Errorf("pct=%d set=%v testing=%v", rec.Percent, rec.PercentSet, rec.Testing)
	}
	if len(rec.Aggregate) != 2 || rec.Aggregate[0].MaxSize != 10<<20 || rec.Aggregate[0].Domain != "example.com" {
		t.Errorf("rua = %+v", rec.Aggregate)
	}
	if rec.Aggregate[1].Address != "dmarc@x@reports.example.net" || rec.Aggregate[1].Domain != "reports.example.net" {
		t.Errorf("second rua = %+v", rec.Aggregate[1])
	}
	if len(rec.Failure) != 1 || rec.DKIMAlignment != "s" || rec.SPFAlignment != "r" {
		t.Errorf("ruf=%v adkim=%q aspf=%q", rec.Failure, rec.DKIMAlignment, rec.SPFAlignment)
	}
	if !slices.Equal(rec.FailureOptions, []string{"1", "d"}) || rec.ReportInterval != 3600 {
		t.Errorf("fo=%v ri=%d", rec.FailureOptions, rec.ReportInterval)
	}
	if len(rec.Unknown) != 1 || rec.Unknown[0] != (Tag{Name: "future", Value: "yes"}) {
		t.Errorf("unknown = %v", rec.Unknown)
	}
}

func TestParseDefaults(t *testing.T) {
	rec, err := Parse("V = dmarc1 ; P = none")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if rec.Policy != PolicyNone || rec.Percent != 100 || rec.PercentSet || rec.DKIMAlignment != "r" ||
		rec.ReportInterval != 86400 || rec.SubdomainPolicy != "" || rec.PolicyDefaulted {
		t.Errorf("defaults = %+v", rec)
	}
}

func TestParseRuaFallback(t *testing.T) {
	for _, in := range []string{
		"v=DMARC1; rua=mailto:d@example.com",
		"v=DMARC1; p=enforce; rua=mailto:d@example.com",
	} {
		rec, err := Parse(in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", in, err)
		}
		if rec.Policy != PolicyNone || !rec.PolicyDefaulted {
			t.Errorf("Parse(%q) policy=%q defaulted=%v, want none and true", in, rec.Policy, rec.PolicyDefaulted)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, tag string
	}{
		{"empty", "", "v"},
		{"v not first", "p=reject; v=DMARC1", "v"},
		{"wrong version", "v=DMARC2; p=reject", "v"},
		{"version prefix only", "v=DMARC10; p=reject", "v"},
		{"v repeated", "v=DMARC1; v=DMARC1; p=reject", "v"},
		{"no p no rua", "v=DMARC1; pct=100", "p"},
		{"bad p no rua", "v=DMARC1; p=block", "p"},
		{"duplicate p", "v=DMARC1; p=reject; P=none", "p"},
		{"bad sp", "v=DMARC1; p=reject; sp=maybe", "sp"},
		{"bad np", "v=DMARC1; p=reject; np=", "np"},
		{"pct over", "v=DMARC1; p=reject; pct=101", "pct"},
		{"pct negative", "v=DMARC1; p=reject; pct=-1", "pct"},
		{"pct fraction", "v=DMARC1; p=reject; pct=50.5", "pct"},
		{"bad t", "v=DMARC1; p=reject; t=yes", "t"},
		{"rua https", "v=DMARC1; p=reject; rua=https://example.com/r", "rua"},
		{"rua no domain", "v=DMARC1; p=reject; rua=mailto:someone", "rua"},
		{"rua empty item", "v=DMARC1; p=reject; rua=mailto:a@example.com,,", "rua"},
		{"rua bad size", "v=DMARC1; p=reject; rua=mailto:a@example.com!10x", "rua"},
		{"rua size overflow", "v=DMARC1; p=reject; rua=mailto:a@example.com!99999999999999999t", "rua"},
		{"ruf bad", "v=DMARC1; p=reject; ruf=a@example.com", "ruf"},
		{"bad adkim", "v=DMARC1; p=reject; adkim=x", "adkim"},
		{"bad aspf", "v=DMARC1; p=reject; aspf=", "aspf"},
		{"bad fo", "v=DMARC1; p=reject; fo=2", "fo"},
		{"bad ri", "v=DMARC1; p=reject; ri=+5", "ri"},
		{"ri overflow", "v=DMARC1; p=reject; ri=99999999999", "ri"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want an error", tt.in, rec)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Tag != tt.tag {
				t.Errorf("Parse(%q) error %v, want one naming tag %q", tt.in, err, tt.tag)
			}
			if !strings.Contains(err.Error(), tt.tag) {
				t.Errorf("error %q does not name tag %q", err, tt.tag)
			}
		})
	}
}

func TestParseSyntaxErrors(t *testing.T) {
	for _, in := range []string{
		"v=DMARC1; p=reject; junk",
		"v=DMARC1; p=reject; 9x=1",
		"v=DMARC1; p=reject; " + strings.Repeat("x", MaxRecordLen),
		"v=DMARC1; p=reject" + strings.Repeat("; a=b", maxTags),
	} {
		if _, err := Parse(in); err == nil {
			t.Errorf("Parse(%.40q…) succeeded, want an error", in)
		}
	}
}

func TestParseBoundsURIs(t *testing.T) {
	uris := strings.Repeat("mailto:a@example.com,", maxURIs) + "mailto:a@example.com"
	if _, err := Parse("v=DMARC1; p=reject; rua=" + uris); err == nil {
		t.Errorf("Parse accepted %d rua URIs, want at most %d", maxURIs+1, maxURIs)
	}
	uris = strings.TrimSuffix(strings.Repeat("mailto:a@example.com,", maxURIs), ",")
	if _, err := Parse("v=DMARC1; p=reject; rua=" + uris); err != nil {
		t.Errorf("Parse refused %d rua URIs: %v", maxURIs, err)
	}
}

func TestInvalidProblem(t *testing.T) {
	_, err := Parse("v=DMARC1; p=reject; pct=" + strings.Repeat("9", 200))
	p := InvalidProblem(err)
	if p.Rule != RuleInvalid || p.Severity != SeverityHigh || p.Tag != "pct" {
		t.Errorf("InvalidProblem = %+v", p)
	}
	if len(p.Message) > 300 {
		t.Errorf("message is %d bytes, want it bounded", len(p.Message))
	}
}
