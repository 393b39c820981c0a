package secrets

import (
	"sort"
	"strings"

	"github.com/zricethezav/gitleaks/v8/report"

	"github.com/launchgate/launchgate/pkg/finding"
)

// candidate is a gitleaks finding on its way to becoming a Secret. It holds
// the value, which never leaves the package.
type candidate struct {
	rule  string
	value string // the secret as the rule captured it
	match string // the rule's whole match
	// at is where value sits in the content; for the public-env rule it is
	// moved from the variable's name to its value.
	at       span
	pathOnly bool // a rule that fires on the file name alone
	severity finding.Severity
	public   bool
	drop     bool
	// shown is the value Redacted describes: for a public variable holding
	// a known kind of secret, that secret.
	shown string
	// For the public-env rule: the variable, and the kind of secret found in
	// its value.
	envName, innerKind string
	// For the connection-string rule.
	scheme, host string
}

// locate finds where a gitleaks finding's value sits in content. gitleaks
// reports the match's line and column, with columns after the first line
// one too high, and trims newlines off the match; locate recomputes byte
// offsets from them and checks them against the content.
func locate(f *report.Finding, content string, lines lineIndex) *candidate {
	c := &candidate{rule: f.RuleID, value: f.Secret, match: f.Match, shown: f.Secret}
	if f.Secret == "" && strings.HasPrefix(f.Match, "file detected: ") {
		c.pathOnly = true
		return c
	}
	lineStart := lines.start(f.StartLine)
	guess := lineStart + f.StartColumn - 1
	if f.StartLine > 0 {
		guess--
	}
	mstart := -1
	for _, at := range []int{guess, guess + 1, guess - 1} {
		if at >= 0 && at+len(f.Match) <= len(content) && content[at:at+len(f.Match)] == f.Match {
			mstart = at
			break
		}
	}
	if mstart < 0 {
		if i := strings.Index(content[min(lineStart, len(content)):], f.Match); i >= 0 && f.Match != "" {
			mstart = lineStart + i
		}
	}
	if mstart < 0 {
		// Not found verbatim (it should be); fall back on gitleaks' column.
		start := min(max(guess, 0), len(content))
		c.at = span{start, min(start+len(f.Secret), len(content))}
		return c
	}
	off := strings.Index(f.Match, f.Secret)
	if off < 0 {
		off = 0
	}
	c.at = span{mstart + off, min(mstart+off+len(f.Secret), len(content))}
	if f.RuleID == rulePublicEnv {
		if name, v, ok := publicEnvAssign(f.Match); ok {
			c.envName = name
			c.at = span{mstart + v.start, mstart + v.end}
			c.value = f.Match[v.start:v.end]
			c.shown = c.value
		}
	}
	return c
}

// lineIndex holds the byte offset of every line start in a content.
type lineIndex []int

func newLineIndex(content string) lineIndex {
	idx := lineIndex{0}
	for i := 0; ; {
		j := strings.IndexByte(content[i:], '\n')
		if j < 0 {
			return idx
		}
		i += j + 1
		idx = append(idx, i)
	}
}

// start returns the offset of 0-based line n, clamped to the last line.
func (l lineIndex) start(n int) int {
	return l[min(max(n, 0), len(l)-1)]
}

// position returns the 0-based line and 1-based byte column of offset.
func (l lineIndex) position(offset int) (line, col int) {
	line = sort.Search(len(l), func(i int) bool { return l[i] > offset }) - 1
	return line, offset - l[line] + 1
}
