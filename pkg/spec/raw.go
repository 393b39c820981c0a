package spec

import (
	"context"
	"sort"
	"strings"

	"go.yaml.in/yaml/v4"
)

// rawBudget bounds the nodes one fallback read visits, counting every visit
// through an alias again: enough for any real document, far short of what
// a "billion laughs" file would expand to.
const rawBudget = 1_000_000

// valueBudget bounds the nodes copied for one extension value: extensions
// are flags and short lists, never documents.
const valueBudget = 10_000

// maxValueDepth bounds the nesting of extension values copied into the model.
const maxValueDepth = 64

// methods are the operation keys of a path item, in the order the model
// lists them.
var methods = [...]string{"get", "put", "post", "delete", "options", "head", "patch", "trace", "query"}

// rawBuilder reads the model straight from YAML node trees. It is the
// fallback when the strict loader refuses a document, and the reader for
// Swagger 2.0, which kin-openapi decodes without positions.
type rawBuilder struct {
	ctx    context.Context
	src    *sources
	probs  *problems
	file   string
	top    *yaml.Node
	budget int
	spent  bool
}

func newRawBuilder(ctx context.Context, src *sources, ps *problems, file string, top *yaml.Node) *rawBuilder {
	return &rawBuilder{ctx: ctx, src: src, probs: ps, file: file, top: top, budget: rawBudget}
}

// spend charges n node visits, reporting once when the budget runs out or
// the context ends.
func (b *rawBuilder) spend(n int) bool {
	b.budget -= n
	if b.budget >= 0 && (b.budget&0xfff != 0 || b.ctx.Err() == nil) {
		return true
	}
	if !b.spent {
		b.spent = true
		b.reportStop()
	}
	return false
}

// reportStop says why reading stopped.
func (b *rawBuilder) reportStop() {
	if err := b.ctx.Err(); err != nil {
		b.probs.add(Location{File: b.file}, "", "reading stopped: %v", err)
	} else {
		b.probs.add(Location{File: b.file}, "", "%v: stopped after %d nodes", errBudget, rawBudget)
	}
}

// build reads the whole model from the top node.
func (b *rawBuilder) build() *Document {
	top := deref(b.top)
	doc := &Document{File: b.file, Schemes: map[string]*SecurityScheme{}}
	if top == nil {
		return doc
	}
	doc.Loc = Location{File: b.file, Line: top.Line, Column: top.Column}
	doc.Version = str(top, "openapi")
	swagger := false
	if v := str(top, "swagger"); v != "" {
		doc.Version, swagger = v, true
	}
	if swagger {
		doc.Servers = b.swaggerServers(top)
	} else {
		doc.Servers = b.servers(b.file, value(top, "servers"))
	}
	if k, v := entry(top, "security"); k != nil {
		doc.Security = b.security(b.file, k, v)
	}
	schemesKey, schemes := entry(value(top, "components"), "securitySchemes")
	if swagger {
		schemesKey, schemes = entry(top, "securityDefinitions")
	}
	if schemesKey != nil {
		doc.SchemesLoc = nodeLoc(b.file, schemesKey, schemes)
		b.schemes(doc, schemes, swagger)
	}
	doc.Operations = b.paths(value(top, "paths"))
	doc.Extensions = rootExtensions(top)
	return doc
}

// paths reads every operation, sorted by path and then method.
func (b *rawBuilder) paths(n *yaml.Node) []*Operation {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	type item struct {
		path string
		t    target
	}
	var items []item
	for i := 0; i+1 < len(n.Content); i += 2 {
		if !b.spend(1) {
			break
		}
		k := n.Content[i]
		if !strings.HasPrefix(k.Value, "/") {
			continue
		}
		items = append(items, item{k.Value, target{file: b.file, key: k, node: deref(n.Content[i+1])}})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].path < items[j].path })
	var ops []*Operation
	for _, it := range items {
		t, ok := b.resolve(it.t)
		if !ok || t.node.Kind != yaml.MappingNode {
			continue
		}
		ops = append(ops, b.pathItem(it.path, t)...)
	}
	return ops
}

// pathItem reads the operations of one path item, merging in what the
// path item declares for all of them.
func (b *rawBuilder) pathItem(p string, t target) []*Operation {
	shared := b.parameters(t.file, value(t.node, "parameters"), nil)
	servers := b.servers(t.file, value(t.node, "servers"))
	ext := b.extensions(t.node)
	var ops []*Operation
	for _, m := range methods {
		k, v := entry(t.node, m)
		if k == nil || v == nil || v.Kind != yaml.MappingNode || !b.spend(1) {
			continue
		}
		op := &Operation{
			Method:      strings.ToUpper(m),
			Path:        p,
			ID:          str(v, "operationId"),
			Summary:     str(v, "summary"),
			Description: str(v, "description"),
			Tags:        scalars(value(v, "tags")),
			Loc:         nodeLoc(t.file, k, v),
		}
		if sk, sv := entry(v, "security"); sk != nil {
			op.Security = b.security(t.file, sk, sv)
		}
		op.Parameters = b.parameters(t.file, value(v, "parameters"), shared)
		op.Responses = b.responses(t.file, value(v, "responses"), op.Read())
		if op.TakesBody() {
			var bodyParams []*yaml.Node
			for _, ps := range []*yaml.Node{value(t.node, "parameters"), value(v, "parameters")} {
				if ps != nil && ps.Kind == yaml.SequenceNode {
					bodyParams = append(bodyParams, ps.Content...)
				}
			}
			op.RequestFields, op.RequiredFields = b.rawRequestFields(t.file, value(v, "requestBody"), bodyParams)
		}
		op.Extensions = mergeExtensions(ext, b.extensions(v))
		op.Servers = append(append([]Server(nil), servers...), b.servers(t.file, value(v, "servers"))...)
		if sk, sv := entry(v, "schemes"); sk != nil && b.swagger() {
			op.Servers = append(op.Servers, b.schemeServers(t.file, sk, sv)...)
		}
		ops = append(ops, op)
	}
	return ops
}

// parameters resolves a parameter list; the inherited ones are kept unless
// the list redeclares the same name and location.
func (b *rawBuilder) parameters(file string, n *yaml.Node, inherited []Parameter) []Parameter {
	var own []Parameter
	if n != nil && n.Kind == yaml.SequenceNode {
		for _, it := range n.Content {
			if !b.spend(1) {
				break
			}
			t, ok := b.resolve(target{file: file, node: deref(it)})
			if !ok {
				continue
			}
			name, in := str(t.node, "name"), str(t.node, "in")
			if name == "" && in == "" {
				// Not a parameter (a $ref to the wrong kind of thing); the
				// strict loader's problem says so.
				continue
			}
			enum := value(t.node, "enum") != nil || value(value(t.node, "schema"), "enum") != nil
			example, def := b.rawParamValues(t)
			own = append(own, Parameter{Name: name, In: in, Required: strings.EqualFold(str(t.node, "required"), "true"), Enum: enum, Example: example, Default: def, Loc: t.loc()})
		}
	}
	return mergeParameters(inherited, own)
}

// mergeParameters lists the inherited parameters the operation does not
// redeclare, then the operation's own.
func mergeParameters(inherited, own []Parameter) []Parameter {
	if len(inherited) == 0 {
		return own
	}
	out := make([]Parameter, 0, len(inherited)+len(own))
	for _, p := range inherited {
		redeclared := false
		for _, q := range own {
			if q.Name == p.Name && q.In == p.In {
				redeclared = true
				break
			}
		}
		if !redeclared {
			out = append(out, p)
		}
	}
	return append(out, own...)
}

// responses reads the declared responses, sorted by code.
func (b *rawBuilder) responses(file string, n *yaml.Node, read bool) []Response {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var out []Response
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if strings.HasPrefix(k.Value, "x-") || !b.spend(1) {
			continue
		}
		r := Response{Code: k.Value, Loc: nodeLoc(file, k, n.Content[i+1])}
		if t, ok := b.resolve(target{file: file, key: k, node: deref(n.Content[i+1])}); ok {
			r.Loc = t.loc()
			r.Description = str(t.node, "description")
			if h := value(t.node, "headers"); h != nil && h.Kind == yaml.MappingNode {
				for j := 0; j+1 < len(h.Content); j += 2 {
					r.Headers = append(r.Headers, h.Content[j].Value)
				}
				sort.Strings(r.Headers)
			}
			if read {
				r.Fields, r.Shaped = b.rawShape(k.Value, t)
			}
			r.Extensions = b.extensions(t.node)
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// extensions copies the x- fields of a mapping.
func (b *rawBuilder) extensions(n *yaml.Node) map[string]any {
	return eachExtension(n, func(k, v *yaml.Node) any {
		left := valueBudget
		out := b.plain(v, 0, &left)
		if left < 0 {
			b.probs.add(nodeLoc(b.file, k, nil), "", "extension %s expands past %d values (aliases?): ignored", k.Value, valueBudget)
			return nil
		}
		return out
	})
}

// rootExtensions reads the root x- fields: scalars as written, anything
// else as true. The root is where alias bombs sit, and what the checks ask
// of a root extension is whether it is set.
func rootExtensions(n *yaml.Node) map[string]any {
	return eachExtension(n, func(_, v *yaml.Node) any {
		if v := deref(v); v != nil && v.Kind == yaml.ScalarNode {
			return v.Value
		}
		return true
	})
}

// eachExtension maps the x- fields of a mapping through value; nil when
// there are none.
func eachExtension(n *yaml.Node, value func(k, v *yaml.Node) any) map[string]any {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var out map[string]any
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !strings.HasPrefix(k.Value, "x-") && !strings.HasPrefix(k.Value, "X-") {
			continue
		}
		if out == nil {
			out = map[string]any{}
		}
		out[k.Value] = value(k, n.Content[i+1])
	}
	return out
}

// plain converts a node to plain Go values, charging the budget for each
// node so aliases cannot multiply the work.
func (b *rawBuilder) plain(n *yaml.Node, depth int, left *int) any {
	n = deref(n)
	*left--
	if n == nil || depth > maxValueDepth || *left < 0 || !b.spend(1) {
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		var v any
		if err := n.Decode(&v); err != nil {
			return n.Value
		}
		return v
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			out = append(out, b.plain(c, depth+1, left))
		}
		return out
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			out[n.Content[i].Value] = b.plain(n.Content[i+1], depth+1, left)
		}
		return out
	}
	return nil
}

// mergeExtensions joins path-item and operation extensions, the
// operation's winning.
func mergeExtensions(outer, inner map[string]any) map[string]any {
	if len(outer) == 0 {
		return inner
	}
	out := make(map[string]any, len(outer)+len(inner))
	for k, v := range outer {
		out[k] = v
	}
	for k, v := range inner {
		out[k] = v
	}
	return out
}
