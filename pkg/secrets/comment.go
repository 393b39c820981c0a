package secrets

import "strings"

// blockReach is how many lines above a value the opener of a block
// comment holding it is looked for. Doc blocks and commented-out sample
// payloads are shorter; a longer reach would only let a stray "/*" at the
// start of a line, far above, hide live code.
const blockReach = 80

// maxCommentLead is how far into its line a value may be for the comment
// rules to apply. A value further in sits in a minified bundle or a long
// data line, where a "//" or " # " far before it says nothing about it.
const maxCommentLead = 512

// lineComments open a comment that runs to the end of the line, in the
// languages and config formats secrets are written in. "#" is handled on
// its own (C's preprocessor directives are code), and "--" only with a
// blank after it ("--header" is a command-line flag).
var lineComments = []string{"//", "<!--", "/*", ";", "-- ", "* "}

// cDirectives start lines that begin with "#" and are code.
var cDirectives = []string{"#define", "#include", "#if", "#pragma", "#!", "#{"}

// commented reports whether the value at offset is commented out: on a
// line that starts with a comment marker, after a trailing "//" or " # ",
// or inside a block comment (/* … */, <!-- … -->) whose opener starts a
// line at most blockReach lines above.
func commented(content string, lines lineIndex, offset int) bool {
	n, _ := lines.position(offset)
	lineStart := lines.start(n)
	if offset-lineStart > maxCommentLead {
		return false
	}
	before := content[lineStart:offset]
	if lineCommented(before) {
		return true
	}
	if opensBlock(before) {
		return true
	}
	if closesBlock(before) {
		return false
	}
	for i := n - 1; i >= 0 && i >= n-blockReach; i-- {
		end := lines.start(i + 1)
		line := strings.TrimSpace(content[lines.start(i):end])
		if closesBlock(line) {
			return false
		}
		if strings.HasPrefix(line, "/*") || strings.HasPrefix(line, "<!--") {
			return true
		}
	}
	return false
}

// lineCommented reports whether the text before a value on its line puts
// the value in a line comment.
func lineCommented(before string) bool {
	t := strings.TrimLeft(before, " \t")
	if t == "*" || t == "--" {
		return true
	}
	for _, m := range lineComments {
		if strings.HasPrefix(t, m) {
			return true
		}
	}
	if strings.HasPrefix(t, "#") {
		for _, d := range cDirectives {
			if strings.HasPrefix(t, d) {
				return false
			}
		}
		return true
	}
	// A trailing comment: "//" after a blank (not the "//" of a URL), or
	// " # " as YAML and shells write it.
	return strings.Contains(before, " //") || strings.Contains(before, "\t//") || strings.Contains(before, " # ")
}

// opensBlock reports whether a block comment opened on the line before a
// value is still open at the value.
func opensBlock(before string) bool {
	for _, pair := range [][2]string{{"/*", "*/"}, {"<!--", "-->"}} {
		if i := strings.LastIndex(before, pair[0]); i >= 0 && !strings.Contains(before[i:], pair[1]) &&
			strings.TrimSpace(before[:i]) == "" {
			return true
		}
	}
	return false
}

// closesBlock reports whether a line closes a block comment.
func closesBlock(line string) bool {
	return strings.Contains(line, "*/") || strings.Contains(line, "-->")
}
