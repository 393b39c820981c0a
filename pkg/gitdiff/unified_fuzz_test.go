package gitdiff

import (
	"strings"
	"testing"
)

// maxFuzzDiff bounds the diffs both fuzz targets try. Go's fuzzing engine
// minimises every input that reaches new code, with a step that is
// quadratic in the input's length and a budget of a minute
// (-fuzzminimizetime), so a diff the mutator has grown to kilobytes stalls
// a run for that minute. 256 bytes hold three files' headers with a hunk
// each, or one file with a rename, quoted names, CRLF lines and several
// hunks. Lines longer than maxLineKept are tested in addedtext_test.go.
const maxFuzzDiff = 256

func FuzzParseUnified(f *testing.F) {
	for _, seed := range []string{
		"diff --git a/x.go b/x.go\n--- a/x.go\n+++ b/x.go\n@@ -2 +2 @@\n-old\n+new\n@@ -8,0 +9,2 @@\n+a\n+b\n",
		"diff --git \"a/t\\tq.txt\" \"b/t\\tq.txt\"\nnew file mode 100644\n--- /dev/null\n+++ \"b/t\\tq.txt\"\n@@ -0,0 +1 @@\n+x\n",
		"diff --git a/a b.bin b/c d.bin\nrename from a b.bin\nrename to c d.bin\nBinary files a/a b.bin and b/c d.bin differ\n",
		"--- a/c\r\n+++ b/c\r\n@@ -1,4 +1,5 @@\r\n ctx\r\n+new\r\n\r\n-old\r\n+rep\r\n ctx\r\n\\ No newline at end of file\n",
		"diff --git a/d b/d\ndeleted file mode 100644\n--- a/d\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-1\n-2\n",
	} {
		if len(seed) > maxFuzzDiff {
			f.Fatalf("seed of %d bytes, over the %d the target tries: %q", len(seed), maxFuzzDiff, seed)
		}
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, diff string) {
		if len(diff) > maxFuzzDiff {
			return
		}
		added, err := ParseUnified(strings.NewReader(diff))
		if err != nil {
			return
		}
		for file, ranges := range added {
			if file == "" {
				t.Fatalf("empty file name in %v", added)
			}
			for i, r := range ranges {
				if r.From < 1 || r.To < r.From {
					t.Fatalf("%s: invalid range %+v", file, r)
				}
				if i > 0 && r.From <= ranges[i-1].To+1 {
					t.Fatalf("%s: ranges not sorted and merged: %v", file, ranges)
				}
				if !added.Touched(file, r.From, r.To) || !added.Touched(file, r.To, r.To) {
					t.Fatalf("%s: Touched misses its own range %+v", file, r)
				}
			}
			if n := len(ranges); n > 0 && added.Touched(file, ranges[n-1].To+1, ranges[n-1].To+1) {
				t.Fatalf("%s: Touched reports a line past the last range", file)
			}
		}
	})
}
