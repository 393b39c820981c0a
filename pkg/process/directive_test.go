package process

import (
	"strings"
	"testing"
)

func TestParseDirective(t *testing.T) {
	tests := []struct {
		name      string
		line      string
		ok        bool
		rule, why string
	}{
		{"yaml comment", "  # launchgate:ignore openapi/x health check is public", true, "openapi/x", "health check is public"},
		{"trailing yaml comment", "security: [] # launchgate:ignore openapi/x public", true, "openapi/x", "public"},
		{"no space after #", "#launchgate:ignore openapi/x why", true, "openapi/x", "why"},
		{"line comment", "// launchgate:ignore cors/* dev server only", true, "cors/*", "dev server only"},
		{"block comment", "/* launchgate:ignore debug/x tests */ x = 1", true, "debug/x", "tests"},
		{"inside a doc block", " * launchgate:ignore debug/x tests", true, "debug/x", "tests"},
		{"html comment", "<!-- launchgate:ignore secret/x sample key -->", true, "secret/x", "sample key"},
		{"sql comment", "-- launchgate:ignore env/x seed data", true, "env/x", "seed data"},
		{"tab separated", "#\tlaunchgate:ignore\topenapi/x\tbecause", true, "openapi/x", "because"},
		{"no reason", "# launchgate:ignore openapi/x", true, "openapi/x", ""},
		{"no reason before a closer", "/* launchgate:ignore openapi/x */", true, "openapi/x", ""},
		{"no rule", "# launchgate:ignore", true, "", ""},
		{"not in a comment", `msg := "launchgate:ignore openapi/x why"`, false, "", ""},
		{"prose after a comment opener", "# see launchgate:ignore openapi/x why", false, "", ""},
		{"longer word", "# launchgate:ignored openapi/x why", false, "", ""},
		{"no directive", "# just a comment", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := parseDirective(tt.line)
			if ok != tt.ok || d.rule != tt.rule || d.reason != tt.why {
				t.Errorf("parseDirective(%q) = %+v, %v; want rule %q reason %q, %v", tt.line, d, ok, tt.rule, tt.why, tt.ok)
			}
		})
	}
}

func FuzzParseDirective(f *testing.F) {
	f.Add("# launchgate:ignore openapi/x reason */ -->")
	f.Add("<!--launchgate:ignore")
	f.Fuzz(func(t *testing.T, line string) {
		d, ok := parseDirective(line)
		if !ok {
			return
		}
		if !strings.Contains(line, ignoreMarker) || strings.ContainsAny(d.rule, " \t") {
			t.Fatalf("parseDirective(%q) = %+v", line, d)
		}
		if d.reason != strings.TrimSpace(d.reason) {
			t.Fatalf("reason %q is not trimmed", d.reason)
		}
	})
}
