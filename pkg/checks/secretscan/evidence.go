package secretscan

import (
	"fmt"
	"strconv"
	"strings"
)

// counts are what one phase of the scan (the tree, the diff, the
// artifacts) handed to the engine, for the scorecard's evidence. The feeds
// run one at a time, so the counts need no lock.
type counts struct {
	// files are the files (or diff runs' files) scanned, bytes their size;
	// skipped the tree files left out (lock files, tests, fixtures).
	files, skipped int
	bytes          int64
	// lines are the added lines a diff scanned; binary the binary files
	// it scanned whole.
	lines, binary int
	// sourceMaps are the maps whose original sources were scanned;
	// archives the archive files (by on-disk path) something was read in.
	sourceMaps int
	archives   map[string]bool
}

// scanned counts one file or member handed to the engine.
func (c *counts) scanned(path string, n int) {
	if c == nil {
		return
	}
	c.files++
	c.bytes += int64(n)
	if f, _, ok := strings.Cut(path, "!"); ok {
		if c.archives == nil {
			c.archives = map[string]bool{}
		}
		c.archives[f] = true
	}
}

// recordTree says how much of the tree was scanned.
func (s *scan) recordTree(c *counts) {
	line := files(c.files) + " scanned (" + size(c.bytes) + ") with " + strconv.Itoa(s.eng.RuleCount()) + " secret rules"
	if c.skipped > 0 {
		line += "; " + grouped(c.skipped) + " lock, test and fixture " + plural(c.skipped, "file") + " left out"
	}
	s.t.Tally.Record("secrets", "%s", line)
}

// recordDiff says which lines of the range were scanned.
func (s *scan) recordDiff(c *counts) {
	line := fmt.Sprintf("added lines of %s..%s only: %s %s in %s scanned with %d secret rules",
		short(s.t.Diff.Base), short(s.t.Diff.Head), grouped(c.lines), plural(c.lines, "line"), files(c.files-c.binary), s.eng.RuleCount())
	if c.binary > 0 {
		line += fmt.Sprintf("; %d changed binary %s scanned whole", c.binary, plural(c.binary, "file"))
	}
	s.t.Tally.Record("secrets", "%s", line)
}

// recordArtifacts says what build output was scanned.
func (s *scan) recordArtifacts(c *counts) {
	line := fmt.Sprintf("%d build %s scanned: %s (%s)", len(s.t.Artifacts), plural(len(s.t.Artifacts), "artifact"), files(c.files), size(c.bytes))
	if n := len(c.archives); n > 0 {
		line += fmt.Sprintf(", %d %s opened", n, plural(n, "archive"))
	}
	if c.sourceMaps > 0 {
		line += fmt.Sprintf(", original sources of %d source %s", c.sourceMaps, plural(c.sourceMaps, "map"))
	}
	s.t.Tally.Record("secrets", "%s", line)
}

// files counts files: "1 file", "1,234 files".
func files(n int) string { return grouped(n) + " " + plural(n, "file") }

// plural is noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// grouped writes n with thousands separators: 1,234.
func grouped(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return s
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// size writes a byte count the way people read it: 812 B, 4.2 KB, 56 MB.
func size(n int64) string {
	const k = 1000
	switch {
	case n < k:
		return strconv.FormatInt(n, 10) + " B"
	case n < k*k:
		return scaled(n, k) + " KB"
	case n < k*k*k:
		return scaled(n, k*k) + " MB"
	}
	return scaled(n, k*k*k) + " GB"
}

// scaled is n/unit with one decimal below 10 and none above.
func scaled(n, unit int64) string {
	v := float64(n) / float64(unit)
	if v < 10 {
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}
