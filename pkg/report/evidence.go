package report

import (
	"fmt"
	"strings"
)

// Evidence is one block of what a run saw that explains its verdicts,
// for people: the SPF lookup tree with the count at each include, where
// the DMARC record came from, the DKIM selectors tried and why. Lines
// keep their leading spaces, which carry the block's indentation.
type Evidence struct {
	Title string   `json:"title"`
	Lines []string `json:"lines"`
}

// Bounds of what a report shows of the evidence.
const (
	maxEvidenceBlocks = 20
	maxEvidenceLines  = 200
	maxEvidenceRunes  = 300
)

// evidenceLine is l made safe for one line of a report: control and
// bidirectional characters replaced as oneLine does, its indentation
// kept, at most maxEvidenceRunes long.
func evidenceLine(l string) string {
	body := strings.TrimLeft(l, " ")
	indent := len(l) - len(body)
	return strings.Repeat(" ", min(indent, 40)) + truncate(oneLine(body), maxEvidenceRunes)
}

// eachEvidence calls fn with each block's title and lines within the
// bounds, and with a closing line when a block or the list was cut.
func eachEvidence(blocks []Evidence, fn func(title string, lines []string)) {
	for i, e := range blocks {
		if i == maxEvidenceBlocks {
			fn(fmt.Sprintf("…and %d more blocks of evidence", len(blocks)-maxEvidenceBlocks), nil)
			return
		}
		lines := make([]string, 0, min(len(e.Lines), maxEvidenceLines+1))
		for j, l := range e.Lines {
			if j == maxEvidenceLines {
				lines = append(lines, fmt.Sprintf("…and %d more lines", len(e.Lines)-maxEvidenceLines))
				break
			}
			lines = append(lines, evidenceLine(l))
		}
		fn(truncate(oneLine(e.Title), maxEvidenceRunes), lines)
	}
}
