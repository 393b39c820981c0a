package process

import "strings"

const (
	ignoreMarker   = "launchgate:ignore"
	gitleaksMarker = "gitleaks:allow"
)

// commentStarts are what may come right before a directive: the comment
// openers of the languages and formats launchgate reads (# for YAML,
// shell and env files; // and /* */ for code; <!-- --> for HTML; -- for
// SQL), and * for the inside of a /** block.
var commentStarts = []string{"#", "//", "/*", "*", "<!--", "--"}

// commentEnds close a comment after a directive's reason.
var commentEnds = []string{"*/", "-->"}

// directive is a launchgate:ignore comment.
type directive struct {
	rule   string
	reason string
}

// parseDirective finds a launchgate:ignore directive in a line. It must
// open a comment (only blanks between the comment opener and it), so the
// words in a string literal or in prose do not count.
func parseDirective(line string) (directive, bool) {
	i := strings.Index(line, ignoreMarker)
	if i < 0 {
		return directive{}, false
	}
	before := strings.TrimRight(line[:i], " \t")
	opened := false
	for _, c := range commentStarts {
		if strings.HasSuffix(before, c) {
			opened = true
			break
		}
	}
	rest := line[i+len(ignoreMarker):]
	if !opened || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return directive{}, false
	}
	rest = strings.TrimSpace(rest)
	for _, end := range commentEnds {
		if j := strings.Index(rest, end); j >= 0 {
			rest = strings.TrimSpace(rest[:j])
		}
	}
	rule, reason := rest, ""
	if j := strings.IndexAny(rest, " \t"); j >= 0 {
		rule, reason = rest[:j], strings.TrimSpace(rest[j:])
	}
	return directive{rule: rule, reason: reason}, true
}

// hasGitleaksAllow reports whether a line carries gitleaks' own allow
// comment, which launchgate honours for secrets so a line marked for
// gitleaks need not be marked twice.
func hasGitleaksAllow(line string) bool {
	return strings.Contains(line, gitleaksMarker)
}
