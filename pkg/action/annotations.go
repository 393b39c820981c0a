package action

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sethvargo/go-githubactions"

	"github.com/launchgate/launchgate/pkg/finding"
)

// maxAnnotationsPerType is how many annotations of one type (error,
// warning, notice) GitHub shows for a step; later ones are dropped.
const maxAnnotationsPerType = 10

// annotationType maps a severity to the annotation GitHub draws for it.
func annotationType(s finding.Severity) string {
	switch {
	case s >= finding.High:
		return cmdError
	case s == finding.Medium:
		return cmdWarning
	}
	return cmdNotice
}

// annotate writes one annotation per unsuppressed finding, most severe
// first, within what GitHub will show of each type after the commands the
// step already issued, and then one notice that points to the rest. When
// anything is left out, the notice budget keeps a slot for that pointer.
func annotate(out *commands, fs []finding.Finding) {
	live := make([]*finding.Finding, 0, len(fs))
	for i := range fs {
		if !fs[i].Suppressed {
			live = append(live, &fs[i])
		}
	}
	slices.SortStableFunc(live, func(a, b *finding.Finding) int { return cmp.Compare(b.Severity, a.Severity) })
	budget, want := map[string]int{}, map[string]int{}
	for _, f := range live {
		want[annotationType(f.Severity)]++
	}
	overflow := false
	for _, t := range []string{cmdError, cmdWarning, cmdNotice} {
		budget[t] = max(0, maxAnnotationsPerType-out.used[t])
		overflow = overflow || want[t] > budget[t]
	}
	if overflow {
		budget[cmdNotice] = max(0, budget[cmdNotice]-1)
	}
	skipped := 0
	for _, f := range live {
		t := annotationType(f.Severity)
		if budget[t] == 0 {
			skipped++
			continue
		}
		budget[t]--
		out.issue(t, annotationProps(f), annotationMessage(f))
	}
	if skipped > 0 {
		out.notice("%d more %s not annotated here (GitHub shows %d annotations of each type per step); the job summary and the code-scanning alerts list every finding.",
			skipped, plural(skipped, "finding is", "findings are"), maxAnnotationsPerType)
	}
}

// annotationProps places an annotation. GitHub accepts a column only on a
// line, and an end line only after the start line.
func annotationProps(f *finding.Finding) githubactions.CommandProperties {
	props := githubactions.CommandProperties{"title": printable(f.RuleID + ": " + cmp.Or(f.Title, f.RuleID))}
	if f.File == "" {
		return props
	}
	props["file"] = f.File
	if f.Line > 0 {
		props["line"] = strconv.Itoa(f.Line)
		if f.Column > 0 {
			props["col"] = strconv.Itoa(f.Column)
		}
		if f.EndLine > f.Line {
			props["endLine"] = strconv.Itoa(f.EndLine)
		}
	}
	return props
}

// annotationMessage is the finding's message; a live finding names the
// URL it was found at, also when it sits on its operation in the spec.
func annotationMessage(f *finding.Finding) string {
	msg := cmp.Or(f.Message, f.Title, f.RuleID)
	if f.URL != "" && !strings.Contains(msg, f.URL) {
		msg = fmt.Sprintf("%s (%s)", msg, f.URL)
	}
	return printable(msg)
}

// printable replaces control and bidirectional-override characters, which
// text from the checked project could use to disguise what the log shows.
// Line breaks would be escaped anyway; they become spaces so the
// annotation reads as one line.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r):
			return ' '
		case unicode.Is(unicode.Bidi_Control, r):
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
