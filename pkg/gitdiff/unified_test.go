package gitdiff

import (
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestParseUnified(t *testing.T) {
	tests := []struct {
		name    string
		diff    string
		want    Added
		wantErr string
	}{
		{
			name: "modified file, two hunks",
			diff: "diff --git a/x.go b/x.go\nindex 1..2 100644\n--- a/x.go\n+++ b/x.go\n" +
				"@@ -2 +2 @@ func\n-old\n+new\n@@ -8,0 +9,2 @@\n+a\n+b\n",
			want: Added{"x.go": {{2, 2}, {9, 10}}},
		},
		{
			name: "new file",
			diff: "diff --git a/n.txt b/n.txt\nnew file mode 100644\n--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1,3 @@\n+1\n+2\n+3\n",
			want: Added{"n.txt": {{1, 3}}},
		},
		{
			name: "deleted file",
			diff: "diff --git a/d.txt b/d.txt\ndeleted file mode 100644\n--- a/d.txt\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-1\n-2\n",
			want: Added{},
		},
		{
			name: "rename with edit keyed by new name",
			diff: "diff --git a/old name.txt b/new name.txt\nsimilarity index 90%\nrename from old name.txt\nrename to new name.txt\n" +
				"--- a/old name.txt\t\n+++ b/new name.txt\t\n@@ -3 +3 @@\n-x\n+y\n",
			want: Added{"new name.txt": {{3, 3}}},
		},
		{
			name: "pure rename adds nothing",
			diff: "diff --git a/a.txt b/b.txt\nsimilarity index 100%\nrename from a.txt\nrename to b.txt\n",
			want: Added{},
		},
		{
			name: "quoted path with escapes",
			diff: "diff --git \"a/t\\tq\\\"\\303\\274.txt\" \"b/t\\tq\\\"\\303\\274.txt\"\nnew file mode 100644\n--- /dev/null\n" +
				"+++ \"b/t\\tq\\\"\\303\\274.txt\"\n@@ -0,0 +1 @@\n+x\n",
			want: Added{"t\tq\"ü.txt": {{1, 1}}},
		},
		{
			name: "header lines inside a hunk are content",
			diff: "diff --git a/p.diff b/p.diff\n--- a/p.diff\n+++ b/p.diff\n@@ -1,2 +1,3 @@\n---- a/other\n-+++ b/other\n++++ b/evil\n+diff --git a/e b/e\n+@@ -1 +1 @@\n",
			want: Added{"p.diff": {{1, 3}}},
		},
		{
			name: "no newline at end of file",
			diff: "diff --git a/n b/n\n--- a/n\n+++ b/n\n@@ -2 +2,2 @@\n-b\n\\ No newline at end of file\n+B\n+c\n\\ No newline at end of file\n",
			want: Added{"n": {{2, 3}}},
		},
		{
			name: "CRLF line endings",
			diff: "diff --git a/w.txt b/w.txt\r\n--- a/w.txt\r\n+++ b/w.txt\r\n@@ -1,0 +2,2 @@\r\n+a\r\n+b\r\n",
			want: Added{"w.txt": {{2, 3}}},
		},
		{
			name: "binary file changed, new, deleted",
			diff: "diff --git a/i.png b/i.png\nindex 1..2 100644\nBinary files a/i.png and b/i.png differ\n" +
				"diff --git a/n.bin b/n.bin\nnew file mode 100644\nBinary files /dev/null and b/n.bin differ\n" +
				"diff --git a/g.bin b/g.bin\ndeleted file mode 100644\nBinary files a/g.bin and /dev/null differ\n",
			want: Added{"i.png": {}, "n.bin": {}},
		},
		{
			name: "binary rename with spaces",
			diff: "diff --git a/a b.bin b/c d.bin\nsimilarity index 80%\nrename from a b.bin\nrename to c d.bin\nBinary files a/a b.bin and b/c d.bin differ\n",
			want: Added{"c d.bin": {}},
		},
		{
			name: "context lines, including a trimmed empty one",
			diff: "--- a/c\n+++ b/c\n@@ -1,4 +1,5 @@\n ctx\n+new\n\n-old\n+rep\n ctx\n",
			want: Added{"c": {{2, 2}, {4, 4}}},
		},
		{
			name: "out-of-order hunks are sorted and merged",
			diff: "--- a/o\n+++ b/o\n@@ -9,0 +10,2 @@\n+x\n+y\n@@ -1,0 +2 @@\n+z\n@@ -5,0 +12 @@\n+w\n",
			want: Added{"o": {{2, 2}, {10, 12}}},
		},
		{
			name: "plain diff -u names with timestamps",
			diff: "--- a/f.txt\t2024-01-01 00:00:00\n+++ b/f.txt\t2024-01-02 00:00:00\n@@ -1 +1 @@\n-a\n+b\n",
			want: Added{"f.txt": {{1, 1}}},
		},
		{name: "empty input", diff: "", want: Added{}},
		// A "+" line after the hunk closed is not counted: hunks are read by
		// their header's counts, and between hunks only headers matter.
		{name: "added line beyond the hunk's count", diff: "+++ b/x\n@@ -1 +1 @@\n-a\n+b\n+c\n", want: Added{"x": {{1, 1}}}},
		{name: "hunk header without new start", diff: "+++ b/x\n@@ -1 + @@\n", wantErr: "bad line number"},
		{name: "negative count", diff: "+++ b/x\n@@ -1 +1,-2 @@\n", wantErr: "bad line number"},
		{name: "new lines at line zero", diff: "+++ b/x\n@@ -1 +0,2 @@\n", wantErr: "start at line 0"},
		{name: "huge line number", diff: "+++ b/x\n@@ -1 +1073741823,5 @@\n", wantErr: "beyond"},
		{name: "truncated hunk", diff: "+++ b/x\n@@ -1,2 +1,2 @@\n-a\n+b\n", wantErr: "ends inside a hunk"},
		{name: "garbage in hunk", diff: "+++ b/x\n@@ -1 +1 @@\n*a\n", wantErr: "diff line 3: unexpected line"},
		{name: "combined diff", diff: "diff --cc m\n@@@ -1,1 -1,1 +1,1 @@@\n", wantErr: "combined diffs"},
		{name: "bad quoted name", diff: "+++ \"b/x\\q\"\n", wantErr: "unknown escape"},
		{name: "unterminated quoted name", diff: "+++ \"b/x\n", wantErr: "missing closing quote"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseUnified(strings.NewReader(tc.diff))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseUnified = %v, %v; want error containing %q", got, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ParseUnified:\n got %v\nwant %v", got, tc.want)
			}
		})
	}
}

// TestParseUnifiedLongLine feeds a diff whose added line is larger than any
// buffer, like a minified bundle, followed by more hunks.
func TestParseUnifiedLongLine(t *testing.T) {
	const size = 8 << 20
	head := "diff --git a/app.min.js b/app.min.js\n--- a/app.min.js\n+++ b/app.min.js\n@@ -1 +1,2 @@\n-old\n+"
	tail := "\n+second\ndiff --git a/z b/z\n--- a/z\n+++ b/z\n@@ -4,0 +5 @@\n+z\n"
	r := io.MultiReader(strings.NewReader(head), &repeatReader{b: 'x', n: size}, strings.NewReader(tail))
	got, err := ParseUnified(r)
	if err != nil {
		t.Fatal(err)
	}
	want := Added{"app.min.js": {{1, 2}}, "z": {{5, 5}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// repeatReader yields n copies of b without holding them.
type repeatReader struct {
	b byte
	n int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), r.n)
	for i := range k {
		p[i] = r.b
	}
	r.n -= k
	return k, nil
}

func TestTouched(t *testing.T) {
	a := Added{"f": {{2, 2}, {9, 10}, {20, 25}}, "bin": {}}
	tests := []struct {
		name     string
		file     string
		from, to int
		want     bool
	}{
		{name: "exact single line", file: "f", from: 2, to: 2, want: true},
		{name: "line before first range", file: "f", from: 1, to: 1, want: false},
		{name: "gap between ranges", file: "f", from: 3, to: 8, want: false},
		{name: "block overlapping range start", file: "f", from: 5, to: 9, want: true},
		{name: "block overlapping range end", file: "f", from: 10, to: 15, want: true},
		{name: "block covering a range", file: "f", from: 19, to: 30, want: true},
		{name: "block inside a range", file: "f", from: 21, to: 22, want: true},
		{name: "after last range", file: "f", from: 26, to: 100, want: false},
		{name: "end line unknown (0)", file: "f", from: 9, to: 0, want: true},
		{name: "end line unknown, untouched", file: "f", from: 11, to: 0, want: false},
		{name: "other file", file: "g", from: 1, to: 100, want: false},
		{name: "binary file has no lines", file: "bin", from: 1, to: 100, want: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := a.Touched(tc.file, tc.from, tc.to); got != tc.want {
				t.Errorf("Touched(%q, %d, %d) = %v, want %v", tc.file, tc.from, tc.to, got, tc.want)
			}
		})
	}
}

func TestRebase(t *testing.T) {
	a := Added{"api/openapi.yaml": {{1, 2}}, "api/v2/x.yaml": {{3, 3}}, "apix/y.yaml": {{4, 4}}, "root.txt": {{5, 5}}}
	tests := []struct {
		prefix string
		want   Added
	}{
		{prefix: "api", want: Added{"openapi.yaml": {{1, 2}}, "v2/x.yaml": {{3, 3}}}},
		{prefix: "api/", want: Added{"openapi.yaml": {{1, 2}}, "v2/x.yaml": {{3, 3}}}},
		{prefix: "./api/v2", want: Added{"x.yaml": {{3, 3}}}},
		{prefix: "", want: a},
		{prefix: ".", want: a},
		{prefix: "missing", want: Added{}},
	}
	for _, tc := range tests {
		t.Run("prefix "+tc.prefix, func(t *testing.T) {
			if got := a.Rebase(tc.prefix); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Rebase(%q) = %v, want %v", tc.prefix, got, tc.want)
			}
		})
	}
	if got := a.Files(); !reflect.DeepEqual(got, []string{"api/openapi.yaml", "api/v2/x.yaml", "apix/y.yaml", "root.txt"}) {
		t.Errorf("Files() = %v", got)
	}
}
