package redact

import "testing"

func TestExcerpt(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{`session({ secret: "abcdefgh12345678", cookie`, 30, `session({ secret: "…`},
		{`a b c d e f`, 6, `a b c…`},
		{"tokentokentoken", 5, "…"},
		{"ünïcödé ünïcödé", 10, "ünïcödé …"},
		{"x", 0, "…"},
	}
	for _, tt := range tests {
		got := Excerpt(tt.s, tt.n)
		if got != tt.want {
			t.Errorf("Excerpt(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}
