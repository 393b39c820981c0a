package ghapi

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fuzz targets bound their inputs because Go's fuzzing engine
// minimises every input that reaches new code, with a step that is
// quadratic in the input's length and a budget of a minute
// (-fuzzminimizetime): an input the mutator has grown to kilobytes stalls
// a run for that minute. Each bound below says what still fits.
const (
	// maxFuzzPatch holds a handful of hunks with ten-digit line numbers
	// (maxLineNumber's size) and the "\ No newline" annotation.
	maxFuzzPatch = 256
	// maxFuzzOps bounds the operations FuzzAddedLinesModel builds a patch
	// from, a line or a gap each: enough for a dozen hunks of mixed lines,
	// separated by gaps of up to 64 lines.
	maxFuzzOps = 64
	// maxFuzzMarker and maxFuzzChunk bound FitCommentBody's marker (a real
	// one, "<!-- launchgate:scorecard -->", is 29 bytes) and the chunk the
	// body repeats: a code fence, a line of multi-byte runes, the marker.
	maxFuzzMarker = 64
	maxFuzzChunk  = 128
	// maxFuzzBody is twice the size a body is cut at: past that the cut
	// sees only bytes it drops, and each input costs time in proportion to
	// its body.
	maxFuzzBody = 2 * MaxCommentBytes
)

// FuzzAddedLines feeds arbitrary patches: the parser must not panic, and
// what it accepts must be consistent with the patch's own "+" lines.
func FuzzAddedLines(f *testing.F) {
	for _, seed := range []string{
		"",
		"@@ -1 +1 @@\n-a\n+b",
		"@@ -1,4 +1,5 @@ func\n a\n+b\n c\n-d\n+e\n f\n@@ -20,3 +21,4 @@\n g\n h\n+i\n j\n",
		"@@ -0,0 +1,2 @@\n+a\n+b\n\\ No newline at end of file",
		"@@ -1,2 +0,0 @@\n-a\n-b",
		"@@ -5,2 +4,0 @@\n-x\n-y\n@@ -20,0 +19,1 @@\n+z",
		"@@ -1 +1073741824 @@\n-a\n+b",
		"@@ -1,3 +1,4 @@\n a\n\n+b\n c",
	} {
		if len(seed) > maxFuzzPatch {
			f.Fatalf("seed of %d bytes, over the %d the target tries: %q", len(seed), maxFuzzPatch, seed)
		}
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, patch string) {
		if len(patch) > maxFuzzPatch {
			return
		}
		got, err := AddedLines(patch)
		if err != nil {
			if got != nil {
				t.Fatalf("lines %v returned with error %v", got, err)
			}
			return
		}
		plus := 0
		for _, l := range strings.Split(strings.TrimSuffix(patch, "\n"), "\n") {
			if strings.HasPrefix(l, "+") {
				plus++
			}
		}
		if patch != "" && len(got) != plus {
			t.Fatalf("%d added lines for %d '+' lines", len(got), plus)
		}
		for i, n := range got {
			if n < 1 || n > 2*maxLineNumber {
				t.Fatalf("line %d out of range", n)
			}
			if i > 0 && n <= got[i-1] {
				t.Fatalf("lines not strictly ascending: %v", got)
			}
		}
	})
}

// FuzzAddedLinesModel builds a well-formed patch from fuzz bytes, tracking
// the added line numbers independently, and checks the parser agrees.
func FuzzAddedLinesModel(f *testing.F) {
	f.Add([]byte{0, 1, 2, 1, 0, 3, 0, 1}, uint16(1))
	f.Add([]byte{1, 1, 1}, uint16(0))
	f.Add([]byte{2, 2, 3, 7, 1, 3, 9, 2}, uint16(40))
	f.Fuzz(func(t *testing.T, ops []byte, start uint16) {
		if len(ops) > maxFuzzOps {
			return
		}
		var (
			patch            strings.Builder
			want             []int
			hunk             []string
			oldN, newN       int
			oldPos, newPos   = int(start) + 1, int(start) + 1
			hunkOld, hunkNew = oldPos, newPos
			flush            func()
		)
		flush = func() {
			if len(hunk) == 0 {
				return
			}
			os, ns := hunkOld, hunkNew
			if oldN == 0 {
				os--
			}
			if newN == 0 {
				ns--
			}
			fmt.Fprintf(&patch, "@@ -%d,%d +%d,%d @@ ctx\n%s\n", os, oldN, ns, newN, strings.Join(hunk, "\n"))
			hunk, oldN, newN = nil, 0, 0
		}
		for _, op := range ops {
			switch op % 4 {
			case 0: // context
				hunk = append(hunk, " ctx")
				oldN, newN, oldPos, newPos = oldN+1, newN+1, oldPos+1, newPos+1
			case 1: // added
				hunk = append(hunk, "+add")
				want = append(want, newPos)
				newN, newPos = newN+1, newPos+1
			case 2: // removed
				hunk = append(hunk, "-del")
				oldN, oldPos = oldN+1, oldPos+1
			case 3: // gap of unchanged lines between hunks
				flush()
				gap := int(op/4) + 1
				oldPos, newPos = oldPos+gap, newPos+gap
				hunkOld, hunkNew = oldPos, newPos
			}
		}
		flush()
		got, err := AddedLines(patch.String())
		if err != nil {
			t.Fatalf("AddedLines(%q): %v", patch.String(), err)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("AddedLines(%q) = %v, want %v", patch.String(), got, want)
		}
	})
}

// FuzzFitCommentBody checks the fitted body always fits, keeps the marker
// and stays valid UTF-8 when the input is.
func FuzzFitCommentBody(f *testing.F) {
	f.Add("<!-- m -->", "short", 0)
	f.Add("<!-- m -->", "line\n", 20000)
	f.Add("<!-- launchgate:scorecard -->", "```\n❌ x\n", 9000)
	f.Fuzz(func(t *testing.T, marker, chunk string, repeat int) {
		if len(marker) > maxFuzzMarker || len(chunk) > maxFuzzChunk || repeat < 0 || repeat > maxFuzzBody ||
			len(chunk)*repeat > maxFuzzBody || validMarker(marker) != nil {
			return
		}
		body := strings.Repeat(chunk, repeat)
		got := FitCommentBody(marker, body)
		if len(got) > MaxCommentBytes {
			t.Fatalf("fitted body is %d bytes", len(got))
		}
		if !strings.Contains(got, marker) {
			t.Fatal("fitted body lost the marker")
		}
		if utf8.ValidString(marker) && utf8.ValidString(body) && !utf8.ValidString(got) {
			t.Fatal("fitted body is not valid UTF-8")
		}
	})
}
