package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/finding"
)

// generatedAt is the fixed time of the run behind the HTML golden.
var generatedAt = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

func writeHTML(t testing.TB, h HTMLReporter, r *Result) string {
	t.Helper()
	var buf bytes.Buffer
	if err := h.Write(&buf, r); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.String()
}

// fixedHTMLResult is fixedResult with a time of run, coverage lines and
// a block of evidence, so that the golden shows every section.
func fixedHTMLResult(t testing.TB) *Result {
	r := fixedResult(t)
	r.Generated = generatedAt
	r.Coverage = []string{
		"probed 3 operations of https://staging.example.com (1 not probed) with 40 requests as alice, bob",
		"not probed: DELETE /invoices/{invoiceId}: a write, and --allow-writes is off",
	}
	r.Evidence = []Evidence{{Title: "SPF for example.com: 4 of 10 DNS lookups", Lines: []string{
		"v=spf1 include:_spf.google.com include:mailgun.org -all",
		"  include:_spf.google.com (1 lookup)",
		"    include:_netblocks.google.com (1 lookup)",
		"  include:mailgun.org (1 lookup)",
	}}}
	return r
}

func TestHTMLGolden(t *testing.T) {
	out := writeHTML(t, HTMLReporter{}, fixedHTMLResult(t))
	golden(t, "report.html", []byte(out))
	checkSafeHTML(t, out)

	for _, want := range []string{
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`,
		`<h1>Launch readiness: <span class="verdict">✗ Not ready</span></h1>`,
		`3 blocking findings at or above high.`,
		`<time datetime="2026-11-28T12:00:00Z">28 November 2026, 12:00 UTC</time>`,
		`<dt>Tool</dt><dd>launchgate 1.2.3</dd>`,
		`<code>openapi</code>, <code>secrets</code>`,
		// Every status is a word, so that the page reads in black and white.
		`<span class="status-label">✗ FAIL</span><span class="row-summary">2 findings, worst high (1 of 2 parts checked)</span>`,
		`<span class="status-label">✓ PASS</span>`,
		`<span class="status-label">○ NOT RUN</span>`,
		`<li>SPF, DKIM and DMARC (needs launchgate dns DOMAIN)</li>`,
		// The fix comes from the catalog.
		`<p>Revoke the key and load it from the environment.</p>`,
		`<dt>Location</dt><dd><code>web/src/config.ts:12:18</code></dd>`,
		`<dt>URL</dt><dd><code>https://staging.example.com/api/invoices</code></dd>`,
		// The suppressed finding is listed apart, with its justification.
		`<dd class="justification">health check is public by design</dd>`,
		"<pre>v=spf1 include:_spf.google.com include:mailgun.org -all\n  include:_spf.google.com (1 lookup)\n    include:",
		`<li>probed 3 operations of https://staging.example.com`,
		`ignore for secret/generic-api-key in web/legacy.js expired on 2025-01-31`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	// Most severe first: the critical secret is the first finding, and the
	// suppressed finding comes only in its own section.
	findings := out[strings.Index(out, `<section id="findings"`):strings.Index(out, `<section id="suppressed"`)]
	if first := strings.Index(findings, "<article"); !strings.Contains(findings[first:first+200], "sev-critical") {
		t.Errorf("first finding is not the critical one:\n%s", findings[first:first+200])
	}
	if strings.Contains(findings, "GET /health") {
		t.Error("the findings list the suppressed finding")
	}
	if !strings.Contains(out[strings.Index(out, `<section id="suppressed"`):], "GET /health has no security requirement") {
		t.Error("the suppressed finding is not listed apart")
	}
}

func TestHTMLVerdict(t *testing.T) {
	low := finding.Finding{RuleID: "transport/http-server", Severity: finding.Low, File: "a.yaml", Line: 1}
	high := finding.Finding{RuleID: "openapi/operation-without-auth", Severity: finding.High, File: "a.yaml", Line: 2}
	tests := []struct {
		name      string
		findings  []finding.Finding
		threshold finding.Severity
		want      string
	}{
		{"nothing found", nil, finding.High, `✓ Ready</span></h1>
<p class="verdict-detail">No findings at or above high.</p>`},
		{"only findings below threshold", []finding.Finding{low}, finding.High, `✓ Ready</span></h1>
<p class="verdict-detail">No findings at or above high.</p>`},
		{"one blocking", []finding.Finding{low, high}, finding.High, `✗ Not ready</span></h1>
<p class="verdict-detail">1 blocking finding at or above high.</p>`},
		{"low threshold blocks both", []finding.Finding{low, high}, finding.Low, `✗ Not ready</span></h1>
<p class="verdict-detail">2 blocking findings at or above low.</p>`},
		{"never blocks nothing", []finding.Finding{high}, finding.Never, `✓ Ready</span></h1>
<p class="verdict-detail">Nothing blocks (--fail-on never).</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := writeHTML(t, HTMLReporter{}, &Result{Findings: tt.findings, Threshold: tt.threshold, Catalog: testCatalog(t)})
			if !strings.Contains(out, tt.want) {
				t.Errorf("HTML lacks verdict %q", tt.want)
			}
		})
	}
}

// A run that recorded no time says so rather than inventing one, and a
// run without a catalog still lists its findings.
func TestHTMLWithoutTimeOrCatalog(t *testing.T) {
	f := finding.Finding{RuleID: "openapi/unknown", Severity: finding.High, Message: "m", File: "a.yaml", Line: 2}
	out := writeHTML(t, HTMLReporter{}, &Result{Findings: []finding.Finding{f}, Threshold: finding.High})
	for _, want := range []string{
		"<dt>Generated</dt><dd>not recorded</dd>",
		"<dt>Checks run</dt><dd>none recorded</dd>",
		"<code>openapi/unknown</code>",
		"<code>a.yaml:2</code>",
		"The run had no rule catalog",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	for _, bad := range []string{`id="scorecard"`, "How to fix", "<time"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML has %q", bad)
		}
	}
}

func TestHTMLCapsFindings(t *testing.T) {
	fs := manyFindings(30)
	fs[0].Suppressed, fs[0].Suppression = true, "reason"
	out := writeHTML(t, HTMLReporter{MaxFindings: 10}, &Result{Findings: fs, Threshold: finding.High})
	if n := strings.Count(out, `<article id="finding-`); n != 10 {
		t.Errorf("%d findings listed, want 10", n)
	}
	if !strings.Contains(out, "…and 19 more findings not shown here") {
		t.Error("HTML lacks the count of findings left out")
	}
	// The cut keeps the most severe: no info finding among ten of 29
	// where six are critical and six high.
	listed := out[:strings.Index(out, `<section id="suppressed"`)]
	if strings.Contains(listed, `class="finding sev-info`) || strings.Contains(listed, `class="finding sev-low`) {
		t.Error("an info finding is listed while more severe ones are cut")
	}
	if n := strings.Count(out, `<article id="suppressed-`); n != 1 {
		t.Errorf("%d suppressed findings listed, want 1", n)
	}
}

// The fix text is markdown in the catalog: code samples keep their lines,
// inline code and lists show as such, and nothing in it is markup.
func TestHelpBlocks(t *testing.T) {
	help := "Require a scheme, at the root:\n\n```yaml\nsecurity:\n  - bearerAuth: []\n```\n\nThen:\n\n- set `public_routes`\n  for public ones\n- rotate <b>keys</b>\n1. first\n2. second\n\nAn unmatched ` stays."
	got := helpBlocks(help)
	want := []helpBlock{
		{Kind: "p", Spans: []helpSpan{{Text: "Require a scheme, at the root:"}}},
		{Kind: "pre", Code: "security:\n  - bearerAuth: []"},
		{Kind: "p", Spans: []helpSpan{{Text: "Then:"}}},
		{Kind: "ul", Items: [][]helpSpan{
			{{Text: "set "}, {Text: "public_routes", Code: true}, {Text: " for public ones"}},
			{{Text: "rotate <b>keys</b>"}},
		}},
		{Kind: "ol", Items: [][]helpSpan{{{Text: "first"}}, {{Text: "second"}}}},
		{Kind: "p", Spans: []helpSpan{{Text: "An unmatched ` stays."}}},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("helpBlocks =\n%v\nwant\n%v", got, want)
	}
	// An unclosed fence keeps its lines as code.
	if got := helpBlocks("```\na\n  b"); len(got) != 1 || got[0].Kind != "pre" || got[0].Code != "a\n  b" {
		t.Errorf("unclosed fence = %v", got)
	}
}

// hostileFinding carries markup, quotes, a javascript: URL and control
// and bidirectional characters in every field a finding has.
func hostileFinding() finding.Finding {
	return finding.Finding{
		RuleID:      `openapi/x"><script>alert(1)</script>`,
		Severity:    finding.High,
		Title:       `<img src=x onerror=alert(1)>`,
		Message:     "it's \"quoted\" </p><script>alert(2)</script> \u202egnp.exe \x1b[31m javascript:alert(3)",
		File:        `api/<script>alert(4)</script>.yaml`,
		Line:        3,
		URL:         `javascript:alert(5)//" onmouseover="alert(6)`,
		Fingerprint: `"><svg onload=alert(7)>`,
		Suppression: `</dd><iframe src="https://evil.example">`,
	}
}

func TestHTMLEscapesHostileContent(t *testing.T) {
	quiet := hostileFinding()
	quiet.Suppressed = true
	r := &Result{
		Tool:      Tool{Name: "launchgate", Version: `1.0"><script>x</script>`},
		Findings:  []finding.Finding{hostileFinding(), quiet},
		Threshold: finding.High,
		Catalog:   testCatalog(t),
		Ran:       map[string]bool{`openapi"><script>`: true},
		Notes:     []string{`<style>body{display:none}</style>`},
		Coverage:  []string{`<a href="javascript:alert(8)">x</a>`},
		Evidence:  []Evidence{{Title: "</pre><script>", Lines: []string{"</pre><script>alert(9)</script>"}}},
		Program:   "<b>launchgate</b>",
	}
	out := writeHTML(t, HTMLReporter{}, r)
	checkSafeHTML(t, out)
	for _, want := range []string{
		"it&#39;s &#34;quoted&#34; &lt;/p&gt;&lt;script&gt;",
		"<code>api/&lt;script&gt;alert(4)&lt;/script&gt;.yaml:3</code>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks the escaped %q", want)
		}
	}
	// Bidirectional overrides could disguise what the reader sees, and
	// terminal escapes have no place in a page.
	for _, bad := range []string{"\u202e", "\x1b"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
}

// Redaction happens upstream, where findings are made: the reporter
// writes what a finding says. The CLI test TestHTMLReportShowsNoSecret
// proves that a real scan's secret never reaches the page.
func TestHTMLDoesNotRedact(t *testing.T) {
	const value = "ghp_" + "0123456789abcdefghijklmnopqrstuvwxyz"
	f := finding.Finding{RuleID: "secret/generic-api-key", Severity: finding.Critical, Message: "token " + value, File: "a.js", Line: 1}
	out := writeHTML(t, HTMLReporter{}, &Result{Findings: []finding.Finding{f}, Threshold: finding.High})
	if !strings.Contains(out, value) {
		t.Error("the reporter changed a finding's message; redaction belongs to the scan")
	}
}

// checkSafeHTML fails t unless out is valid UTF-8 and parses into a page
// that runs nothing and loads nothing.
func checkSafeHTML(t testing.TB, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatal("the HTML is not valid UTF-8")
	}
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatalf("the HTML does not parse: %v", err)
	}
	if problems := unsafeMarkup(doc); len(problems) > 0 {
		t.Fatalf("the HTML has %v", problems)
	}
}

// unsafeMarkup lists what in doc could run code or reach the network: a
// script, an event handler, a javascript: URL, an element that loads
// something, or a link that leaves the page.
func unsafeMarkup(doc *html.Node) []string {
	var problems []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "iframe", "object", "embed", "img", "link", "base", "form", "svg", "math", "video", "audio", "source", "frame":
				problems = append(problems, "a <"+n.Data+"> element")
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				val := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
				switch {
				case strings.HasPrefix(key, "on"):
					problems = append(problems, "an attribute "+a.Key)
				case strings.Contains(val, "javascript:"):
					problems = append(problems, "a javascript: URL in "+a.Key)
				case (key == "href" || key == "src") && !strings.HasPrefix(a.Val, "#"):
					problems = append(problems, "a link out of the page: "+a.Key)
				case key == "style":
					problems = append(problems, "a style attribute")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return problems
}

// FuzzHTML writes arbitrary findings, notes, coverage, evidence and rule
// help through the HTML reporter: whatever they hold, the page must stay
// valid UTF-8 and run and load nothing.
func FuzzHTML(f *testing.F) {
	h := hostileFinding()
	f.Add(h.RuleID, h.File, h.Message, h.URL, h.Title, "help with `code` and\n```\n</pre><script>\n```\n- <b>item</b>")
	f.Add("openapi/operation-without-auth", "api/openapi.yaml", "GET /x has no security", "", "t", "Add auth.")
	f.Add("secret/x", "a\x00b\xff.js", "\u202e\r\n\x1b[0m", "https://x.example/?q=\"'", "", "```yaml\n\t<x>")
	f.Add(`"'><`, "", "", "javascript:alert(1)", "<svg onload=x>", "1. `a\n2. b`")
	f.Fuzz(func(t *testing.T, rule, file, msg, url, title, help string) {
		cat := testCatalog(t)
		// A rule of the catalog with fuzzed texts, so the fix and the
		// explanation are fuzzed too.
		fuzzed := &catalog.Rule{ID: "openapi/fuzzed", Title: "t" + title, Severity: finding.Medium, Area: "auth",
			Description: "d" + msg, Help: "h" + help}
		if err := cat.Add(fuzzed); err != nil {
			t.Fatal(err)
		}
		fs := []finding.Finding{
			{RuleID: rule, Severity: finding.High, Title: title, Message: msg, File: file, Line: 1, URL: url},
			{RuleID: "openapi/fuzzed", Severity: finding.Medium, Title: title, Message: msg, File: file, URL: url,
				Suppressed: true, Suppression: help},
			{RuleID: "openapi/fuzzed", Severity: finding.Low, Message: msg},
		}
		r := &Result{
			Tool:      Tool{Name: title, Version: rule},
			Findings:  fs,
			Threshold: finding.High,
			Catalog:   cat,
			Ran:       map[string]bool{rule: true, "openapi": true},
			Tally:     map[string][]string{"auth": {msg}},
			Notes:     []string{msg},
			Coverage:  []string{url, file},
			Evidence:  []Evidence{{Title: title, Lines: strings.Split(help, "\n")}},
			Program:   file,
		}
		var b bytes.Buffer
		if err := (HTMLReporter{}).Write(&b, r); err != nil {
			t.Fatal(err)
		}
		checkSafeHTML(t, b.String())
	})
}
