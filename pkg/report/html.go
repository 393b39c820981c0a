package report

import (
	"bufio"
	"cmp"
	"embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
)

// htmlTemplates holds the page and its stylesheet. The page loads nothing
// else: no script, font, image or stylesheet from anywhere, so it opens
// the same offline, in a mail attachment or printed to PDF.
//
//go:embed html/*.tmpl
var htmlTemplates embed.FS

// DefaultHTMLFindings is how many findings, and how many suppressed
// ones, the HTML report lists in full.
const DefaultHTMLFindings = 1000

// Bounds of what the HTML report shows of free text.
const (
	maxHTMLMessageRunes = 1000
	maxHTMLNotes        = 50
	maxHTMLCoverage     = 200
)

// HTMLReporter writes the launch-readiness report as one self-contained
// HTML page for a reviewer: the verdict, the scorecard with its evidence,
// every finding with its fix, the suppressed findings with their
// justifications, and what was and was not tested. It prints to PDF
// cleanly and works in black and white: every status and severity is a
// word, never a colour alone.
type HTMLReporter struct {
	// MaxFindings caps the findings listed, and the suppressed ones
	// separately; zero means DefaultHTMLFindings.
	MaxFindings int
}

// htmlPage is what the template shows, every string already made one
// line and bounded.
type htmlPage struct {
	Ready          bool
	Verdict        string
	VerdictDetail  string
	Partial        string
	Tool           string
	Generated      string
	GeneratedISO   string
	Checks         []string
	Threshold      string
	Total          int
	Quiet          int
	Counts         []htmlCount
	Notes          []string
	Rows           []htmlRow
	Groups         []htmlGroup
	FindingsMore   int
	Suppressed     []htmlFinding
	SuppressedMore int
	Coverage       []string
	Evidence       []htmlEvidence
	NotTested      []htmlRow
	Program        string
}

// htmlCount is the number of unsuppressed findings of one severity.
type htmlCount struct {
	Severity string
	N        int
}

// htmlRow is one scorecard row.
type htmlRow struct {
	ID       string
	Title    string
	Status   string
	Class    string
	Summary  string
	Evidence []string
	NotRun   []string
}

// htmlGroup is the findings of one severity.
type htmlGroup struct {
	Severity string
	Findings []htmlFinding
}

// htmlFinding is one finding as the page shows it.
type htmlFinding struct {
	Anchor      string
	RuleID      string
	Severity    string
	Blocks      bool
	Title       string
	Location    string
	URL         string
	Area        string
	Message     string
	Fingerprint string
	CWE         []string
	OWASP       []string
	Description []helpBlock
	Fix         []helpBlock
	Suppression string
}

// htmlEvidence is one block of evidence.
type htmlEvidence struct {
	Title string
	Text  string
}

// statusWords are the labels a scorecard status prints as, with a mark
// that survives a black-and-white printer.
var statusWords = map[string]string{
	StatusPass:   "✓ PASS",
	StatusFail:   "✗ FAIL",
	StatusNotRun: "○ NOT RUN",
}

// Write writes r as one HTML page.
func (h HTMLReporter) Write(w io.Writer, r *Result) error {
	tmpl, err := template.New("report.html.tmpl").ParseFS(htmlTemplates, "html/*.tmpl")
	if err != nil {
		return fmt.Errorf("HTML report template: %w", err)
	}
	bw := bufio.NewWriter(w)
	if err := tmpl.Execute(bw, htmlPageOf(r, cmpDefault(h.MaxFindings, DefaultHTMLFindings))); err != nil {
		return fmt.Errorf("writing HTML report: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing HTML report: %w", err)
	}
	return nil
}

// htmlPageOf gathers what the page shows of r.
func htmlPageOf(r *Result, maxFindings int) *htmlPage {
	s := r.Summary()
	tool := toolOf(r)
	p := &htmlPage{
		Ready:     s.Passed,
		Tool:      strings.TrimSpace(oneLine(tool.Name + " " + tool.Version)),
		Generated: "not recorded",
		Checks:    ranChecks(r),
		Threshold: r.Threshold.String(),
		Total:     s.Total,
		Quiet:     s.Suppressed,
		Program:   oneLine(r.program()),
	}
	p.Verdict, p.VerdictDetail = htmlVerdict(r, s)
	if !r.Generated.IsZero() {
		t := r.Generated.UTC()
		p.Generated = t.Format("2 January 2006, 15:04 UTC")
		p.GeneratedISO = t.Format("2006-01-02T15:04:05Z")
	}
	for _, sev := range findingSeverities {
		if n := s.BySeverity[sev.String()]; n > 0 {
			p.Counts = append(p.Counts, htmlCount{sev.String(), n})
		}
	}
	for i, n := range r.Notes {
		if i == maxHTMLNotes {
			p.Notes = append(p.Notes, fmt.Sprintf("…and %d more warnings", len(r.Notes)-maxHTMLNotes))
			break
		}
		p.Notes = append(p.Notes, truncate(oneLine(n), maxHTMLMessageRunes))
	}
	p.Rows, p.NotTested, p.Partial = htmlRows(Scorecard(r))
	p.Groups, p.FindingsMore, p.Suppressed, p.SuppressedMore = htmlFindings(r, maxFindings)
	for i, c := range r.Coverage {
		if i == maxHTMLCoverage {
			p.Coverage = append(p.Coverage, fmt.Sprintf("…and %d more", len(r.Coverage)-maxHTMLCoverage))
			break
		}
		p.Coverage = append(p.Coverage, truncate(oneLine(c), maxHTMLMessageRunes))
	}
	eachEvidence(r.Evidence, func(title string, lines []string) {
		p.Evidence = append(p.Evidence, htmlEvidence{Title: title, Text: strings.Join(lines, "\n")})
	})
	return p
}

// htmlVerdict is the headline word and the sentence under it.
func htmlVerdict(r *Result, s Summary) (word, detail string) {
	switch {
	case !s.Passed:
		return "Not ready", fmt.Sprintf("%s at or above %s.", plural(s.Blocking, "blocking finding"), r.Threshold)
	case r.Threshold == finding.Never:
		return "Ready", "Nothing blocks (--fail-on never)."
	}
	return "Ready", fmt.Sprintf("No findings at or above %s.", r.Threshold)
}

// htmlRows turns the scorecard into the page's rows, the rows with parts
// that did not run, and a sentence saying how much of the scorecard the
// run vouches for ("" when every part ran).
func htmlRows(card []AreaStatus) (rows, notTested []htmlRow, partial string) {
	notRun, incomplete := 0, 0
	for i := range card {
		a := &card[i]
		row := htmlRow{
			ID:      a.Area.ID,
			Title:   oneLine(a.Area.Title),
			Status:  statusWords[a.Status],
			Class:   strings.ReplaceAll(a.Status, " ", "-"),
			Summary: a.Summary(),
		}
		for _, e := range a.Evidence {
			row.Evidence = append(row.Evidence, truncate(oneLine(e), maxHTMLMessageRunes))
		}
		for _, n := range a.NotRun() {
			row.NotRun = append(row.NotRun, oneLine(n))
		}
		rows = append(rows, row)
		switch {
		case a.Status == StatusNotRun:
			notRun++
		case !a.Complete():
			incomplete++
		}
		if !a.Complete() {
			notTested = append(notTested, row)
		}
	}
	if notRun+incomplete > 0 {
		partial = fmt.Sprintf("This run vouches only for what it checked: of %s, %d not run and %d checked in part (see What was not tested).",
			plural(len(card), "scorecard row"), notRun, incomplete)
	}
	return rows, notTested, partial
}

// htmlFindings groups the unsuppressed findings by severity, most severe
// first, and lists the suppressed ones apart; each list holds at most max
// and says how many it left out.
func htmlFindings(r *Result, max int) (groups []htmlGroup, more int, suppressed []htmlFinding, suppressedMore int) {
	live := make([]*finding.Finding, 0, len(r.Findings))
	var quiet []*finding.Finding
	for i := range r.Findings {
		if r.Findings[i].Suppressed {
			quiet = append(quiet, &r.Findings[i])
		} else {
			live = append(live, &r.Findings[i])
		}
	}
	slices.SortStableFunc(live, func(a, b *finding.Finding) int { return cmp.Compare(b.Severity, a.Severity) })
	if len(live) > max {
		more = len(live) - max
		live = live[:max]
	}
	for i, f := range live {
		sev := f.Severity.String()
		if len(groups) == 0 || groups[len(groups)-1].Severity != sev {
			groups = append(groups, htmlGroup{Severity: sev})
		}
		g := &groups[len(groups)-1]
		g.Findings = append(g.Findings, htmlFindingOf(r, f, "finding-"+strconv.Itoa(i+1)))
	}
	if len(quiet) > max {
		suppressedMore = len(quiet) - max
		quiet = quiet[:max]
	}
	for i, f := range quiet {
		suppressed = append(suppressed, htmlFindingOf(r, f, "suppressed-"+strconv.Itoa(i+1)))
	}
	return groups, more, suppressed, suppressedMore
}

// htmlFindingOf is f as the page shows it, with its rule's explanation
// and fix from the catalog when the catalog knows the rule.
func htmlFindingOf(r *Result, f *finding.Finding, anchor string) htmlFinding {
	hf := htmlFinding{
		Anchor:      anchor,
		RuleID:      truncate(oneLine(f.RuleID), maxRuleRunes),
		Severity:    f.Severity.String(),
		Blocks:      f.Blocks(r.Threshold),
		Title:       truncate(oneLine(f.Title), maxMessageRunes),
		Message:     truncate(oneLine(message(f)), maxHTMLMessageRunes),
		Fingerprint: truncate(oneLine(f.Fingerprint), maxRuleRunes),
		Suppression: truncate(oneLine(f.Suppression), maxHTMLMessageRunes),
	}
	if f.File != "" {
		hf.Location = f.File
		if f.Line > 0 {
			hf.Location += ":" + position(f)
		}
		hf.Location = truncate(oneLine(hf.Location), maxLocationRunes*2)
	}
	if f.URL != "" {
		hf.URL = truncate(oneLine(f.URL), maxLocationRunes*2)
	}
	if r.Catalog == nil {
		return hf
	}
	rule := r.Catalog.Rule(f.RuleID)
	if rule == nil {
		return hf
	}
	if hf.Title == "" {
		hf.Title = oneLine(rule.Title)
	}
	hf.CWE = rule.CWE
	hf.OWASP = rule.OWASP
	hf.Description = helpBlocks(strings.TrimSpace(rule.Description))
	hf.Fix = helpBlocks(strings.TrimSpace(rule.Help))
	for _, a := range r.Catalog.Areas() {
		if a.ID == rule.Area {
			hf.Area = oneLine(a.Title)
		}
	}
	return hf
}
