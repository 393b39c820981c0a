package spec

import (
	"net/url"
	"sort"
	"strings"

	"go.yaml.in/yaml/v4"
)

// security reads a security field. Anything but a list of requirements
// reads as an empty list: what the document means is unclear, and treating
// it as "no authentication" is the answer that gets a human to look.
func (b *rawBuilder) security(file string, k, v *yaml.Node) *Security {
	s := &Security{Loc: nodeLoc(file, k, v), Requirements: []Requirement{}}
	if v == nil || v.Kind != yaml.SequenceNode {
		return s
	}
	for _, it := range v.Content {
		if !b.spend(1) {
			break
		}
		it = deref(it)
		r := Requirement{Loc: nodeLoc(file, nil, it)}
		if it != nil && it.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(it.Content); i += 2 {
				r.Schemes = append(r.Schemes, SchemeUse{Name: it.Content[i].Value, Scopes: scalars(it.Content[i+1])})
			}
			sort.SliceStable(r.Schemes, func(i, j int) bool { return r.Schemes[i].Name < r.Schemes[j].Name })
		}
		s.Requirements = append(s.Requirements, r)
	}
	return s
}

// schemes reads securitySchemes (3.x) or securityDefinitions (2.0).
func (b *rawBuilder) schemes(doc *Document, n *yaml.Node, swagger bool) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if !b.spend(1) {
			return
		}
		k := n.Content[i]
		t, ok := b.resolve(target{file: b.file, key: k, node: deref(n.Content[i+1])})
		if !ok || t.node.Kind != yaml.MappingNode {
			continue
		}
		s := &SecurityScheme{
			Name:      k.Value,
			Type:      str(t.node, "type"),
			Scheme:    strings.ToLower(str(t.node, "scheme")),
			In:        str(t.node, "in"),
			ParamName: str(t.node, "name"),
			Loc:       t.loc(),
		}
		if swagger {
			s.Flows = swaggerFlows(t, s)
		} else {
			s.Flows = flows(t.file, value(t.node, "flows"))
		}
		doc.Schemes[k.Value] = s
	}
}

// flowKinds are the 3.x OAuth flow names in the order the model lists them.
var flowKinds = [...]string{"implicit", "password", "clientCredentials", "authorizationCode"}

// flows reads a 3.x flows object.
func flows(file string, n *yaml.Node) []OAuthFlow {
	var out []OAuthFlow
	for _, kind := range flowKinds {
		k, v := entry(n, kind)
		if k == nil || v == nil || v.Kind != yaml.MappingNode {
			continue
		}
		out = append(out, OAuthFlow{
			Kind:             kind,
			AuthorizationURL: str(v, "authorizationUrl"),
			TokenURL:         str(v, "tokenUrl"),
			Scopes:           scopeNames(value(v, "scopes")),
			Loc:              nodeLoc(file, k, v),
		})
	}
	return out
}

// swaggerFlowKinds maps 2.0 flow names to their 3.x equivalents.
var swaggerFlowKinds = map[string]string{
	"implicit":    "implicit",
	"password":    "password",
	"application": "clientCredentials",
	"accessCode":  "authorizationCode",
}

// swaggerFlows maps a 2.0 scheme onto the 3.x shape: basic becomes http
// basic, and an oauth2 scheme's single flow becomes a flow entry.
func swaggerFlows(t target, s *SecurityScheme) []OAuthFlow {
	switch s.Type {
	case "basic":
		s.Type, s.Scheme = "http", "basic"
		return nil
	case "oauth2":
	default:
		return nil
	}
	k, v := entry(t.node, "flow")
	if k == nil || v == nil {
		return nil
	}
	kind, ok := swaggerFlowKinds[v.Value]
	if !ok {
		kind = v.Value
	}
	return []OAuthFlow{{
		Kind:             kind,
		AuthorizationURL: str(t.node, "authorizationUrl"),
		TokenURL:         str(t.node, "tokenUrl"),
		Scopes:           scopeNames(value(t.node, "scopes")),
		Loc:              nodeLoc(t.file, k, v),
	}}
}

// scopeNames lists the keys of a scopes map, sorted.
func scopeNames(n *yaml.Node) []string {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := make([]string, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, n.Content[i].Value)
	}
	sort.Strings(out)
	return out
}

// servers reads a 3.x servers list.
func (b *rawBuilder) servers(file string, n *yaml.Node) []Server {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []Server
	for _, it := range n.Content {
		if !b.spend(1) {
			break
		}
		it = deref(it)
		if k, v := entry(it, "url"); k != nil && v.Kind == yaml.ScalarNode {
			out = append(out, Server{URL: v.Value, Loc: nodeLoc(file, nil, it)})
		}
	}
	return out
}

// swaggerServers builds 2.0's base URLs from schemes, host and basePath, the
// way openapi2conv does: https when no scheme is given, located at host.
// Each written scheme is located at its entry of schemes.
func (b *rawBuilder) swaggerServers(top *yaml.Node) []Server {
	if sk, sv := entry(top, "schemes"); sk != nil {
		if out := b.schemeServers(b.file, sk, sv); len(out) > 0 {
			return out
		}
	}
	hostKey, host := entry(top, "host")
	baseKey, base := entry(top, "basePath")
	basePath := str(top, "basePath")
	if hostKey == nil || host.Value == "" {
		if baseKey == nil || basePath == "" {
			return nil
		}
		return []Server{{URL: (&url.URL{Path: basePath}).String(), Loc: nodeLoc(b.file, baseKey, base)}}
	}
	if basePath == "" {
		basePath = "/"
	}
	u := url.URL{Scheme: "https", Host: host.Value, Path: basePath}
	return []Server{{URL: u.String(), Loc: nodeLoc(b.file, hostKey, host)}}
}

// schemeServers builds a 2.0 server for each entry of a schemes list (the
// root's or an operation's, written at key in file) on the root host and
// basePath. Without a host, the API is served wherever the document is:
// the server keeps the scheme and URL is the basePath.
func (b *rawBuilder) schemeServers(file string, key, list *yaml.Node) []Server {
	top := deref(b.top)
	host, basePath := str(top, "host"), str(top, "basePath")
	if basePath == "" {
		basePath = "/"
	}
	list = deref(list)
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil
	}
	var out []Server
	for _, it := range list.Content {
		it = deref(it)
		if it == nil || it.Kind != yaml.ScalarNode || it.Value == "" {
			continue
		}
		loc := nodeLoc(file, nil, it)
		if loc.Line == 0 {
			loc = nodeLoc(file, key, nil)
		}
		scheme := strings.ToLower(it.Value)
		if host == "" {
			out = append(out, Server{URL: (&url.URL{Path: basePath}).String(), Scheme: scheme, Loc: loc})
			continue
		}
		u := url.URL{Scheme: scheme, Host: host, Path: basePath}
		out = append(out, Server{URL: u.String(), Loc: loc})
	}
	return out
}

// swagger reports whether the document is Swagger 2.0.
func (b *rawBuilder) swagger() bool {
	return str(deref(b.top), "swagger") != ""
}
