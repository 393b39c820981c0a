package openapi

import (
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/spec"
)

// docFromBytes builds an arbitrary document from fuzz input: what a partial
// or hostile spec can make the loader produce (nil and empty securities,
// undefined schemes, odd paths and names, missing locations, nil entries).
// Building the model directly keeps the fuzzer on the rules rather than
// inside the YAML parser, which the loader's own fuzz targets cover.
func docFromBytes(data string) *spec.Document {
	fields := strings.Split(data, "|")
	next := func() string {
		if len(fields) == 0 {
			return ""
		}
		f := fields[0]
		fields = fields[1:]
		return f
	}
	security := func(s string) *spec.Security {
		if s == "nil" {
			return nil
		}
		sec := &spec.Security{Requirements: []spec.Requirement{}, Loc: spec.Location{Line: len(s)}}
		for _, alt := range strings.Split(s, ";") {
			var r spec.Requirement
			for _, use := range strings.Split(alt, ",") {
				if use == "" {
					continue
				}
				name, scopes, _ := strings.Cut(use, ":")
				r.Schemes = append(r.Schemes, spec.SchemeUse{Name: name, Scopes: strings.Fields(scopes)})
			}
			sec.Requirements = append(sec.Requirements, r)
		}
		return sec
	}
	doc := &spec.Document{File: "openapi.yaml", Version: next(), Schemes: map[string]*spec.SecurityScheme{}}
	for _, s := range strings.Split(next(), ",") {
		name, kind, _ := strings.Cut(s, "=")
		typ, detail, _ := strings.Cut(kind, "/")
		doc.Schemes[name] = &spec.SecurityScheme{Name: name, Type: typ, Scheme: detail, In: detail,
			Flows: []spec.OAuthFlow{{Kind: detail, TokenURL: detail, AuthorizationURL: name}}}
	}
	doc.Schemes[next()] = nil
	doc.Security = security(next())
	doc.Servers = []spec.Server{{URL: next()}}
	for len(fields) > 0 {
		method, path, _ := strings.Cut(next(), " ")
		op := &spec.Operation{Method: strings.ToUpper(method), Path: path, ID: next(), Tags: strings.Split(next(), ","),
			Security: security(next()), Servers: []spec.Server{{URL: next()}},
			Extensions: map[string]any{next(): next(), "x-launchgate-public": next(), "x-tenant-scoped": []byte(next())}}
		for _, p := range strings.Split(next(), ",") {
			name, in, _ := strings.Cut(p, "@")
			op.Parameters = append(op.Parameters, spec.Parameter{Name: name, In: in})
		}
		for _, c := range strings.Split(next(), ",") {
			op.Responses = append(op.Responses, spec.Response{Code: c, Headers: []string{next()}})
		}
		doc.Operations = append(doc.Operations, op, nil)
	}
	return doc
}

// FuzzRules runs every rule and the weakening comparison over arbitrary
// documents: they must not panic, must emit only their own rule IDs with a
// message and key, and a document is never weaker than itself.
func FuzzRules(f *testing.F) {
	f.Add("3.0.3|bearer=http/bearer,key=apiKey/query,o=oauth2/implicit|x|bearer|http://api.example.com|GET /invoices/{invoiceId}|getInvoice|admin|bearer;|http://x|x-ratelimit|1|true|a@query,token@query|200,4XX")
	f.Add("2.0|b=http/basic||nil||POST /auth/login|login||nil|||reason|yes|password@path|429")
	f.Add("3.1.0|||;||DELETE /admin/{id}||||{|}||||||")
	f.Add("||||")
	ids := RuleIDs()
	f.Fuzz(func(t *testing.T, data string) {
		doc := docFromBytes(data)
		cfg := config.Default()
		checkDocument(doc, cfg, func(r check.Report) {
			if !slices.Contains(ids, r.Rule) || r.Message == "" || r.Key == "" {
				t.Errorf("bad report %+v", r)
			}
		})
		compareDocs(doc, doc, cfg, func(r check.Report) {
			t.Errorf("a document is weaker than itself: %s", r.Message)
		})
	})
}
