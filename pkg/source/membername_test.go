package source

import "testing"

func TestMemberName(t *testing.T) {
	tests := []struct {
		raw, want string
		escapes   bool
	}{
		{"static/js/main.js", "static/js/main.js", false},
		{"./a/./b.js", "a/b.js", false},
		{"a/../b.js", "b.js", true},
		{"../../etc/passwd", "etc/passwd", true},
		{"/etc/passwd", "etc/passwd", true},
		{`C:\Windows\x.dll`, "Windows/x.dll", true},
		{`dir\file.txt`, "dir/file.txt", false},
		{"a!b.js", "a%21b.js", false},
		{"100%.txt", "100%25.txt", false},
		{"line\nbreak", "line%0Abreak", false},
		{"", "_", false},
		{"..", "_", true},
	}
	for _, tc := range tests {
		t.Run(tc.raw, func(t *testing.T) {
			got, escapes := memberName(tc.raw)
			if got != tc.want || escapes != tc.escapes {
				t.Errorf("memberName(%q) = %q, %v; want %q, %v", tc.raw, got, escapes, tc.want, tc.escapes)
			}
		})
	}
}
