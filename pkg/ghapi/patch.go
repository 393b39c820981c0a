package ghapi

import (
	"fmt"
	"strconv"
	"strings"
)

// maxLineNumber bounds hunk header numbers, so arithmetic on them cannot
// overflow on any platform; no text file GitHub diffs comes near it.
const maxLineNumber = 1 << 30

// AddedLines returns the 1-based line numbers, in the new file, that a
// GitHub "patch" adds, ascending. The patch is the hunk text of a pull
// request file: "@@ -a,b +c,d @@" headers followed by " ", "+" and "-"
// lines. An empty patch (a binary or oversized file) adds no lines GitHub
// can show and returns nil. A patch whose hunks disagree with their headers
// is an error that names the line of the patch, because guessing would
// point findings at the wrong lines.
func AddedLines(patch string) ([]int, error) {
	if patch == "" {
		return nil, nil
	}
	lines := strings.Split(patch, "\n")
	// A final newline ends the last line; it does not start another.
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	var (
		added              []int
		inHunk             bool
		oldLeft, newLeft   int
		newLine, minNewPos int
	)
	for i, line := range lines {
		at := i + 1
		if strings.HasPrefix(line, "@@") {
			if inHunk && (oldLeft > 0 || newLeft > 0) {
				return nil, fmt.Errorf("patch line %d: previous hunk ends %d old and %d new lines early", at, oldLeft, newLeft)
			}
			h, err := parseHunkHeader(line)
			if err != nil {
				return nil, fmt.Errorf("patch line %d: %w", at, err)
			}
			// An empty new side names the line before the gap it leaves.
			first := h.newStart
			if h.newCount == 0 {
				first++
			}
			if first < minNewPos {
				return nil, fmt.Errorf("patch line %d: hunk starts at new line %d, before the previous hunk ended", at, h.newStart)
			}
			inHunk = true
			oldLeft, newLeft = h.oldCount, h.newCount
			newLine = h.newStart
			minNewPos = h.newStart + h.newCount
			continue
		}
		if !inHunk {
			return nil, fmt.Errorf("patch line %d: text before the first @@ hunk header", at)
		}
		if strings.HasPrefix(line, `\`) {
			// "\ No newline at end of file" annotates the line before it.
			continue
		}
		kind := byte(' ')
		if line != "" {
			// An empty line is a context line whose space was trimmed.
			kind = line[0]
		}
		switch kind {
		case '+':
			if newLeft == 0 {
				return nil, fmt.Errorf("patch line %d: more added lines than the hunk header counts", at)
			}
			added = append(added, newLine)
			newLine++
			newLeft--
		case '-':
			if oldLeft == 0 {
				return nil, fmt.Errorf("patch line %d: more removed lines than the hunk header counts", at)
			}
			oldLeft--
		case ' ':
			if oldLeft == 0 || newLeft == 0 {
				return nil, fmt.Errorf("patch line %d: more context lines than the hunk header counts", at)
			}
			newLine++
			oldLeft--
			newLeft--
		default:
			return nil, fmt.Errorf("patch line %d: line starts with %q, not ' ', '+', '-' or '@@'", at, kind)
		}
	}
	if inHunk && (oldLeft > 0 || newLeft > 0) {
		return nil, fmt.Errorf("patch ends %d old and %d new lines before its last hunk does", oldLeft, newLeft)
	}
	return added, nil
}

// hunkHeader is the numbers of one "@@ -a,b +c,d @@" line.
type hunkHeader struct {
	oldStart, oldCount int
	newStart, newCount int
}

// parseHunkHeader reads "@@ -a[,b] +c[,d] @@[ section]"; a missing count
// means 1.
func parseHunkHeader(line string) (hunkHeader, error) {
	rest, ok := strings.CutPrefix(line, "@@ -")
	if !ok {
		return hunkHeader{}, fmt.Errorf("hunk header %q: want \"@@ -a,b +c,d @@\"", clip(line))
	}
	ranges, _, ok := strings.Cut(rest, " @@")
	if !ok {
		return hunkHeader{}, fmt.Errorf("hunk header %q: no closing @@", clip(line))
	}
	oldPart, newPart, ok := strings.Cut(ranges, " +")
	if !ok {
		return hunkHeader{}, fmt.Errorf("hunk header %q: no +c,d range", clip(line))
	}
	var h hunkHeader
	var err error
	if h.oldStart, h.oldCount, err = parseRange(oldPart); err != nil {
		return hunkHeader{}, fmt.Errorf("hunk header %q: old range: %w", clip(line), err)
	}
	if h.newStart, h.newCount, err = parseRange(newPart); err != nil {
		return hunkHeader{}, fmt.Errorf("hunk header %q: new range: %w", clip(line), err)
	}
	// Only an empty side may start at 0 (a created or deleted file).
	if h.newStart == 0 && h.newCount > 0 || h.oldStart == 0 && h.oldCount > 0 {
		return hunkHeader{}, fmt.Errorf("hunk header %q: a non-empty range starts at line 0", clip(line))
	}
	return h, nil
}

// parseRange reads "start[,count]".
func parseRange(s string) (start, count int, err error) {
	startText, countText, hasCount := strings.Cut(s, ",")
	if start, err = parseLineNumber(startText); err != nil {
		return 0, 0, err
	}
	count = 1
	if hasCount {
		if count, err = parseLineNumber(countText); err != nil {
			return 0, 0, err
		}
	}
	return start, count, nil
}

// parseLineNumber accepts plain decimal digits only: strconv.Atoi would
// also take a sign.
func parseLineNumber(s string) (int, error) {
	if s == "" || len(s) > 10 || strings.Trim(s, "0123456789") != "" {
		return 0, fmt.Errorf("%q is not a line number", clip(s))
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > maxLineNumber {
		return 0, fmt.Errorf("%q is out of range", clip(s))
	}
	return n, nil
}

// clip shortens text quoted in an error, so a hostile patch cannot make
// the message huge.
func clip(s string) string {
	const max = 80
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max], "") + "…"
}
