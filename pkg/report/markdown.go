package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
)

// DefaultMarkdownRows is how many findings the markdown scorecard lists.
const DefaultMarkdownRows = 50

// MaxMarkdownBytes bounds the markdown report: GitHub refuses job summaries
// over 1 MiB.
const MaxMarkdownBytes = 1 << 20

// Cell limits keep each row short enough to read and the whole report far
// below MaxMarkdownBytes whatever the findings say.
const (
	maxMessageRunes  = 300
	maxLocationRunes = 160
	maxRuleRunes     = 100
	maxNotes         = 10
)

// MarkdownReporter writes the launch-readiness scorecard: a verdict, one
// row per area, and the most severe findings.
type MarkdownReporter struct {
	// MaxRows caps the findings table; zero means DefaultMarkdownRows.
	MaxRows int
	// LinkBase, when set, turns each finding's file location into a link:
	// LinkBase + file + "#L" + line. The GitHub Action sets it to the blob
	// URL of the scanned commit, such as
	// "https://github.com/OWNER/REPO/blob/SHA/", so a reader lands on the
	// line the finding is about.
	LinkBase string
}

var severityBadges = map[finding.Severity]string{
	finding.Critical: "🟥",
	finding.High:     "🟧",
	finding.Medium:   "🟨",
	finding.Low:      "🟦",
	finding.Info:     "⬜",
}

var statusBadges = map[string]string{
	StatusPass:   "✅",
	StatusFail:   "❌",
	StatusNotRun: "⚪",
}

// Write writes r as GitHub-flavoured markdown.
func (m MarkdownReporter) Write(w io.Writer, r *Result) error {
	var b strings.Builder
	s := r.Summary()
	b.WriteString("## launchgate — launch readiness\n\n")
	b.WriteString(verdict(r, s) + "\n\n")
	writeNotes(&b, r.Notes)
	writeCoverage(&b, r.Coverage)
	writeScorecard(&b, Scorecard(r))
	writeEvidence(&b, r.Evidence)
	writeCounts(&b, s)
	writeFindings(&b, r, cmpDefault(m.MaxRows, DefaultMarkdownRows), m.LinkBase)
	b.WriteString("<sub>")
	if tool := toolOf(r); tool.Version != "" {
		b.WriteString(escapeCell(tool.Name+" "+tool.Version) + " · ")
	}
	b.WriteString("run `" + escapeCell(r.program()) + " explain RULE` for what a rule checks and how to fix it</sub>\n")

	out := capMarkdown(b.String(), MaxMarkdownBytes)
	bw := bufio.NewWriter(w)
	bw.WriteString(out)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing markdown report: %w", err)
	}
	return nil
}

func verdict(r *Result, s Summary) string {
	switch {
	case !s.Passed:
		return fmt.Sprintf("❌ **Not ready**: %s at or above **%s**.",
			plural(s.Blocking, "blocking finding"), r.Threshold)
	case r.Threshold == finding.Never:
		return "✅ **Ready**: nothing blocks (`--fail-on never`)."
	}
	return fmt.Sprintf("✅ **Ready**: no findings at or above **%s**.", r.Threshold)
}

func writeNotes(b *strings.Builder, notes []string) {
	for i, n := range notes {
		if i == maxNotes {
			fmt.Fprintf(b, "> ⚠️ …and %d more warnings.\n", len(notes)-maxNotes)
			break
		}
		fmt.Fprintf(b, "> ⚠️ %s\n", escapeCell(truncate(oneLine(n), maxMessageRunes)))
	}
	if len(notes) > 0 {
		b.WriteString("\n")
	}
}

// maxCoverage bounds the coverage lines a summary shows.
const maxCoverage = 20

// writeCoverage lists what the run examined and what it could not, folded
// so that it does not push the scorecard down.
func writeCoverage(b *strings.Builder, lines []string) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(b, "<details><summary>%s</summary>\n\n", escapeCell(truncate(oneLine(lines[0]), maxMessageRunes)))
	for i, l := range lines[1:] {
		if i == maxCoverage {
			fmt.Fprintf(b, "- …and %d more\n", len(lines)-1-maxCoverage)
			break
		}
		fmt.Fprintf(b, "- %s\n", escapeCell(truncate(oneLine(l), maxMessageRunes)))
	}
	b.WriteString("\n</details>\n\n")
}

// writeEvidence shows each block of evidence folded, as preformatted
// text.
func writeEvidence(b *strings.Builder, blocks []Evidence) {
	eachEvidence(blocks, func(title string, lines []string) {
		fmt.Fprintf(b, "<details><summary>%s</summary>\n\n", escapeCell(title))
		if len(lines) > 0 {
			b.WriteString("```text\n")
			for _, l := range lines {
				b.WriteString(strings.ReplaceAll(l, "```", "'''") + "\n")
			}
			b.WriteString("```\n")
		}
		b.WriteString("\n</details>\n\n")
	})
}

func writeScorecard(b *strings.Builder, rows []AreaStatus) {
	if len(rows) == 0 {
		return
	}
	b.WriteString("| Check | Status | Evidence | Not run |\n|:--|:--|:--|:--|\n")
	for i := range rows {
		row := &rows[i]
		evidence := "—"
		if len(row.Evidence) > 0 {
			evidence = cellLines(row.Evidence)
		}
		notRun := "—"
		if len(row.NotChecked) > 0 {
			notRun = cellLines(row.NotRun())
		}
		status := statusBadges[row.Status] + " " + row.Status
		if row.Status != StatusNotRun {
			status += "<br><sub>" + escapeCell(row.Summary()) + "</sub>"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", escapeCell(oneLine(row.Area.Title)), status, evidence, notRun)
	}
	b.WriteString("\n")
}

// maxCellLines bounds the lines of evidence a scorecard cell shows.
const maxCellLines = 6

// cellLines joins lines into one table cell, one per visual line.
func cellLines(lines []string) string {
	parts := make([]string, 0, min(len(lines), maxCellLines+1))
	for i, l := range lines {
		if i == maxCellLines {
			parts = append(parts, fmt.Sprintf("…and %d more", len(lines)-maxCellLines))
			break
		}
		parts = append(parts, escapeCell(truncate(oneLine(l), maxMessageRunes)))
	}
	return strings.Join(parts, "<br>")
}

func writeCounts(b *strings.Builder, s Summary) {
	parts := make([]string, 0, len(findingSeverities))
	for _, sev := range findingSeverities {
		parts = append(parts, fmt.Sprintf("%s %d %s", severityBadges[sev], s.BySeverity[sev.String()], sev))
	}
	fmt.Fprintf(b, "**%s**: %s", plural(s.Total, "finding"), strings.Join(parts, " · "))
	if s.Suppressed > 0 {
		fmt.Fprintf(b, " — %d suppressed", s.Suppressed)
	}
	b.WriteString("\n\n")
}

// writeFindings lists the unsuppressed findings, most severe first.
func writeFindings(b *strings.Builder, r *Result, maxRows int, linkBase string) {
	live := make([]*finding.Finding, 0, len(r.Findings))
	for i := range r.Findings {
		if !r.Findings[i].Suppressed {
			live = append(live, &r.Findings[i])
		}
	}
	if len(live) == 0 {
		return
	}
	slices.SortStableFunc(live, func(a, b *finding.Finding) int { return cmp.Compare(b.Severity, a.Severity) })
	b.WriteString("### Findings\n\n")
	if r.Threshold != finding.Never {
		b.WriteString("Severities in bold block the merge.\n\n")
	}
	b.WriteString("| Severity | Rule | Location | Message |\n|:--|:--|:--|:--|\n")
	for _, f := range live[:min(len(live), maxRows)] {
		sev := severityBadges[f.Severity] + " " + f.Severity.String()
		if f.Blocks(r.Threshold) {
			sev = severityBadges[f.Severity] + " **" + f.Severity.String() + "**"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n",
			sev,
			codeCell(truncate(oneLine(f.RuleID), maxRuleRunes)),
			locationCell(f, linkBase),
			escapeCell(truncate(oneLine(message(f)), maxMessageRunes)))
	}
	if rest := len(live) - maxRows; rest > 0 {
		fmt.Fprintf(b, "\n…and %d more not shown here; the text, JSON or SARIF report lists them all.\n", rest)
	}
	b.WriteString("\n")
}

// locationCell shows where f is, as a link to the file at linkBase when
// there is one. A file inside an archive or source map ("dist.zip!a.js")
// has no page of its own to link to.
func locationCell(f *finding.Finding, linkBase string) string {
	cell := codeCell(truncate(oneLine(location(f)), maxLocationRunes))
	if linkBase == "" || f.File == "" || strings.Contains(f.File, "!") {
		return cell
	}
	target := linkBase + (&url.URL{Path: strings.TrimLeft(f.File, "/")}).EscapedPath()
	if f.Line > 0 {
		target += "#L" + strconv.Itoa(f.Line)
	}
	// Parentheses and spaces would end the link target early.
	target = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20").Replace(target)
	return "[" + cell + "](" + target + ")"
}

// location is "file:line", the file alone, or the URL of a live finding.
func location(f *finding.Finding) string {
	place := placeOf(f)
	if f.File != "" && f.Line > 0 {
		return place + ":" + strconv.Itoa(f.Line)
	}
	return place
}

// markdownEscaper backslash-escapes what would otherwise turn into markup
// or end a table cell, and breaks @mentions so that a finding cannot notify
// people when the report is posted as a pull-request comment.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "~", `\~`, "&", `\&`, "#", `\#`,
	"@", "@\u200b",
)

// escapeCell makes one-line text safe in a table cell or a paragraph.
func escapeCell(s string) string { return markdownEscaper.Replace(s) }

// codeCell shows s as code. Inside a code span only the pipe needs an
// escape (GitHub reads it as a cell border otherwise); a backtick would end
// the span, so text with one is escaped as plain text instead.
func codeCell(s string) string {
	if s == "" || strings.Contains(s, "`") {
		return escapeCell(s)
	}
	return "`" + strings.ReplaceAll(s, "|", `\|`) + "`"
}

// capMarkdown cuts md at a line boundary so that it stays under limit bytes.
func capMarkdown(md string, limit int) string {
	if len(md) <= limit {
		return md
	}
	const tail = "\n…report truncated to stay within GitHub's size limit.\n"
	// Keep the cut line's newline so that the notice is its own paragraph.
	cut := strings.LastIndexByte(md[:limit-len(tail)], '\n') + 1
	return md[:cut] + tail
}
