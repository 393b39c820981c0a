package spec

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// A parameter's example and default are what a live probe fills a path
// parameter with when the configuration names no object: only scalars
// are kept, as text, because only a scalar can stand in a path.

// kinParamValues reads p's first scalar example and its scalar default.
func kinParamValues(p *openapi3.Parameter) (example, def string) {
	candidates := []any{p.Example}
	candidates = append(candidates, firstKinExample(p.Examples))
	var schema *openapi3.Schema
	if p.Schema != nil {
		schema = p.Schema.Value
	}
	if schema != nil {
		candidates = append(candidates, schema.Example)
		def, _ = scalarText(schema.Default)
	}
	for _, c := range candidates {
		if s, ok := scalarText(c); ok {
			return s, def
		}
	}
	return "", def
}

// firstKinExample is the value of the examples entry written first; kin
// keeps them in a map, so the written order comes from their origins.
func firstKinExample(examples openapi3.Examples) any {
	type written struct {
		name      string
		line, col int
		value     any
	}
	var list []written
	for name, ref := range examples {
		if ref == nil || ref.Value == nil {
			continue
		}
		w := written{name: name, value: ref.Value.Value}
		origin := ref.Origin
		if origin == nil || origin.Key == nil {
			origin = ref.Value.Origin
		}
		if origin != nil && origin.Key != nil {
			w.line, w.col = origin.Key.Line, origin.Key.Column
		}
		list = append(list, w)
	}
	if len(list) == 0 {
		return nil
	}
	first := slices.MinFunc(list, func(a, b written) int {
		return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col), cmp.Compare(a.name, b.name))
	})
	return first.value
}

// scalarText writes a decoded scalar as text; a map, a list or null is
// not one.
func scalarText(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case bool:
		return strconv.FormatBool(x), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32), true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case uint64:
		return strconv.FormatUint(x, 10), true
	}
	return "", false
}

// rawParamValues reads the parameter t's first scalar example and its
// scalar default from the YAML tree: 3.x example, examples and the
// schema's example and default; 2.0 x-example and default.
func (b *rawBuilder) rawParamValues(t target) (example, def string) {
	n := t.node
	var schema *yaml.Node
	if s := value(n, "schema"); s != nil {
		if st, ok := b.resolve(target{file: t.file, node: s}); ok {
			schema = st.node
		}
	}
	var examples, defaults []*yaml.Node
	if b.swagger() {
		examples = []*yaml.Node{value(n, "x-example")}
		defaults = []*yaml.Node{value(n, "default")}
	} else {
		examples = []*yaml.Node{value(n, "example"), b.firstRawExample(t.file, value(n, "examples"))}
	}
	examples = append(examples, value(schema, "example"))
	defaults = append(defaults, value(schema, "default"))
	return firstScalar(examples), firstScalar(defaults)
}

// firstRawExample is the value of the first entry of an examples map,
// through its $ref.
func (b *rawBuilder) firstRawExample(file string, n *yaml.Node) *yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode || len(n.Content) < 2 {
		return nil
	}
	t, ok := b.resolve(target{file: file, node: deref(n.Content[1])})
	if !ok {
		return nil
	}
	return value(t.node, "value")
}

// firstScalar is the text of the first non-null scalar among nodes.
func firstScalar(nodes []*yaml.Node) string {
	for _, n := range nodes {
		if n = deref(n); n != nil && n.Kind == yaml.ScalarNode && !isNull(n) {
			return n.Value
		}
	}
	return ""
}
