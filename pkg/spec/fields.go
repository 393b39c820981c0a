package spec

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// Bounds of the walk through a response's schemas: real responses nest a
// few levels and name tens of fields.
const (
	maxFields      = 256
	maxFieldDepth  = 12
	maxSchemaNodes = 10_000
)

// fieldSet collects property names, each once, up to maxFields.
type fieldSet struct {
	names []string
	seen  map[string]bool
	full  bool
}

func (fs *fieldSet) add(name string) {
	if fs.seen[name] {
		return
	}
	if len(fs.names) == maxFields {
		fs.full = true
		return
	}
	if fs.seen == nil {
		fs.seen = map[string]bool{}
	}
	fs.seen[name] = true
	fs.names = append(fs.names, name)
}

// kinShape walks the schemas of a success response's content: its
// fields, and whether every schema declares its shape. Other responses
// (errors) are not walked.
func kinShape(code string, v *openapi3.Response) (fields []string, shaped bool) {
	if len(v.Content) == 0 || !strings.HasPrefix(code, "2") {
		return nil, false
	}
	var fs fieldSet
	shaped = true
	seen := map[*openapi3.Schema]bool{}
	for _, mt := range v.Content {
		if mt == nil || !kinSchema(mt.Schema, 0, seen, &fs) {
			shaped = false
		}
	}
	return fs.names, shaped && !fs.full
}

// kinSchema adds the fields of s and reports whether s declares its shape:
// properties, items, a composition or a scalar type, not a free-form
// object or an unresolved reference.
func kinSchema(s *openapi3.SchemaRef, depth int, seen map[*openapi3.Schema]bool, fs *fieldSet) bool {
	if s == nil || s.Value == nil || depth > maxFieldDepth || fs.full || len(seen) >= maxSchemaNodes {
		return false
	}
	v := s.Value
	if seen[v] {
		return true
	}
	seen[v] = true
	shaped := true
	declared := false
	walk := func(c *openapi3.SchemaRef) {
		declared = true
		if !kinSchema(c, depth+1, seen, fs) {
			shaped = false
		}
	}
	for name, p := range v.Properties {
		fs.add(name)
		walk(p)
	}
	if v.Items != nil {
		walk(v.Items)
	}
	for _, group := range []openapi3.SchemaRefs{v.AllOf, v.OneOf, v.AnyOf} {
		for _, c := range group {
			walk(c)
		}
	}
	if v.AdditionalProperties.Schema != nil {
		walk(v.AdditionalProperties.Schema)
	}
	if declared {
		return shaped
	}
	return scalarType(v.Type.Slice())
}

// scalarType reports whether types name only scalars.
func scalarType(types []string) bool {
	if len(types) == 0 {
		return false
	}
	for _, t := range types {
		switch t {
		case "string", "integer", "number", "boolean", "null":
		default:
			return false
		}
	}
	return true
}

// rawShape walks the schemas of a success response read from YAML nodes:
// OpenAPI 3's content.<media type>.schema, or Swagger 2.0's schema.
func (b *rawBuilder) rawShape(code string, t target) (fields []string, shaped bool) {
	if !strings.HasPrefix(code, "2") {
		return nil, false
	}
	var schemas []target
	if s := value(t.node, "schema"); s != nil {
		schemas = append(schemas, target{file: t.file, node: deref(s)})
	}
	if c := deref(value(t.node, "content")); c != nil && c.Kind == yaml.MappingNode {
		for i := 1; i < len(c.Content); i += 2 {
			schemas = append(schemas, target{file: t.file, node: deref(value(deref(c.Content[i]), "schema"))})
		}
	}
	if len(schemas) == 0 {
		return nil, false
	}
	// The walk reports nothing: a broken $ref in a schema only leaves the
	// response unshaped, and the strict loader words such problems.
	// The budget's own report is kept.
	saved, spent := b.probs, b.spent
	b.probs = &problems{}
	defer func() {
		b.probs = saved
		if b.spent && !spent {
			b.reportStop()
		}
	}()
	var fs fieldSet
	shaped = true
	seen := map[*yaml.Node]bool{}
	for _, s := range schemas {
		if !b.rawSchema(s, 0, seen, &fs) {
			shaped = false
		}
	}
	return fs.names, shaped && !fs.full
}

// rawSchema is kinSchema over YAML nodes.
func (b *rawBuilder) rawSchema(t target, depth int, seen map[*yaml.Node]bool, fs *fieldSet) bool {
	if t.node == nil || depth > maxFieldDepth || fs.full || len(seen) >= maxSchemaNodes {
		return false
	}
	r, ok := b.resolve(t)
	if !ok || r.node == nil || r.node.Kind != yaml.MappingNode {
		return false
	}
	if seen[r.node] {
		return true
	}
	seen[r.node] = true
	shaped := true
	declared := false
	walk := func(n *yaml.Node) {
		declared = true
		if !b.rawSchema(target{file: r.file, node: deref(n)}, depth+1, seen, fs) {
			shaped = false
		}
	}
	if props := deref(value(r.node, "properties")); props != nil && props.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(props.Content); i += 2 {
			fs.add(props.Content[i].Value)
			walk(props.Content[i+1])
		}
	}
	if items := value(r.node, "items"); items != nil {
		walk(items)
	}
	for _, k := range []string{"allOf", "oneOf", "anyOf"} {
		if g := deref(value(r.node, k)); g != nil && g.Kind == yaml.SequenceNode {
			for _, c := range g.Content {
				walk(c)
			}
		}
	}
	if ap := deref(value(r.node, "additionalProperties")); ap != nil && ap.Kind == yaml.MappingNode {
		walk(ap)
	}
	if declared {
		return shaped
	}
	if ty := deref(value(r.node, "type")); ty != nil {
		if ty.Kind == yaml.ScalarNode {
			return scalarType([]string{ty.Value})
		}
		return scalarType(scalars(ty))
	}
	return false
}
