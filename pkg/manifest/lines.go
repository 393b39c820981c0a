package manifest

import "sort"

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int

// newLineIndex records where each line of data starts.
func newLineIndex(data []byte) lineIndex {
	starts := lineIndex{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// line returns the line of offset.
func (x lineIndex) line(offset int) int {
	return sort.SearchInts(x, offset+1)
}
