package spec

import (
	"strings"
	"testing"
)

func TestIsSpec(t *testing.T) {
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"3.x yaml", "openapi: 3.1.0\ninfo: {}\n", true},
		{"2.0 yaml", "swagger: \"2.0\"\n", true},
		{"quoted key", "'openapi': 3.0.0\n", true},
		{"after comments and marker", "# api\n---\nopenapi: 3.0.0\n", true},
		{"key not first", "info:\n  title: x\nopenapi: 3.0.0\n", true},
		{"bom", "\ufeffopenapi: 3.0.0\n", true},
		{"json", `{"openapi": "3.0.0", "info": {}}`, true},
		{"json key after nested object", `{"info": {"openapi": "no"}, "swagger": "2.0"}`, true},
		{"yaml flow", "{openapi: 3.0.0, info: {}}", true},
		{"nested yaml key", "info:\n  openapi: 3.0.0\n", false},
		{"nested json key", `{"info": {"openapi": "3.0.0"}}`, false},
		{"json value not key", `{"name": "openapi"}`, false},
		{"key prefix only", "openapi_version: 3\n", false},
		{"in a block scalar", "description: |\n  openapi: 3.0.0\n", false},
		{"package.json", `{"name": "portal", "scripts": {"swagger": "x"}}`, false},
		{"empty", "", false},
		{"sorted keys put the version last", strings.Repeat("# pad\n", 3000) + "openapi: 3.0.0\n", true},
		{"json version key last", `{"info": {"title": "` + strings.Repeat("x", 20000) + `"}, "openapi": "3.0.0"}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsSpec([]byte(tt.data)); got != tt.want {
				t.Errorf("IsSpec = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMatchGlob(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"docs/**", "docs/a/b.yaml", true},
		{"docs/**", "docs", true},
		{"docs/*.yaml", "docs/a.yaml", true},
		{"docs/*.yaml", "docs/a/b.yaml", false},
		{"**/legacy/*.json", "x/y/legacy/a.json", true},
		{"legacy", "x/legacy", true},
		{"*.json", "a/b/c.json", true},
		{"api/openapi.yaml", "api/openapi.yaml", true},
		{"api/openapi.yaml", "other/api/openapi.yaml", false},
		{"./api/**", "api/x.yaml", true},
		{"[", "a", false},
	}
	for _, tt := range tests {
		t.Run(tt.pattern+"~"+tt.name, func(t *testing.T) {
			if got := matchGlob(tt.pattern, tt.name); got != tt.want {
				t.Errorf("matchGlob(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
			}
		})
	}
}
