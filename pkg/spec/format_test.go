package spec

import (
	"context"
	"strings"
	"testing"
)

// TestParseErrorFormat: the YAML parser reads JSON too, and its errors
// must name the format of the file they are about, not call a JSON
// document YAML.
func TestParseErrorFormat(t *testing.T) {
	deep := 10001
	head := `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "x-deep": `
	deepJSON := head + strings.Repeat("[", deep) + strings.Repeat("]", deep) + "}\n"
	deepYAML := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\nx-deep: " +
		strings.Repeat("[", deep) + strings.Repeat("]", deep) + "\n"
	refJSON := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: {$ref: 'item.json'}\n"
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"deep json", map[string]string{"api.json": deepJSON}, "invalid JSON: nested more than 10000 levels deep"},
		{"deep json, no extension", map[string]string{"api": deepJSON}, "invalid JSON: nested more than 10000 levels deep"},
		{"deep yaml", map[string]string{"api.yaml": deepYAML}, "invalid YAML: nested more than 10000 levels deep"},
		{"json in a .yaml file", map[string]string{"api.yaml": deepJSON}, "invalid YAML: nested more than 10000 levels deep"},
		{"json syntax", map[string]string{"api.json": `{"openapi": "3.0.3", "paths": {"/a": {"get": ]}}}`}, "invalid JSON: "},
		{"json $ref target", map[string]string{"api.yaml": refJSON, "item.json": `{"get": {"responses": ]}}`}, "invalid JSON: "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var file string
			for name := range tc.files {
				if strings.HasPrefix(name, "api") {
					file = name
				}
			}
			doc, problems := Load(context.Background(), file, MapReader(tc.files), Options{})
			if doc == nil || !doc.Partial {
				t.Fatalf("Load(%s) = %+v, want a partial document", file, doc)
			}
			var msgs []string
			found := false
			for _, p := range problems {
				msgs = append(msgs, p.String())
				found = found || strings.Contains(p.Message, tc.want)
				if other := map[bool]string{true: "YAML", false: "JSON"}[strings.Contains(tc.want, "JSON")]; strings.Contains(p.Message, "invalid "+other) {
					t.Errorf("problem %s names the wrong format", p)
				}
			}
			if !found {
				t.Errorf("no problem contains %q; got:\n%s", tc.want, strings.Join(msgs, "\n"))
			}
		})
	}
}
