package gitdiff

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAddedText(t *testing.T) {
	ctx := context.Background()
	r := newTestRepo(t)
	body := lines("keep", 8)
	r.write("app/config.js", body)
	r.write("app/move.js", "function a() {}\nconst token = lookup()\nfunction b() {}\n")
	r.write("app/other.js", "// other\n")
	r.write("old/name.txt", lines("renamed", 10))
	r.write("img.bin", "\x00\x01\x02binary")
	r.write("win.txt", "one\r\ntwo\r\n")
	base := r.commit("base")

	r.write("app/config.js", insertAfter(body, 2, `const key = "added-secret-1"`, "  plain added"))
	// "const token" moves from move.js to other.js, re-indented; "b" moves
	// within move.js.
	r.write("app/move.js", "function b() {}\nfunction a() {}\n")
	r.write("app/other.js", "// other\n    const token = lookup()\n")
	if err := os.Remove(filepath.Join(r.dir, "old", "name.txt")); err != nil {
		t.Fatal(err)
	}
	r.write("new/name.txt", replaceLine(lines("renamed", 10), 5, "renamed and changed"))
	r.write("img.bin", "\x00\x01\x02binary changed")
	r.write("win.txt", "one\r\ntwo\r\nthree\r\n")
	long := "x=" + strings.Repeat("a", 3<<20)
	r.write("dist/bundle.js", long+"\n")
	head := r.commit("head")

	got, err := r.open().AddedText(ctx, base, head)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		file string
		line int
	}
	byKey := map[key]AddedLine{}
	for _, l := range got {
		byKey[key{l.File, l.Line}] = l
	}
	want := []struct {
		name  string
		file  string
		line  int
		text  string
		moved bool
	}{
		{"added line has its text", "app/config.js", 3, `const key = "added-secret-1"`, false},
		{"added line keeps its indent", "app/config.js", 4, "  plain added", false},
		{"line moved to another file", "app/other.js", 2, "    const token = lookup()", true},
		{"renamed file reports the changed line at its new path", "new/name.txt", 5, "renamed and changed", false},
		{"CRLF line ends without the carriage return", "win.txt", 3, "three", false},
		{"3 MB single line comes whole", "dist/bundle.js", 1, long, false},
	}
	for _, w := range want {
		t.Run(w.name, func(t *testing.T) {
			l, ok := byKey[key{w.file, w.line}]
			if !ok {
				t.Fatalf("no added line %s:%d in %d lines", w.file, w.line, len(got))
			}
			if l.Text != w.text {
				t.Errorf("text = %.60q (len %d), want %.60q (len %d)", l.Text, len(l.Text), w.text, len(w.text))
			}
			if l.Moved != w.moved {
				t.Errorf("Moved = %v, want %v", l.Moved, w.moved)
			}
		})
	}
	for _, l := range got {
		if l.File == "img.bin" {
			t.Errorf("binary file reported: %+v", l)
		}
		if l.File == "new/name.txt" && l.Line != 5 {
			t.Errorf("renamed file: unchanged line %d reported as added", l.Line)
		}
		if l.File == "old/name.txt" {
			t.Errorf("renamed file reported under its old path")
		}
	}
	// Which of the swapped functions git shows as moved is its choice; the
	// one it shows must be marked.
	var inMove []AddedLine
	for _, l := range got {
		if l.File == "app/move.js" {
			inMove = append(inMove, l)
		}
	}
	if len(inMove) != 1 || !inMove[0].Moved || !strings.HasPrefix(inMove[0].Text, "function ") {
		t.Errorf("line moved within a file: got %s, want one moved function line", summarize(inMove))
	}
	if len(got) != len(want)+len(inMove) {
		t.Errorf("got %d added lines, want %d: %s", len(got), len(want), summarize(got))
	}
}

func TestAddedTextMatchesChanges(t *testing.T) {
	ctx := context.Background()
	r := newTestRepo(t)
	r.write("a.txt", lines("a", 30))
	base := r.commit("base")
	c := lines("a", 30)
	c = replaceLine(c, 7, "seven")
	c = insertAfter(c, 20, "x", "y", "z")
	r.write("a.txt", c)
	r.write("b.txt", "new file\nsecond\n")
	head := r.commit("head")
	repo := r.open()
	added, err := repo.AddedLines(ctx, base, head)
	if err != nil {
		t.Fatal(err)
	}
	text, err := repo.AddedText(ctx, base, head)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ranges := range added {
		for _, rg := range ranges {
			n += rg.To - rg.From + 1
		}
	}
	if n != len(text) {
		t.Fatalf("AddedLines counts %d lines, AddedText %d: %s", n, len(text), summarize(text))
	}
	for _, l := range text {
		if !added.Touched(l.File, l.Line, l.Line) {
			t.Errorf("AddedText reports %s:%d, AddedLines does not", l.File, l.Line)
		}
	}
}

func TestAddedTextMissingCommit(t *testing.T) {
	r := newTestRepo(t)
	r.write("a", "1\n")
	head := r.commit("one")
	_, err := r.open().AddedText(context.Background(), strings.Repeat("ab", 20), head)
	if err == nil || !strings.Contains(err.Error(), "not in this clone") {
		t.Fatalf("err = %v, want a missing-commit error", err)
	}
}

func TestParseAddedText(t *testing.T) {
	tests := []struct {
		name    string
		diff    string
		want    string
		wantErr string
	}{
		{
			name: "added and removed lines with a move",
			diff: "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +0,0 @@\n-  moved\n@@ -5,0 +5,2 @@\n+moved\n+fresh\n",
			want: "x:5 moved moved|x:6 fresh",
		},
		{
			name: "removed whitespace runs still match",
			diff: "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-\t a  b \t\n+a  b\n",
			want: "x:1 moved a  b",
		},
		{
			name: "deleted file adds nothing",
			diff: "diff --git a/d b/d\ndeleted file mode 100644\n--- a/d\n+++ /dev/null\n@@ -1 +0,0 @@\n-gone\n",
			want: "",
		},
		{
			name: "added line that looks like a header",
			diff: "--- a/x\n+++ b/x\n@@ -0,0 +1,2 @@\n++++ b/y\n+diff --git a/q b/q\n",
			want: "x:1 +++ b/y|x:2 diff --git a/q b/q",
		},
		{
			name: "no newline at end of file",
			diff: "--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+last\n\\ No newline at end of file\n",
			want: "x:1 last",
		},
		{
			name:    "hunk cut short",
			diff:    "--- a/x\n+++ b/x\n@@ -0,0 +1,3 @@\n+one\n",
			wantErr: "ends inside a hunk",
		},
		{
			name: "plus line after the hunk is not added",
			diff: "--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+one\n+two\n",
			want: "x:1 one",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseAddedText(strings.NewReader(tc.diff))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s := summarize(got); s != tc.want {
				t.Errorf("got %q, want %q", s, tc.want)
			}
		})
	}
}

func TestParseAddedTextLongRemovedLine(t *testing.T) {
	// A removed line far longer than the reader's buffer, with whitespace
	// around it, still matches its re-added, trimmed copy.
	long := strings.Repeat("z", 200<<10)
	diff := "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-   " + long + "  \t\n+" + long + "\n"
	got, err := ParseAddedText(strings.NewReader(diff))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !got[0].Moved || got[0].Text != long {
		t.Fatalf("got %d lines, moved=%v", len(got), len(got) > 0 && got[0].Moved)
	}
}

func summarize(ls []AddedLine) string {
	var parts []string
	for _, l := range ls {
		s := fmt.Sprintf("%s:%d ", l.File, l.Line)
		if l.Moved {
			s += "moved "
		}
		text := l.Text
		if len(text) > 40 {
			text = text[:40]
		}
		parts = append(parts, s+text)
	}
	return strings.Join(parts, "|")
}
