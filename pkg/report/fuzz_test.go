package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report/sariftest"
)

// Findings carry text from the checked project (paths, messages, URLs), so
// every format must stay well-formed whatever that text is.

func FuzzSARIF(f *testing.F) {
	f.Add("api/openapi.yaml", "", "GET /x has no auth", "", 12, 7, false)
	f.Add(`a\b c%.yaml`, "", "line\nbreak", "reason", 0, 0, true)
	f.Add("", "https://staging.example.com/a?b=c#d", "live", "", -3, 4, false)
	f.Add("", "http://[::1", "bad url", "", 1, 1, false)
	f.Add("c:x/../y", "", "\x00\xff", "\u202e", 1, -1, true)
	sch := sariftest.Schema(f)
	f.Fuzz(func(t *testing.T, file, url, msg, why string, line, col int, suppressed bool) {
		r := &Result{Findings: []finding.Finding{{
			RuleID: "openapi/operation-without-auth", Severity: finding.High,
			File: file, URL: url, Message: msg, Line: line, Column: col,
			Suppressed: suppressed, Suppression: why,
		}}, Catalog: testCatalog(t)}
		doc := sariftest.Check(t, sch, writeSARIF(t, SARIFReporter{}, r))
		if n := len(doc.Runs[0].Results); n != 1 {
			t.Fatalf("got %d results, want 1", n)
		}
	})
}

func FuzzMarkdownAndText(f *testing.F) {
	f.Add("api/openapi.yaml", "GET /x | y", "note")
	f.Add("a`b|c", "<img src=x> @team [link](http://x) \\|", "\x1b[31m")
	f.Add("x\n| injected | row |", "m\r\n# heading", "w\u2066")
	f.Fuzz(func(t *testing.T, file, msg, note string) {
		r := &Result{
			Findings:  []finding.Finding{{RuleID: "openapi/operation-without-auth", Severity: finding.High, File: file, Line: 1, Message: msg}},
			Threshold: finding.High,
			Notes:     []string{note},
			Catalog:   testCatalog(t),
		}
		md := writeMarkdown(t, MarkdownReporter{}, r)
		var rows int
		for _, line := range strings.Split(md, "\n") {
			if strings.Contains(line, "| `openapi/operation-without-auth` |") {
				rows++
				if pipes := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|"); pipes != 5 {
					t.Errorf("row %q has %d cell borders, want 5", line, pipes)
				}
			}
		}
		if rows != 1 {
			t.Errorf("finding spans %d table rows, want 1:\n%s", rows, md)
		}
		// Code spans never mention anyone, so a path may keep its @.
		if strings.Contains(md, "@team") && !strings.Contains(file, "@team") {
			t.Errorf("markdown keeps a live @mention: %q", md)
		}

		var buf bytes.Buffer
		if err := NewText(false).Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		for _, c := range buf.String() {
			if c != '\n' && (unicode.IsControl(c) || isBidiControl(c)) {
				t.Fatalf("text report carries %U: %q", c, buf.String())
			}
		}
		// Notes line, blank, file, finding, blank, hint, summary.
		if n := strings.Count(buf.String(), "\n"); n != 7 {
			t.Errorf("text report has %d lines, want 7:\n%s", n, buf.String())
		}
	})
}
