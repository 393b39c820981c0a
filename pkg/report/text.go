package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/launchgate/launchgate/pkg/finding"
)

// TextReporter writes findings for people reading a terminal or a CI log:
// grouped by file (or URL), one aligned line per finding, then a verdict.
type TextReporter struct {
	// Color adds ANSI colours; leave it off unless writing to a terminal.
	Color bool
}

const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiDim     = "\x1b[2m"
	ansiRed     = "\x1b[31m"
	ansiGreen   = "\x1b[32m"
	ansiYellow  = "\x1b[33m"
	ansiBlue    = "\x1b[34m"
	ansiMagenta = "\x1b[35m"
	ansiCyan    = "\x1b[36m"
)

var severityColors = map[finding.Severity]string{
	finding.Critical: ansiBold + ansiMagenta,
	finding.High:     ansiRed,
	finding.Medium:   ansiYellow,
	finding.Low:      ansiCyan,
	finding.Info:     ansiBlue,
}

// textGroup is the findings of one file or URL.
type textGroup struct {
	place string
	items []*finding.Finding
}

// Write writes r as text.
func (t TextReporter) Write(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	for _, n := range r.Notes {
		fmt.Fprintf(bw, "%s %s\n", t.paint(ansiYellow, "warning:"), oneLine(n))
	}
	for _, c := range r.Coverage {
		fmt.Fprintf(bw, "%s\n", oneLine(c))
	}
	if len(r.Notes)+len(r.Coverage) > 0 {
		bw.WriteByte('\n')
	}
	eachEvidence(r.Evidence, func(title string, lines []string) {
		fmt.Fprintln(bw, t.paint(ansiBold, title))
		for _, l := range lines {
			fmt.Fprintf(bw, "  %s\n", l)
		}
		bw.WriteByte('\n')
	})

	groups := groupByPlace(r.Findings)
	var posW, sevW, ruleW int
	for _, g := range groups {
		for _, f := range g.items {
			posW = max(posW, len(position(f)))
			sevW = max(sevW, len(f.Severity.String()))
			ruleW = max(ruleW, utf8.RuneCountInString(oneLine(f.RuleID)))
		}
	}
	for _, g := range groups {
		fmt.Fprintln(bw, t.paint(ansiBold, g.place))
		for _, f := range g.items {
			sev := f.Severity.String()
			rule := oneLine(f.RuleID)
			fmt.Fprintf(bw, "  %*s  %s%s  %s%s  %s\n",
				posW, position(f),
				t.paint(severityColors[f.Severity], sev), pad(sev, sevW),
				t.paint(ansiDim, rule), pad(rule, ruleW),
				oneLine(message(f)))
		}
		bw.WriteByte('\n')
	}
	if len(groups) > 0 {
		fmt.Fprintln(bw, t.paint(ansiDim, "Run `"+r.program()+" explain RULE` for what a rule checks and how to fix it."))
		bw.WriteByte('\n')
	}
	t.writeScorecard(bw, Scorecard(r))
	fmt.Fprintln(bw, t.summaryLine(r))
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing text report: %w", err)
	}
	return nil
}

var statusColors = map[string]string{
	StatusPass:   ansiGreen,
	StatusFail:   ansiRed,
	StatusNotRun: ansiDim,
}

// writeScorecard writes one block per scorecard row: its status, title
// and summary, then the evidence and what did not run.
func (t TextReporter) writeScorecard(bw *bufio.Writer, rows []AreaStatus) {
	if len(rows) == 0 {
		return
	}
	fmt.Fprintln(bw, t.paint(ansiBold, "Launch readiness"))
	statusW := len(StatusNotRun)
	for i := range rows {
		row := &rows[i]
		status := t.paint(statusColors[row.Status], row.Status) + pad(row.Status, statusW)
		if row.Status == StatusNotRun && len(row.Unverified) == 0 {
			fmt.Fprintf(bw, "  %s  %s: needs %s\n", status, oneLine(row.Area.Title), strings.Join(row.Needs(), ", or "))
			continue
		}
		fmt.Fprintf(bw, "  %s  %s: %s\n", status, oneLine(row.Area.Title), row.Summary())
		indent := strings.Repeat(" ", statusW+4)
		for _, e := range row.Evidence {
			fmt.Fprintf(bw, "%s%s\n", indent, oneLine(e))
		}
		for _, n := range row.NotRun() {
			fmt.Fprintf(bw, "%s%s %s\n", indent, t.paint(ansiDim, "not run:"), oneLine(n))
		}
	}
	bw.WriteByte('\n')
}

// summaryLine is, for example, "3 findings (1 critical, 2 high), 2
// blocking, 1 suppressed: FAILED at --fail-on high".
func (t TextReporter) summaryLine(r *Result) string {
	s := r.Summary()
	var b strings.Builder
	b.WriteString(plural(s.Total, "finding"))
	var parts []string
	for _, sev := range findingSeverities {
		if n := s.BySeverity[sev.String()]; n > 0 {
			parts = append(parts, strconv.Itoa(n)+" "+sev.String())
		}
	}
	if len(parts) > 0 {
		b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	}
	fmt.Fprintf(&b, ", %d blocking", s.Blocking)
	if s.Suppressed > 0 {
		fmt.Fprintf(&b, ", %d suppressed", s.Suppressed)
	}
	b.WriteString(": ")
	if s.Passed {
		b.WriteString(t.paint(ansiBold+ansiGreen, "PASSED"))
	} else {
		b.WriteString(t.paint(ansiBold+ansiRed, "FAILED"))
	}
	b.WriteString(" at --fail-on " + r.Threshold.String())
	return b.String()
}

func (t TextReporter) paint(code, s string) string {
	if !t.Color || code == "" {
		return s
	}
	return code + s + ansiReset
}

// groupByPlace groups the unsuppressed findings by file, or by URL for live
// findings, in order of first appearance, which for the pipeline's sorted
// findings is file order.
func groupByPlace(fs []finding.Finding) []textGroup {
	var groups []textGroup
	index := map[string]int{}
	for i := range fs {
		f := &fs[i]
		if f.Suppressed {
			continue
		}
		place := oneLine(placeOf(f))
		j, ok := index[place]
		if !ok {
			j = len(groups)
			index[place] = j
			groups = append(groups, textGroup{place: place})
		}
		groups[j].items = append(groups[j].items, f)
	}
	return groups
}

// placeOf is where a finding is: its file, else its URL.
func placeOf(f *finding.Finding) string {
	switch {
	case f.File != "":
		return f.File
	case f.URL != "":
		return f.URL
	}
	return "(no location)"
}

// position is "line:column", "line", or "-" when the finding has no line.
func position(f *finding.Finding) string {
	switch {
	case f.Line <= 0:
		return "-"
	case f.Column <= 0:
		return strconv.Itoa(f.Line)
	}
	return strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
}

// message is what a finding says, falling back to its title.
func message(f *finding.Finding) string {
	switch {
	case f.Message != "":
		return f.Message
	case f.Title != "":
		return f.Title
	}
	return f.RuleID
}

func pad(s string, width int) string {
	return strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
