package spec

import (
	"sort"
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
	// levels, when positive, bounds how deep in properties names are
	// collected: 1 keeps the body's own properties, 2 also those of its
	// objects. Items and compositions (allOf…) are no level of their own.
	levels int
	// writeOnly leaves out readOnly properties, which a server ignores in
	// a request.
	writeOnly bool
	// required collects the names a schema of the walk lists as
	// required, when not nil.
	required map[string]bool
}

// requireAll records names as required, when the set collects them.
func (fs *fieldSet) requireAll(names []string) {
	if fs.required == nil {
		return
	}
	for _, n := range names {
		if len(fs.required) < maxFields {
			fs.required[n] = true
		}
	}
}

// requiredNames returns the collected names that are required, in
// collection order.
func (fs *fieldSet) requiredNames() []string {
	var out []string
	for _, n := range fs.names {
		if fs.required[n] {
			out = append(out, n)
		}
	}
	return out
}

// collects reports whether properties at level (0 for the body's own)
// are collected, and so whether the walk goes on below them.
func (fs *fieldSet) collects(level int) bool {
	return fs.levels <= 0 || level < fs.levels
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
		if mt == nil || !kinSchema(mt.Schema, 0, 0, seen, &fs) {
			shaped = false
		}
	}
	return fs.names, shaped && !fs.full
}

// requestLevels is how deep RequestFields reach: the body's own
// properties and those of the objects in it.
const requestLevels = 2

// kinRequestFields lists the property names a request body takes, at its
// top level and one level down, readOnly ones left out, and those of them
// a schema requires.
func kinRequestFields(body *openapi3.RequestBodyRef) (names, required []string) {
	if body == nil || body.Value == nil {
		return nil, nil
	}
	fs := fieldSet{levels: requestLevels, writeOnly: true, required: map[string]bool{}}
	seen := map[*openapi3.Schema]bool{}
	keys := make([]string, 0, len(body.Value.Content))
	for k := range body.Value.Content {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if mt := body.Value.Content[k]; mt != nil {
			kinSchema(mt.Schema, 0, 0, seen, &fs)
		}
	}
	return fs.names, fs.requiredNames()
}

// kinSchema adds the fields of s and reports whether s declares its shape:
// properties, items, a composition or a scalar type, not a free-form
// object or an unresolved reference.
func kinSchema(s *openapi3.SchemaRef, depth, level int, seen map[*openapi3.Schema]bool, fs *fieldSet) bool {
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
	walk := func(c *openapi3.SchemaRef, level int) {
		declared = true
		if !fs.collects(level) {
			return
		}
		if !kinSchema(c, depth+1, level, seen, fs) {
			shaped = false
		}
	}
	if fs.collects(level) {
		fs.requireAll(v.Required)
	}
	names := make([]string, 0, len(v.Properties))
	for name := range v.Properties {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := v.Properties[name]
		if fs.writeOnly && p != nil && p.Value != nil && p.Value.ReadOnly {
			continue
		}
		fs.add(name)
		walk(p, level+1)
	}
	if v.Items != nil {
		walk(v.Items, level)
	}
	for _, group := range []openapi3.SchemaRefs{v.AllOf, v.OneOf, v.AnyOf} {
		for _, c := range group {
			walk(c, level)
		}
	}
	if v.AdditionalProperties.Schema != nil {
		walk(v.AdditionalProperties.Schema, level)
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
	var fs fieldSet
	shaped = b.rawWalk(schemas, &fs)
	return fs.names, shaped && !fs.full
}

// rawWalk walks schemas into fs without reporting: a broken $ref in a
// schema only leaves it unshaped, and the strict loader words such
// problems. The budget's own report is kept.
func (b *rawBuilder) rawWalk(schemas []target, fs *fieldSet) bool {
	saved, spent := b.probs, b.spent
	b.probs = &problems{}
	defer func() {
		b.probs = saved
		if b.spent && !spent {
			b.reportStop()
		}
	}()
	shaped := true
	seen := map[*yaml.Node]bool{}
	for _, s := range schemas {
		if !b.rawSchema(s, 0, 0, seen, fs) {
			shaped = false
		}
	}
	return shaped
}

// rawRequestFields is kinRequestFields over YAML nodes: the schemas of an
// OpenAPI 3 requestBody (t), or of Swagger 2.0's body parameters (params).
func (b *rawBuilder) rawRequestFields(file string, body *yaml.Node, params []*yaml.Node) (names, required []string) {
	var schemas []target
	if body != nil {
		if t, ok := b.resolve(target{file: file, node: deref(body)}); ok {
			if c := deref(value(t.node, "content")); c != nil && c.Kind == yaml.MappingNode {
				for i := 1; i < len(c.Content); i += 2 {
					schemas = append(schemas, target{file: t.file, node: deref(value(deref(c.Content[i]), "schema"))})
				}
			}
		}
	}
	for _, p := range params {
		if t, ok := b.resolve(target{file: file, node: deref(p)}); ok && str(t.node, "in") == "body" {
			schemas = append(schemas, target{file: t.file, node: deref(value(t.node, "schema"))})
		}
	}
	if len(schemas) == 0 {
		return nil, nil
	}
	fs := fieldSet{levels: requestLevels, writeOnly: true, required: map[string]bool{}}
	b.rawWalk(schemas, &fs)
	return fs.names, fs.requiredNames()
}

// rawSchema is kinSchema over YAML nodes.
func (b *rawBuilder) rawSchema(t target, depth, level int, seen map[*yaml.Node]bool, fs *fieldSet) bool {
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
	walk := func(n *yaml.Node, level int) {
		declared = true
		if !fs.collects(level) {
			return
		}
		if !b.rawSchema(target{file: r.file, node: deref(n)}, depth+1, level, seen, fs) {
			shaped = false
		}
	}
	if req := deref(value(r.node, "required")); req != nil && fs.collects(level) {
		fs.requireAll(scalars(req))
	}
	if props := deref(value(r.node, "properties")); props != nil && props.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(props.Content); i += 2 {
			if fs.writeOnly && b.rawReadOnly(target{file: r.file, node: deref(props.Content[i+1])}) {
				continue
			}
			fs.add(props.Content[i].Value)
			walk(props.Content[i+1], level+1)
		}
	}
	if items := value(r.node, "items"); items != nil {
		walk(items, level)
	}
	for _, k := range []string{"allOf", "oneOf", "anyOf"} {
		if g := deref(value(r.node, k)); g != nil && g.Kind == yaml.SequenceNode {
			for _, c := range g.Content {
				walk(c, level)
			}
		}
	}
	if ap := deref(value(r.node, "additionalProperties")); ap != nil && ap.Kind == yaml.MappingNode {
		walk(ap, level)
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

// rawReadOnly reports a property schema marked readOnly: true.
func (b *rawBuilder) rawReadOnly(t target) bool {
	r, ok := b.resolve(t)
	return ok && strings.EqualFold(str(r.node, "readOnly"), "true")
}
