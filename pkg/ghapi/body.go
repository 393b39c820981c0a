package ghapi

import (
	"strings"
	"unicode/utf8"
)

// MaxCommentBytes is GitHub's limit on a comment body, 65,536 characters.
// It is applied to bytes, which never undercounts characters in any of the
// ways GitHub might count them, so a fitted body is never rejected.
const MaxCommentBytes = 65536

// truncatedNote ends a cut comment so a reader knows the rest is missing
// and where to find it.
const truncatedNote = "\n\n_(truncated: the comment reached GitHub's size limit; the job summary and the SARIF report have everything)_\n"

// FitCommentBody returns body as UpsertComment posts it: with marker at
// the top unless body already contains it, and, when longer than
// MaxCommentBytes, cut at the last whole line that fits, a code fence left
// open by the cut closed, and truncatedNote appended. The marker is never
// cut: if the cut falls before it, it moves to the top. The marker must be
// short; UpsertComment allows at most 1 KiB.
func FitCommentBody(marker, body string) string {
	if !strings.Contains(body, marker) {
		body = marker + "\n" + body
	}
	if len(body) <= MaxCommentBytes {
		return body
	}
	budget := MaxCommentBytes - len(truncatedNote) - len(fenceClose)
	kept := cutAtLine(body, budget)
	if !strings.Contains(kept, marker) {
		// The marker sits where the cut fell: lift it to the top so the next
		// run still finds this comment.
		i := strings.Index(body, marker)
		body = body[:i] + body[i+len(marker):]
		head := marker + "\n"
		kept = head + cutAtLine(body, budget-len(head))
	}
	if openFence(kept) {
		kept += fenceClose
	}
	return kept + truncatedNote
}

// fenceClose closes a Markdown code block the cut left open, so the note
// does not render as code.
const fenceClose = "\n```"

// cutAtLine returns the longest prefix of s of at most n bytes that ends
// at a line end. When that would drop more than half of what fits (one
// enormous line), it cuts at a rune boundary instead, so the result stays
// valid UTF-8 and still shows something.
func cutAtLine(s string, n int) string {
	if len(s) <= n {
		return s
	}
	n = max(n, 0)
	if i := strings.LastIndexByte(s[:n], '\n'); i >= 0 && i >= n/2 {
		return s[:i]
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// openFence reports whether s ends inside a ``` or ~~~ code block.
func openFence(s string) bool {
	var open string
	for line := range strings.SplitSeq(s, "\n") {
		t := strings.TrimLeft(line, " ")
		for _, f := range []string{"```", "~~~"} {
			if !strings.HasPrefix(t, f) {
				continue
			}
			switch {
			case open == "":
				open = f
			case open == f:
				open = ""
			}
		}
	}
	return open != ""
}
