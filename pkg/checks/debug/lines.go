package debug

import (
	"bytes"
	"slices"
)

// maxContextLine is the longest line a window keeps as context. Settings
// that span lines are short; a longer line (minified code, data) ends the
// window instead, which also bounds the text a windowed pattern reads.
const maxContextLine = 4 << 10

// hit is one line a rule fires on.
type hit struct {
	rule *lineRule
	// line and column are 1-based; column counts bytes.
	line, column int
	// text is the whole line; match is the part of the match on it, and
	// end the offset in text where the match ends. Both slices are valid
	// only until report returns.
	text, match []byte
	end         int
	// reason is the rule's judgement of the literal it captured, for a
	// rule with a Match.Value, and value the literal's offsets in match.
	reason string
	value  [2]int
}

// span is one earlier line a window may look at.
type span struct {
	text []byte
	line int
}

// cursor finds, for one rule, the lines that hold one of its literals,
// from where its literals occur in the file (see litIndex).
type cursor struct {
	at       [][]int // per literal of the rule: its start offsets, ascending
	end      int     // the file's length
	lastLine int     // the last line found to hold a literal
}

// newCursor returns the cursor of r over a file of size bytes whose
// literal occurrences, by literal id of r's index, are occ.
func newCursor(r *lineRule, occ [][]int, size int) *cursor {
	c := &cursor{at: make([][]int, len(r.litIDs)), end: size}
	for i, id := range r.litIDs {
		c.at[i] = occ[id]
	}
	return c
}

// first returns the offset of the first literal occurrence at or after
// from, or the file's length when there is none. Calls come with from
// never decreasing.
func (c *cursor) first(from int) int {
	m := c.end
	for i, at := range c.at {
		k := 0
		for k < len(at) && at[k] < from {
			k++
		}
		c.at[i] = at[k:]
		if k < len(at) {
			m = min(m, at[k])
		}
	}
	return m
}

// scanLines applies rules to data, the content of one file, and calls
// report for every line a rule fires on, in line order, at most once per
// rule and line.
func scanLines(data []byte, rules []*lineRule, report func(hit)) {
	lower := lowerASCII(data)
	prefilter := !foldsPastASCII(data)
	var active []*lineRule
	var cursors []*cursor
	window := 1
	occ := map[*litIndex][][]int{}
	for _, r := range rules {
		var c *cursor
		if r.literals != nil && r.index != nil && prefilter {
			at, ok := occ[r.index]
			if !ok {
				at = r.index.find(lower)
				occ[r.index] = at
			}
			// Literals hold no line break, so one that occurs in the file
			// lies within a line.
			if c = newCursor(r, at, len(lower)); c.first(0) == len(lower) {
				continue
			}
		}
		active = append(active, r)
		cursors = append(cursors, c)
		window = max(window, r.window)
	}
	if len(active) == 0 {
		return
	}
	// prev holds up to window-1 non-blank lines before the current one,
	// oldest first.
	prev := make([]span, 0, window)
	var joined []byte
	n := 0
	for off := 0; off < len(data); {
		lineStart, end := off, len(data)
		off = end
		if i := bytes.IndexByte(data[lineStart:], '\n'); i >= 0 {
			end, off = lineStart+i, lineStart+i+1
		}
		text := data[lineStart:end]
		if k := len(text); k > 0 && text[k-1] == '\r' {
			text = text[:k-1]
		}
		n++
		for i, r := range active {
			context := prev[max(0, len(prev)-(r.window-1)):]
			if c := cursors[i]; c != nil {
				if c.first(lineStart) < end {
					c.lastLine = n
				} else if len(context) == 0 || c.lastLine < context[0].line {
					continue
				}
			}
			var h hit
			var ok bool
			if r.window == 1 {
				h, ok = matchLine(r, text)
			} else {
				h, joined, ok = matchWindow(r, context, text, joined)
			}
			if ok && r.after != nil && guardedAfter(r, data[off:]) {
				ok = false
			}
			if ok {
				h.rule, h.line = r, n
				report(h)
			}
		}
		switch {
		case window == 1 || len(bytes.TrimSpace(text)) == 0:
		case len(text) > maxContextLine:
			prev = prev[:0]
		default:
			if len(prev) == window-1 {
				prev = append(prev[:0], prev[1:]...)
			}
			prev = append(prev, span{text: text, line: n})
		}
	}
}

// matchLine applies a one-line rule to text.
func matchLine(r *lineRule, text []byte) (hit, bool) {
	var loc []int
	var reason string
	if r.judge == nil {
		loc = r.pattern.FindIndex(text)
	} else if r.pattern.Match(text) {
		// Submatches cost RE2 far more than a match, so only a line
		// that matches pays for them.
		for _, l := range r.pattern.FindAllSubmatchIndex(text, -1) {
			if why, ok := judged(r, text, l); ok {
				loc, reason = l, why
				break
			}
		}
	}
	if loc == nil || r.unless != nil && r.unless.Match(text) {
		return hit{}, false
	}
	h := hit{column: loc[0] + 1, text: text, match: text[loc[0]:loc[1]], end: loc[1], reason: reason}
	h.value = valueIn(r, loc, loc[0])
	return h, true
}

// matchWindow applies a windowed rule to text and the context lines before
// it. buf is scratch space for the joined window, returned for reuse.
func matchWindow(r *lineRule, context []span, text, buf []byte) (hit, []byte, bool) {
	buf = buf[:0]
	for _, c := range context {
		buf = append(buf, c.text...)
		buf = append(buf, '\n')
	}
	start := len(buf)
	buf = append(buf, text...)
	// Matches that end before this line were reported on their own line.
	// Matches do not overlap and no two start at the same offset, so at
	// most start of them begin before this line.
	locs := r.pattern.FindAllIndex(buf, start+1)
	if r.judge != nil && slices.ContainsFunc(locs, func(l []int) bool { return l[1] > start || l[0] >= start }) {
		// A rule that judges what it captured may pass over a match
		// whose literal is fine for one later on the line, so it looks
		// at them all. Submatches cost RE2 far more than a match, so
		// only a window with a match on this line pays for them.
		locs = r.pattern.FindAllSubmatchIndex(buf, -1)
	}
	var loc []int
	var reason string
	for _, l := range locs {
		if l[1] > start || l[0] >= start {
			if why, ok := judged(r, buf, l); ok {
				loc, reason = l, why
				break
			}
		}
	}
	if loc == nil || r.unless != nil && r.unless.Match(text) {
		return hit{}, buf, false
	}
	if r.before != nil {
		for _, c := range context {
			if r.before.Match(c.text) {
				return hit{}, buf, false
			}
		}
	}
	from := max(loc[0], start)
	column := from - start + 1
	if loc[0] < start {
		// The match began on an earlier line: point at this line's text.
		column = len(text) - len(bytes.TrimLeft(text, " \t")) + 1
	}
	match := bytes.TrimLeft(buf[from:loc[1]], " \t")
	h := hit{column: column, text: text, match: match, end: loc[1] - start, reason: reason}
	h.value = valueIn(r, loc, loc[1]-len(match))
	return h, buf, true
}

// judged reports whether the match loc of r in text fires, and the
// judgement of its literal when r judges one. A rule without a judgement
// fires on every match; one with it does not fire when its value group
// took no part in the match.
func judged(r *lineRule, text []byte, loc []int) (string, bool) {
	if r.judge == nil {
		return "", true
	}
	start, end := loc[2*r.valueGroup], loc[2*r.valueGroup+1]
	if start < 0 {
		return "", false
	}
	return r.judge(string(text[start:end]))
}

// valueIn returns the offsets, in a match that starts at offset from of
// the text loc indexes, of the literal r judged; zero when r judges none.
func valueIn(r *lineRule, loc []int, from int) [2]int {
	if r.judge == nil {
		return [2]int{}
	}
	start, end := loc[2*r.valueGroup], loc[2*r.valueGroup+1]
	return [2]int{max(start-from, 0), max(end-from, 0)}
}

// guardedAfter reports whether one of the r.window-1 non-blank lines at the
// start of rest matches r's UnlessAfter guard. It runs only for a line that
// fired, so reading ahead costs nothing on the lines that do not. A line
// too long to be context ends the look, as it ends a window.
func guardedAfter(r *lineRule, rest []byte) bool {
	for seen := 0; seen < r.window-1 && len(rest) > 0; {
		text := rest
		rest = nil
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			text, rest = text[:i], text[i+1:]
		}
		text = bytes.TrimSuffix(text, []byte("\r"))
		if len(bytes.TrimSpace(text)) == 0 {
			continue
		}
		if len(text) > maxContextLine {
			return false
		}
		if r.after.Match(text) {
			return true
		}
		seen++
	}
	return false
}
