package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

func writeMarkdown(t testing.TB, m MarkdownReporter, r *Result) string {
	t.Helper()
	var buf bytes.Buffer
	if err := m.Write(&buf, r); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.String()
}

func TestMarkdownGolden(t *testing.T) {
	r := fixedResult(t)
	md := writeMarkdown(t, MarkdownReporter{}, r)
	golden(t, "report.md", []byte(md))

	for _, want := range []string{
		"## launchgate — launch readiness",
		"❌ **Not ready**: 3 blocking findings at or above **high**.",
		"| Authentication on every route | ❌ fail<br><sub>2 findings, worst high (1 of 2 parts checked)</sub> | 3 of 4 spec operations declare auth | operations refuse a missing token, live (needs launchgate probe --url) |",
		// A medium finding does not block at high, but the row has a
		// problem: it fails.
		"| Tenant isolation and roles | ❌ fail<br><sub>1 finding, worst medium</sub> | — | — |",
		// Only a low finding, and every part ran: the row passes.
		"| Transport security | ✅ pass<br><sub>1 finding, worst low</sub> | — | — |",
		"| Email trust (SPF, DKIM, DMARC) | ⚪ not run | — | SPF, DKIM and DMARC (needs launchgate dns DOMAIN) |",
		"— 1 suppressed",
		`GET /invoices/{invoiceId} \| takes`,
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if strings.Contains(md, "GET /health") {
		t.Error("markdown lists a suppressed finding")
	}
	// Most severe first: the critical secret leads the findings table.
	table := md[strings.Index(md, "### Findings"):]
	if first := strings.Split(table, "\n")[6]; !strings.Contains(first, "secret/generic-api-key") {
		t.Errorf("first finding row = %q, want the critical secret", first)
	}
}

func TestMarkdownVerdict(t *testing.T) {
	low := finding.Finding{RuleID: "transport/http-server", Severity: finding.Low, File: "a.yaml", Line: 1}
	high := finding.Finding{RuleID: "openapi/operation-without-auth", Severity: finding.High, File: "a.yaml", Line: 2}
	tests := []struct {
		name      string
		findings  []finding.Finding
		threshold finding.Severity
		want      string
	}{
		{"nothing found", nil, finding.High, "✅ **Ready**: no findings at or above **high**."},
		{"only findings below threshold", []finding.Finding{low}, finding.High, "✅ **Ready**: no findings at or above **high**."},
		{"one blocking", []finding.Finding{low, high}, finding.High, "❌ **Not ready**: 1 blocking finding at or above **high**."},
		{"low threshold blocks both", []finding.Finding{low, high}, finding.Low, "❌ **Not ready**: 2 blocking findings at or above **low**."},
		{"never blocks nothing", []finding.Finding{high}, finding.Never, "✅ **Ready**: nothing blocks (`--fail-on never`)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := writeMarkdown(t, MarkdownReporter{}, &Result{Findings: tt.findings, Threshold: tt.threshold, Catalog: testCatalog(t)})
			if !strings.Contains(md, tt.want+"\n") {
				t.Errorf("markdown lacks verdict %q:\n%s", tt.want, md)
			}
		})
	}
}

func TestMarkdownEscapesCells(t *testing.T) {
	f := finding.Finding{
		RuleID:   "openapi/operation-without-auth",
		Severity: finding.High,
		File:     "api/a|b`.yaml",
		Line:     3,
		Message:  "line one\nline two | <script>alert(1)</script> cc @security-team \x1b[31m",
	}
	md := writeMarkdown(t, MarkdownReporter{}, &Result{Findings: []finding.Finding{f}, Threshold: finding.High})
	var row string
	for _, line := range strings.Split(md, "\n") {
		if strings.Contains(line, "operation-without-auth") {
			row = line
		}
	}
	if row == "" {
		t.Fatalf("no row for the finding:\n%s", md)
	}
	for _, bad := range []string{"<script>", "@security", "\x1b", "line one\n"} {
		if strings.Contains(row, bad) {
			t.Errorf("row %q contains %q", row, bad)
		}
	}
	if cells := strings.Count(strings.ReplaceAll(row, `\|`, ""), "|"); cells != 5 {
		t.Errorf("row %q has %d unescaped pipes, want 5", row, cells)
	}
	if !strings.Contains(row, "line one line two") {
		t.Errorf("row %q lost the message text", row)
	}
}

func TestMarkdownCapsRows(t *testing.T) {
	fs := manyFindings(120)
	md := writeMarkdown(t, MarkdownReporter{}, &Result{Findings: fs, Threshold: finding.High})
	rows := strings.Count(md, "| `openapi/operation-without-auth` |")
	if rows != DefaultMarkdownRows {
		t.Errorf("got %d finding rows, want %d", rows, DefaultMarkdownRows)
	}
	if !strings.Contains(md, "…and 70 more not shown here") {
		t.Error("markdown lacks the \"and 70 more\" line")
	}
	if strings.Contains(md, "⬜ info |") {
		t.Error("an info finding is listed while 72 more severe ones are cut")
	}
}

func TestMarkdownStaysUnderLimit(t *testing.T) {
	fs := manyFindings(100_000)
	notes := make([]string, 1000)
	for i := range notes {
		notes[i] = strings.Repeat("expired ignore ", 200)
	}
	md := writeMarkdown(t, MarkdownReporter{}, &Result{Findings: fs, Threshold: finding.High, Notes: notes, Catalog: testCatalog(t)})
	if len(md) >= MaxMarkdownBytes {
		t.Errorf("markdown is %d bytes, want under %d", len(md), MaxMarkdownBytes)
	}
	if !strings.Contains(md, "…and 99950 more") {
		t.Error("markdown lacks the count of findings left out")
	}
}

func TestCapMarkdown(t *testing.T) {
	md := strings.Repeat("| a | b |\n", 500)
	got := capMarkdown(md, 1000)
	if len(got) > 1000 {
		t.Errorf("capped to %d bytes, want at most 1000", len(got))
	}
	if !strings.HasSuffix(got, "size limit.\n") || !strings.Contains(got, "| a | b |\n\n…report truncated") {
		t.Errorf("cut not at a line boundary or without a notice: %q", got[len(got)-80:])
	}
	if capMarkdown("short\n", 1000) != "short\n" {
		t.Error("short markdown changed")
	}
}

// Coverage lines are folded under their first line, not shown as
// warnings, and bounded.
func TestMarkdownCoverage(t *testing.T) {
	r := &Result{Threshold: finding.High, Coverage: []string{"probed 3 operations of https://x.example (2 not probed) with 40 requests"}}
	for i := 0; i < maxCoverage+5; i++ {
		r.Coverage = append(r.Coverage, fmt.Sprintf("not probed: GET /r%d: a write", i))
	}
	var b strings.Builder
	if err := (MarkdownReporter{}).Write(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "<details><summary>probed 3 operations") {
		t.Errorf("the first coverage line is not the summary of a folded block:\n%s", out)
	}
	if strings.Contains(out, "⚠️ probed") || strings.Contains(out, "⚠️ not probed") {
		t.Errorf("coverage shown as warnings:\n%s", out)
	}
	if !strings.Contains(out, "- not probed: GET /r0: a write") || strings.Contains(out, fmt.Sprintf("GET /r%d:", maxCoverage)) || !strings.Contains(out, "…and 5 more") {
		t.Errorf("coverage lines not listed and bounded:\n%s", out)
	}
}
