package ghapi

import (
	"slices"
	"strings"
	"testing"
)

func TestAddedLines(t *testing.T) {
	tests := []struct {
		name    string
		patch   string
		want    []int
		wantErr string
	}{
		{name: "empty patch", patch: "", want: nil},
		{name: "one replaced line", patch: "@@ -3 +3 @@\n-old\n+new", want: []int{3}},
		{
			name:  "two hunks with context and section text",
			patch: "@@ -1,4 +1,5 @@ package main\n a\n+b\n c\n-d\n+e\n f\n@@ -20,3 +21,4 @@ func x() {\n g\n h\n+i\n j",
			want:  []int{2, 4, 23},
		},
		{name: "new file", patch: "@@ -0,0 +1,3 @@\n+a\n+b\n+c", want: []int{1, 2, 3}},
		{name: "deleted file", patch: "@@ -1,2 +0,0 @@\n-a\n-b", want: nil},
		{name: "no newline markers", patch: "@@ -1 +1,2 @@\n-a\n\\ No newline at end of file\n+a\n+b\n\\ No newline at end of file", want: []int{1, 2}},
		{name: "trailing newline", patch: "@@ -1 +1 @@\n-a\n+b\n", want: []int{1}},
		{name: "CRLF file", patch: "@@ -1,2 +1,2 @@\n x\r\n-a\r\n+b\r", want: []int{2}},
		{name: "trimmed empty context line", patch: "@@ -1,3 +1,4 @@\n a\n\n+b\n c", want: []int{3}},
		{name: "deletion then addition hunks", patch: "@@ -5,2 +4,0 @@\n-x\n-y\n@@ -20,0 +19,1 @@\n+z", want: []int{19}},
		{name: "text before hunk", patch: "diff --git a/x b/x\n@@ -1 +1 @@\n-a\n+b", wantErr: "patch line 1: text before the first @@"},
		{name: "bad header", patch: "@@ -1 +x @@\n+a", wantErr: `patch line 1: hunk header "@@ -1 +x @@": new range: "x" is not a line number`},
		{name: "signed number", patch: "@@ -1 +-1 @@\n+a", wantErr: "not a line number"},
		{name: "no closing @@", patch: "@@ -1 +1\n+a", wantErr: "no closing @@"},
		{name: "too many added", patch: "@@ -1 +1 @@\n+a\n+b", wantErr: "patch line 3: more added lines"},
		{name: "too many removed", patch: "@@ -1 +1,2 @@\n-a\n-b", wantErr: "patch line 3: more removed lines"},
		{name: "hunk ends early", patch: "@@ -1,3 +1,3 @@\n a\n@@ -9 +9 @@\n-a\n+b", wantErr: "patch line 3: previous hunk ends 2 old and 2 new lines early"},
		{name: "patch ends early", patch: "@@ -1,3 +1,4 @@\n a\n+b", wantErr: "patch ends 2 old and 2 new lines before"},
		{name: "unknown line kind", patch: "@@ -1 +1 @@\n*a", wantErr: `line starts with '*'`},
		{name: "hunks out of order", patch: "@@ -10 +10 @@\n-a\n+b\n@@ -1 +1 @@\n-a\n+b", wantErr: "before the previous hunk ended"},
		{name: "non-empty range at line 0", patch: "@@ -1 +0,2 @@\n-a\n+b\n+c", wantErr: "starts at line 0"},
		{name: "huge number", patch: "@@ -1 +99999999999 @@\n+a", wantErr: "not a line number"},
		{name: "out of range", patch: "@@ -1 +2000000000 @@\n-a\n+b", wantErr: "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AddedLines(tt.patch)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("AddedLines error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("AddedLines: %v", err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("AddedLines = %v, want %v", got, tt.want)
			}
		})
	}
}
