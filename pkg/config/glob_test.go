package config

import "testing"

func TestMatchPath(t *testing.T) {
	tests := []struct {
		name          string
		pattern, file string
		want          bool
	}{
		{"exact", "api/openapi.yaml", "api/openapi.yaml", true},
		{"star within a folder", "api/*.yaml", "api/openapi.yaml", true},
		{"star does not cross folders", "api/*.yaml", "api/v1/openapi.yaml", false},
		{"double star crosses folders", "api/**/*.yaml", "api/v1/x/openapi.yaml", true},
		{"double star matches no folder", "api/**/*.yaml", "api/openapi.yaml", true},
		{"leading double star", "**/testdata/**", "pkg/x/testdata/a.env", true},
		{"whole path must match", "*.min.js", "dist/app.min.js", false},
		{"any depth", "**/*.min.js", "dist/app.min.js", true},
		{"question mark", "a?.txt", "ab.txt", true},
		{"character class", "[ab].txt", "c.txt", false},
		{"bad pattern matches nothing", "[", "[", false},
		{"empty pattern matches nothing", "", "a", false},
		{"everything", "**", "a/b/c", true},
		{"leading slash ignored", "/a/b", "a/b", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MatchPath(tt.pattern, tt.file); got != tt.want {
				t.Errorf("MatchPath(%q, %q) = %v, want %v", tt.pattern, tt.file, got, tt.want)
			}
		})
	}
}
