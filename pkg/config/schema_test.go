package config

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"
)

const schemaPath = "../../docs/launchgate.schema.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	s, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatalf("compile %s: %v", schemaPath, err)
	}
	return s
}

// yamlToJSON turns a config file into the value a JSON parser would give
// for the same document, keeping dates as the strings they are written as.
func yamlToJSON(t *testing.T, data []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var conv func(n *yaml.Node) any
	conv = func(n *yaml.Node) any {
		switch n.Kind {
		case yaml.DocumentNode:
			return conv(n.Content[0])
		case yaml.AliasNode:
			return conv(n.Alias)
		case yaml.SequenceNode:
			out := []any{}
			for _, c := range n.Content {
				out = append(out, conv(c))
			}
			return out
		case yaml.MappingNode:
			out := map[string]any{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				out[n.Content[i].Value] = conv(n.Content[i+1])
			}
			return out
		}
		switch n.ShortTag() {
		case "!!null":
			return nil
		case "!!bool":
			return n.Value == "true"
		case "!!int", "!!float":
			f, err := strconv.ParseFloat(n.Value, 64)
			if err != nil {
				t.Fatalf("number %q: %v", n.Value, err)
			}
			return f
		}
		return n.Value
	}
	b, err := json.Marshal(conv(&doc))
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestSchemaAcceptsFullExample(t *testing.T) {
	s := compileSchema(t)
	data, err := os.ReadFile("testdata/full.launchgate.yml")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(yamlToJSON(t, data)); err != nil {
		t.Errorf("full example does not validate:\n%v", err)
	}
}

// TestSchemaRejects checks the schema refuses what Load refuses, so an
// editor flags the same mistakes.
func TestSchemaRejects(t *testing.T) {
	s := compileSchema(t)
	tests := []struct {
		name string
		yaml string
	}{
		{"unknown key", "publc_routes: []\n"},
		{"unknown nested key", "probe: {logn: 'POST /x'}\n"},
		{"version 2", "version: 2\n"},
		{"bad severity", "severity: {openapi/x: severe}\n"},
		{"bad rule ID in severity", "severity: {Nope: high}\n"},
		{"route without reason", "public_routes: [{method: GET, path: /h}]\n"},
		{"bad method", "public_routes: [{method: FETCH, path: /h, reason: r}]\n"},
		{"relative route path", "public_routes: [{method: GET, path: h, reason: r}]\n"},
		{"ignore without expires", "ignores: [{rule: openapi/x, path: a, reason: r}]\n"},
		{"ignore with neither path nor fingerprint", "ignores: [{rule: openapi/x, reason: r, expires: '2026-01-01'}]\n"},
		{"ignore with a bad date", "ignores: [{rule: openapi/x, path: a, reason: r, expires: '2026-13-01'}]\n"},
		{"admin path without slash", "admin_paths: [admin]\n"},
		{"probe login without method", "probe: {login: /api/login}\n"},
		{"negative latency budget", "probe: {latency_budget_ms: -1}\n"},
		{"identity without name", "probe: {identities: [{tenant: a}]}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.Validate(yamlToJSON(t, []byte(tt.yaml))); err == nil {
				t.Error("schema accepted it")
			}
			if _, err := Parse("x.yml", []byte(tt.yaml)); err == nil {
				t.Error("Parse accepted it")
			}
		})
	}
}

// TestSchemaMatchesStructs walks the Config structs by their yaml tags and
// the schema by its properties, and wants the same set of keys on both
// sides, so neither can grow a key the other lacks.
func TestSchemaMatchesStructs(t *testing.T) {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	fromStructs := map[string]bool{}
	structKeys(reflect.TypeFor[Config](), "", fromStructs)
	fromSchema := map[string]bool{}
	schemaKeys(t, schema, schema, "", fromSchema, 0)

	if len(fromStructs) < 30 {
		t.Fatalf("found only %d keys in the structs: the walk is broken", len(fromStructs))
	}
	for _, k := range slices.Sorted(maps.Keys(fromStructs)) {
		if !fromSchema[k] {
			t.Errorf("key %s is in the Config structs but not in the schema", k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(fromSchema)) {
		if !fromStructs[k] {
			t.Errorf("key %s is in the schema but not in the Config structs", k)
		}
	}
}

// structKeys records the key path of every yaml-tagged field: "a.b" for a
// field, "[]" for list items and "*" for map values.
func structKeys(t reflect.Type, path string, out map[string]bool) {
	switch {
	case t == timeType || t == severityType:
		return
	}
	switch t.Kind() {
	case reflect.Slice:
		structKeys(t.Elem(), path+"[]", out)
	case reflect.Map:
		structKeys(t.Elem(), path+".*", out)
	case reflect.Struct:
		for name, f := range yamlFields(t) {
			p := strings.TrimPrefix(path+"."+name, ".")
			out[p] = true
			structKeys(f.Type, p, out)
		}
	}
}

// schemaKeys records the same paths from a JSON Schema, following $ref.
func schemaKeys(t *testing.T, root, s map[string]any, path string, out map[string]bool, depth int) {
	if depth > 20 {
		t.Fatalf("schema nests deeper than 20 at %s", path)
	}
	if ref, ok := s["$ref"].(string); ok {
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		def, _ := root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok || def == nil {
			t.Fatalf("%s: unresolvable $ref %s", path, ref)
		}
		s = def
	}
	if props, ok := s["properties"].(map[string]any); ok {
		for name, sub := range props {
			p := strings.TrimPrefix(path+"."+name, ".")
			out[p] = true
			schemaKeys(t, root, sub.(map[string]any), p, out, depth+1)
		}
	}
	if items, ok := s["items"].(map[string]any); ok {
		schemaKeys(t, root, items, path+"[]", out, depth+1)
	}
	if ap, ok := s["additionalProperties"].(map[string]any); ok {
		schemaKeys(t, root, ap, path+".*", out, depth+1)
	}
	if s["additionalProperties"] == nil && s["properties"] != nil {
		t.Errorf("%s: schema object lacks additionalProperties: false", path)
	}
}
