package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

func TestTextReport(t *testing.T) {
	var buf bytes.Buffer
	if err := NewText(false).Write(&buf, fixedResult(t)); err != nil {
		t.Fatal(err)
	}
	want := `warning: ignore for secret/generic-api-key in web/legacy.js expired on 2025-01-31

https://staging.example.com/api/invoices
      -  high      openapi/operation-without-auth   GET /api/invoices answered 200 without a token

api/openapi.yaml
      3  low       transport/http-server            server http://api.example.com is plain HTTP
   40:5  medium    openapi/object-id-without-owner  GET /invoices/{invoiceId} | takes an object ID but declares no owner
   42:7  high      openapi/operation-without-auth   DELETE /invoices/{invoiceId} has no security requirement

web/src/config.ts
  12:18  critical  secret/generic-api-key           generic API key (redacted) in config

Run ` + "`launchgate explain RULE`" + ` for what a rule checks and how to fix it.

Launch readiness
  fail     Authentication on every route: 2 findings, worst high (1 of 2 parts checked)
           3 of 4 spec operations declare auth
           not run: operations refuse a missing token, live (needs launchgate probe --url)
  fail     Tenant isolation and roles: 1 finding, worst medium
  fail     Secrets: 1 finding, worst critical
           12 files scanned
  pass     Transport security: 1 finding, worst low
  not run  Email trust (SPF, DKIM, DMARC): needs launchgate dns DOMAIN

5 findings (1 critical, 2 high, 1 medium, 1 low), 3 blocking, 1 suppressed: FAILED at --fail-on high
`
	if got := buf.String(); got != want {
		t.Errorf("text report:\n%s\nwant:\n%s", got, want)
	}
}

func TestTextSummaryLine(t *testing.T) {
	tests := []struct {
		name      string
		findings  []finding.Finding
		threshold finding.Severity
		want      string
	}{
		{"clean", nil, finding.High, "0 findings, 0 blocking: PASSED at --fail-on high"},
		{"below threshold", []finding.Finding{{Severity: finding.Medium}}, finding.High, "1 finding (1 medium), 0 blocking: PASSED at --fail-on high"},
		{"blocking", []finding.Finding{{Severity: finding.High}, {Severity: finding.Low}}, finding.Medium, "2 findings (1 high, 1 low), 1 blocking: FAILED at --fail-on medium"},
		{"never", []finding.Finding{{Severity: finding.Critical}}, finding.Never, "1 finding (1 critical), 0 blocking: PASSED at --fail-on never"},
		{"only suppressed", []finding.Finding{{Severity: finding.Critical, Suppressed: true}}, finding.High, "0 findings, 0 blocking, 1 suppressed: PASSED at --fail-on high"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := TextReporter{}.summaryLine(&Result{Findings: tt.findings, Threshold: tt.threshold})
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTextColor(t *testing.T) {
	r := &Result{Threshold: finding.High, Findings: []finding.Finding{{RuleID: "secret/generic-api-key", Severity: finding.Critical, File: "a.env", Line: 1, Message: "key"}}}
	var plain, color bytes.Buffer
	if err := NewText(false).Write(&plain, r); err != nil {
		t.Fatal(err)
	}
	if err := NewText(true).Write(&color, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b[") {
		t.Error("colourless report has ANSI escapes")
	}
	if !strings.Contains(color.String(), ansiBold+ansiMagenta+"critical"+ansiReset) || !strings.Contains(color.String(), ansiRed+"FAILED") {
		t.Errorf("coloured report lacks severity or verdict colours: %q", color.String())
	}
}

func TestTextNeutralisesHostileText(t *testing.T) {
	r := &Result{Findings: []finding.Finding{{
		RuleID: "debug/x", File: "evil\x1b]0;pwned\x07.py", Line: 1,
		Message: "a\nFAKE 0 findings: PASSED\r\x1b[2Jb\u202ec",
	}}, Notes: []string{"note\x1b[31m"}}
	var buf bytes.Buffer
	if err := NewText(false).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.ContainsAny(out, "\x1b\x07\r\u202e") {
		t.Errorf("output carries control characters: %q", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "FAKE") {
			t.Errorf("a message started its own line: %q", out)
		}
	}
}
