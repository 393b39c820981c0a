package gitdiff

import (
	"fmt"
	"strings"
	"testing"
)

// FuzzParseAddedText checks that the text parser never panics and agrees
// with ParseChanges on which lines a diff adds.
func FuzzParseAddedText(f *testing.F) {
	for _, seed := range []string{
		"diff --git a/x.go b/x.go\n--- a/x.go\n+++ b/x.go\n@@ -2 +2 @@\n-old\n+new\n@@ -8,0 +9,2 @@\n+a\n+b\n",
		"diff --git a/a b/b\nsimilarity index 90%\nrename from a\nrename to b\n--- a/a\n+++ b/b\n@@ -1 +1 @@\n- x \n+x\n",
		"--- a/c\r\n+++ b/c\r\n@@ -1,4 +1,5 @@\r\n ctx\r\n+new\r\n\r\n-old\r\n+rep\r\n ctx\r\n\\ No newline at end of file\n",
		"diff --git a/d b/d\ndeleted file mode 100644\n--- a/d\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-1\n-2\n",
		"Binary files a/i.png and b/i.png differ\n",
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
		text, err := ParseAddedText(strings.NewReader(diff))
		changes, cerr := ParseChanges(strings.NewReader(diff))
		if (err == nil) != (cerr == nil) {
			t.Fatalf("ParseAddedText err = %v, ParseChanges err = %v", err, cerr)
		}
		if err != nil {
			return
		}
		n := 0
		for _, ranges := range changes.Added {
			for _, r := range ranges {
				n += r.To - r.From + 1
			}
		}
		// A malformed diff can add the same line twice in overlapping
		// hunks; ParseChanges merges those, so compare distinct lines.
		distinct := map[string]bool{}
		for _, l := range text {
			distinct[fmt.Sprintf("%s\x00%d", l.File, l.Line)] = true
		}
		if n != len(distinct) {
			t.Fatalf("ParseChanges adds %d lines, ParseAddedText %d", n, len(distinct))
		}
		for _, l := range text {
			if l.File == "" || l.Line < 1 {
				t.Fatalf("bad line %+v", l)
			}
			if !changes.Added.Touched(l.File, l.Line, l.Line) {
				t.Fatalf("%s:%d not added per ParseChanges", l.File, l.Line)
			}
			if strings.HasSuffix(l.Text, "\n") {
				t.Fatalf("%s:%d keeps its newline", l.File, l.Line)
			}
		}
	})
}
