package spec

import (
	"maps"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// kinBuilder fills the model from kin-openapi's document, taking every
// position from the origins it recorded while parsing.
type kinBuilder struct {
	file string
	// files caches originFile, called for every location.
	files map[string]string
	// dangling are $refs kin-openapi left without a value: a cycle, or a
	// pointer to nothing. The fallback resolver words the problem.
	dangling []danglingRef
}

// danglingRef is a $ref written at at, or, for a path item, the path whose
// item is one: kin-openapi's origins for an unresolved path item point
// into whichever file it last tried, so the fallback starts from the root.
type danglingRef struct {
	ref  string
	at   Location
	path string
}

func newKinBuilder(file string) *kinBuilder {
	return &kinBuilder{file: file, files: map[string]string{}}
}

// conv converts a kin-openapi location.
func (kb *kinBuilder) conv(l openapi3.Location) Location {
	f, ok := kb.files[l.File]
	if !ok {
		f = originFile(l.File)
		if f == "" {
			f = kb.file
		}
		kb.files[l.File] = f
	}
	return Location{File: f, Line: l.Line, Column: l.Column, EndLine: l.EndLine}
}

// key is where the element with origin o is written.
func (kb *kinBuilder) key(o *openapi3.Origin) Location {
	if o == nil || o.Key == nil {
		return Location{File: kb.file}
	}
	return kb.conv(*o.Key)
}

// field is where field name of the element with origin o is written, and
// whether it is written at all.
func (kb *kinBuilder) field(o *openapi3.Origin, name string) (Location, bool) {
	if o == nil {
		return Location{}, false
	}
	l, ok := o.Fields.Lookup(name)
	if !ok {
		return Location{}, false
	}
	return kb.conv(l), true
}

// refLoc is where a reference object's $ref is written, for reporting it.
func (kb *kinBuilder) refLoc(o *openapi3.Origin, fallback Location) Location {
	if l, ok := kb.field(o, "$ref"); ok {
		return l
	}
	if o != nil && o.Key != nil {
		return kb.key(o)
	}
	return fallback
}

// build fills the model from t.
func (kb *kinBuilder) build(t *openapi3.T) *Document {
	doc := &Document{File: kb.file, Version: t.OpenAPI, Loc: kb.key(t.Origin), Schemes: map[string]*SecurityScheme{}}
	doc.Loc.EndLine = 0
	doc.Servers = kb.servers(t.Servers)
	doc.Extensions = maps.Clone(t.Extensions)
	if l, ok := kb.field(t.Origin, "security"); ok {
		doc.Security = kb.security(l, t.Security)
	}
	if c := t.Components; c != nil {
		if l, ok := kb.field(c.Origin, "securitySchemes"); ok {
			doc.SchemesLoc = l
		}
		kb.schemes(doc, c.SecuritySchemes)
	}
	paths := t.Paths.Map()
	keys := make([]string, 0, len(paths))
	for p := range paths {
		keys = append(keys, p)
	}
	sort.Strings(keys)
	for _, p := range keys {
		if pi := paths[p]; pi != nil {
			doc.Operations = append(doc.Operations, kb.pathItem(p, pi)...)
		}
	}
	return doc
}

func (kb *kinBuilder) pathItem(p string, pi *openapi3.PathItem) []*Operation {
	shared := kb.parameters(pi.Parameters, nil, kb.key(pi.Origin))
	var ops []*Operation
	for _, m := range methods {
		op := pi.GetOperation(strings.ToUpper(m))
		if op == nil {
			continue
		}
		o := &Operation{
			Method:      strings.ToUpper(m),
			Path:        p,
			ID:          op.OperationID,
			Summary:     op.Summary,
			Description: op.Description,
			Tags:        op.Tags,
			Loc:         kb.key(op.Origin),
			Extensions:  mergeExtensions(pi.Extensions, op.Extensions),
		}
		if l, ok := kb.field(op.Origin, "security"); ok || op.Security != nil {
			if !ok {
				l = o.Loc
			}
			var reqs openapi3.SecurityRequirements
			if op.Security != nil {
				reqs = *op.Security
			}
			o.Security = kb.security(l, reqs)
		}
		o.Parameters = kb.parameters(op.Parameters, shared, o.Loc)
		o.Responses = kb.responses(op.Responses, o.Loc, o.Read())
		if o.TakesBody() {
			o.RequestFields, o.RequiredFields = kinRequestFields(op.RequestBody)
		}
		o.Servers = kb.servers(pi.Servers)
		if op.Servers != nil {
			o.Servers = append(o.Servers, kb.servers(*op.Servers)...)
		}
		ops = append(ops, o)
	}
	if len(ops) == 0 && pi.Ref != "" {
		kb.dangling = append(kb.dangling, danglingRef{ref: pi.Ref, path: p})
	}
	return ops
}

// security converts requirements; kin-openapi keeps no position per item,
// so each requirement is located at the security field.
func (kb *kinBuilder) security(at Location, reqs openapi3.SecurityRequirements) *Security {
	s := &Security{Loc: at, Requirements: make([]Requirement, 0, len(reqs))}
	for _, r := range reqs {
		req := Requirement{Loc: at}
		for name, scopes := range r {
			req.Schemes = append(req.Schemes, SchemeUse{Name: name, Scopes: scopes})
		}
		sort.Slice(req.Schemes, func(i, j int) bool { return req.Schemes[i].Name < req.Schemes[j].Name })
		s.Requirements = append(s.Requirements, req)
	}
	return s
}

func (kb *kinBuilder) schemes(doc *Document, refs openapi3.SecuritySchemes) {
	for name, ref := range refs {
		if ref == nil {
			continue
		}
		v := ref.Value
		if v == nil {
			kb.dangling = append(kb.dangling, danglingRef{ref: ref.Ref, at: kb.refLoc(ref.Origin, doc.SchemesLoc)})
			continue
		}
		s := &SecurityScheme{
			Name:      name,
			Type:      v.Type,
			Scheme:    strings.ToLower(v.Scheme),
			In:        v.In,
			ParamName: v.Name,
			Loc:       kb.key(v.Origin),
		}
		if v.Origin == nil {
			s.Loc = kb.key(ref.Origin)
		}
		if f := v.Flows; f != nil {
			for i, flow := range [...]*openapi3.OAuthFlow{f.Implicit, f.Password, f.ClientCredentials, f.AuthorizationCode} {
				if flow == nil {
					continue
				}
				scopes := make([]string, 0, len(flow.Scopes))
				for sc := range flow.Scopes {
					scopes = append(scopes, sc)
				}
				sort.Strings(scopes)
				s.Flows = append(s.Flows, OAuthFlow{
					Kind:             flowKinds[i],
					AuthorizationURL: flow.AuthorizationURL,
					TokenURL:         flow.TokenURL,
					Scopes:           scopes,
					Loc:              kb.key(flow.Origin),
				})
			}
		}
		doc.Schemes[name] = s
	}
}

func (kb *kinBuilder) parameters(refs openapi3.Parameters, inherited []Parameter, at Location) []Parameter {
	var own []Parameter
	for _, ref := range refs {
		if ref == nil {
			continue
		}
		if ref.Value == nil {
			kb.dangling = append(kb.dangling, danglingRef{ref: ref.Ref, at: kb.refLoc(ref.Origin, at)})
			continue
		}
		loc := kb.key(ref.Value.Origin)
		if ref.Value.Origin == nil {
			loc = kb.key(ref.Origin)
		}
		enum := ref.Value.Schema != nil && ref.Value.Schema.Value != nil && len(ref.Value.Schema.Value.Enum) > 0
		example, def := kinParamValues(ref.Value)
		own = append(own, Parameter{Name: ref.Value.Name, In: ref.Value.In, Required: ref.Value.Required, Enum: enum, Example: example, Default: def, Loc: loc})
	}
	return mergeParameters(inherited, own)
}

func (kb *kinBuilder) responses(rs *openapi3.Responses, at Location, read bool) []Response {
	m := rs.Map()
	out := make([]Response, 0, len(m))
	for code, ref := range m {
		if ref == nil {
			continue
		}
		r := Response{Code: code, Loc: kb.key(ref.Origin)}
		if v := ref.Value; v != nil {
			if v.Origin != nil {
				r.Loc = kb.key(v.Origin)
			}
			if v.Description != nil {
				r.Description = *v.Description
			}
			for h := range v.Headers {
				r.Headers = append(r.Headers, h)
			}
			sort.Strings(r.Headers)
			if read {
				r.Fields, r.Shaped = kinShape(code, v)
			}
			r.Extensions = maps.Clone(v.Extensions)
		} else if ref.Ref != "" {
			kb.dangling = append(kb.dangling, danglingRef{ref: ref.Ref, at: kb.refLoc(ref.Origin, at)})
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

func (kb *kinBuilder) servers(ss openapi3.Servers) []Server {
	var out []Server
	for _, s := range ss {
		if s != nil {
			out = append(out, Server{URL: s.URL, Loc: kb.key(s.Origin)})
		}
	}
	return out
}
