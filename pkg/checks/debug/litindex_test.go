package debug

import (
	"slices"
	"testing"
)

// TestLitIndexFindsOverlaps holds the index to every occurrence of every
// literal, overlapping ones and literals shared by two rules included, and
// the cursor to the first at or after a line's start.
func TestLitIndexFindsOverlaps(t *testing.T) {
	a := &lineRule{literals: [][]byte{[]byte("debug"), []byte("bug")}}
	b := &lineRule{literals: [][]byte{[]byte("bug"), []byte("ugg")}}
	none := &lineRule{}
	x := indexLiterals([]*lineRule{a, b, none})
	if a.index != x || b.index != x || none.index != nil {
		t.Fatalf("index given to %v %v %v", a.index, b.index, none.index)
	}
	lower := []byte("debugger\nbug\n")
	occ := x.find(lower)
	for _, tt := range []struct {
		r    *lineRule
		want [][]int
	}{
		{a, [][]int{{0}, {2, 9}}},
		{b, [][]int{{2, 9}, {3}}},
	} {
		c := newCursor(tt.r, occ, len(lower))
		if !slices.EqualFunc(c.at, tt.want, slices.Equal[[]int]) {
			t.Errorf("occurrences %v, want %v", c.at, tt.want)
		}
	}
	c := newCursor(a, occ, len(lower))
	for _, tt := range []struct{ from, want int }{{0, 0}, {1, 2}, {3, 9}, {10, len(lower)}} {
		if got := c.first(tt.from); got != tt.want {
			t.Errorf("first(%d) = %d, want %d", tt.from, got, tt.want)
		}
	}
	if got := newCursor(b, x.find([]byte("nothing here")), 12).first(0); got != 12 {
		t.Errorf("first in a file without the literals = %d, want its end", got)
	}
}
