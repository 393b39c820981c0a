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
//
// The targets bound that text because Go's fuzzing engine minimises every
// input that reaches new code, with a step that is quadratic in the
// input's length and a budget of a minute (-fuzzminimizetime): one field
// the mutator has grown to kilobytes stalls a run for that minute. The
// catalog is loaded once per target: the reporters only read it.
const (
	// maxFuzzSARIFField holds a path with backslashes, spaces and percent
	// signs, a URL with user, IPv6 host, query and fragment, and a message
	// of a few lines; SARIF cuts none of them.
	maxFuzzSARIFField = 128
	// maxFuzzLocation and maxFuzzMessage are a little over the lengths the
	// markdown table cuts a location and a message (or note) at, so the
	// cut is within reach.
	maxFuzzLocation = maxLocationRunes + 32
	maxFuzzMessage  = maxMessageRunes + 32
)

func FuzzSARIF(f *testing.F) {
	for _, s := range []struct {
		file, url, msg, why string
		line, col           int
		suppressed          bool
	}{
		{"api/openapi.yaml", "", "GET /x has no auth", "", 12, 7, false},
		{`a\b c%.yaml`, "", "line\nbreak", "reason", 0, 0, true},
		{"", "https://staging.example.com/a?b=c#d", "live", "", -3, 4, false},
		{"", "http://[::1", "bad url", "", 1, 1, false},
		{"c:x/../y", "", "\x00\xff", "\u202e", 1, -1, true},
	} {
		if max(len(s.file), len(s.url), len(s.msg), len(s.why)) > maxFuzzSARIFField {
			f.Fatalf("seed %+v has a field over the %d bytes the target tries", s, maxFuzzSARIFField)
		}
		f.Add(s.file, s.url, s.msg, s.why, s.line, s.col, s.suppressed)
	}
	sch := sariftest.Schema(f)
	cat := testCatalog(f)
	f.Fuzz(func(t *testing.T, file, url, msg, why string, line, col int, suppressed bool) {
		if max(len(file), len(url), len(msg), len(why)) > maxFuzzSARIFField {
			return
		}
		r := &Result{Findings: []finding.Finding{{
			RuleID: "openapi/operation-without-auth", Severity: finding.High,
			File: file, URL: url, Message: msg, Line: line, Column: col,
			Suppressed: suppressed, Suppression: why,
		}}, Catalog: cat}
		doc := sariftest.Check(t, sch, writeSARIF(t, SARIFReporter{}, r))
		if n := len(doc.Runs[0].Results); n != 1 {
			t.Fatalf("got %d results, want 1", n)
		}
	})
}

func FuzzMarkdownAndText(f *testing.F) {
	for _, s := range [][3]string{
		{"api/openapi.yaml", "GET /x | y", "note"},
		{"a`b|c", "<img src=x> @team [link](http://x) \\|", "\x1b[31m"},
		{"x\n| injected | row |", "m\r\n# heading", "w\u2066"},
		// Over the lengths the table cuts at.
		{strings.Repeat("dir/", maxLocationRunes/4) + "a|b`c.yaml", strings.Repeat("a|", maxMessageRunes/2) + "é @team", strings.Repeat("`*_", maxMessageRunes/3+1)},
	} {
		if len(s[0]) > maxFuzzLocation || len(s[1]) > maxFuzzMessage || len(s[2]) > maxFuzzMessage {
			f.Fatalf("seed %q is over the %d, %d and %d bytes the target tries", s, maxFuzzLocation, maxFuzzMessage, maxFuzzMessage)
		}
		f.Add(s[0], s[1], s[2])
	}
	cat := testCatalog(f)
	f.Fuzz(func(t *testing.T, file, msg, note string) {
		if len(file) > maxFuzzLocation || len(msg) > maxFuzzMessage || len(note) > maxFuzzMessage {
			return
		}
		r := &Result{
			Findings:  []finding.Finding{{RuleID: "openapi/operation-without-auth", Severity: finding.High, File: file, Line: 1, Message: msg}},
			Threshold: finding.High,
			Notes:     []string{note},
			Catalog:   cat,
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
		// Notes line, blank, file, finding, blank, hint, blank, then the
		// scorecard: a heading, a line per row, two more for the parts
		// of the finding's row that did not run, a blank, the summary.
		want := 7 + 1 + len(Scorecard(r)) + 2 + 1 + 1
		if n := strings.Count(buf.String(), "\n"); n != want {
			t.Errorf("text report has %d lines, want %d:\n%s", n, want, buf.String())
		}
	})
}
