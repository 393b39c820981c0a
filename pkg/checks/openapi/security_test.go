package openapi

import (
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/spec"
)

// secOf builds a Security from alternatives written "bearer[read write]+key";
// "" is the empty {} alternative.
func secOf(alts ...string) *spec.Security {
	s := &spec.Security{Requirements: []spec.Requirement{}}
	for _, a := range alts {
		var r spec.Requirement
		for _, part := range strings.Split(a, "+") {
			if part == "" {
				continue
			}
			name, scopes, _ := strings.Cut(strings.TrimSuffix(part, "]"), "[")
			r.Schemes = append(r.Schemes, spec.SchemeUse{Name: name, Scopes: strings.Fields(scopes)})
		}
		s.Requirements = append(s.Requirements, r)
	}
	return s
}

func TestWeaker(t *testing.T) {
	tests := []struct {
		name       string
		base, head *spec.Security
		want       bool
	}{
		{"unchanged", secOf("bearer[read]"), secOf("bearer[read]"), false},
		{"auth to none", secOf("bearer"), nil, true},
		{"auth to disabled", secOf("bearer"), secOf(), true},
		{"new empty alternative", secOf("bearer"), secOf("bearer", ""), true},
		{"scope dropped", secOf("bearer[invoices:read]"), secOf("bearer"), true},
		{"one of two scopes dropped", secOf("bearer[a b]"), secOf("bearer[a]"), true},
		{"scheme dropped from only alternative", secOf("bearer+mtls"), secOf("bearer"), true},
		{"new weaker alternative", secOf("bearer[admin]"), secOf("bearer[admin]", "apiKey"), true},
		{"scope added", secOf("bearer"), secOf("bearer[read]"), false},
		{"scheme added", secOf("bearer"), secOf("bearer+mtls"), false},
		{"alternative removed", secOf("bearer", "apiKey"), secOf("bearer"), false},
		{"none to auth", nil, secOf("bearer"), false},
		{"none to none", nil, nil, false},
		{"optional to none", secOf("bearer", ""), nil, false},
		{"scopes reordered", secOf("bearer[a b]"), secOf("bearer[b a]"), false},
		{"scheme renamed", secOf("bearerAuth"), secOf("jwt"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := weaker(tt.base, tt.head); got != tt.want {
				t.Errorf("weaker(%s, %s) = %v, want %v", describeSecurity(tt.base), describeSecurity(tt.head), got, tt.want)
			}
		})
	}
}

func TestDescribeSecurity(t *testing.T) {
	tests := []struct {
		name string
		sec  *spec.Security
		want string
	}{
		{"none", nil, "none"},
		{"disabled", secOf(), "[] (disabled)"},
		{"scopes", secOf("bearerAuth[invoices:read]"), "bearerAuth[invoices:read]"},
		{"alternatives", secOf("bearer+mtls", ""), "bearer + mtls or {} (anonymous)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describeSecurity(tt.sec); got != tt.want {
				t.Errorf("describeSecurity = %q, want %q", got, tt.want)
			}
		})
	}
}

// handDoc builds a document with the schemes named and operations written
// "METHOD /path" with their own security (nil inherits root).
type handOp struct {
	key  string
	sec  *spec.Security
	tags []string
	// resp are response codes, each optionally "CODE:description".
	resp []string
	ext  map[string]any
}

func handDoc(root *spec.Security, schemes []string, ops ...handOp) *spec.Document {
	doc := &spec.Document{File: "api.yaml", Version: "3.0.3", Security: root, Schemes: map[string]*spec.SecurityScheme{}}
	for _, s := range schemes {
		doc.Schemes[s] = &spec.SecurityScheme{Name: s, Type: "http", Scheme: "bearer"}
	}
	for i, o := range ops {
		method, path, _ := strings.Cut(o.key, " ")
		op := &spec.Operation{Method: method, Path: path, Security: o.sec, Tags: o.tags, Extensions: o.ext,
			Loc: spec.Location{File: "api.yaml", Line: 10 * (i + 1), EndLine: 10*(i+1) + 5}}
		for _, c := range o.resp {
			code, desc, _ := strings.Cut(c, ":")
			op.Responses = append(op.Responses, spec.Response{Code: code, Description: desc})
		}
		doc.Operations = append(doc.Operations, op)
	}
	return doc
}

// reportsOf runs the document's rules and returns the reports of rule,
// written "KEY" each.
func reportsOf(doc *spec.Document, cfg *config.Config, rule string) []check.Report {
	var got []check.Report
	checkDocument(doc, cfg, func(r check.Report) {
		if r.Rule == rule {
			got = append(got, r)
		}
	})
	return got
}

func keys(rs []check.Report) string {
	var ks []string
	for _, r := range rs {
		ks = append(ks, r.Key)
	}
	return strings.Join(ks, "; ")
}

func TestAdminWithoutRole(t *testing.T) {
	tests := []struct {
		name string
		root *spec.Security
		ops  []handOp
		want string
	}{
		{
			name: "same bearer as users",
			root: secOf("bearer"),
			ops:  []handOp{{key: "GET /invoices"}, {key: "DELETE /admin/users/{id}"}},
			want: "DELETE /admin/users/{id}",
		},
		{
			name: "admin scope users lack",
			root: secOf("bearer"),
			ops:  []handOp{{key: "GET /invoices"}, {key: "DELETE /admin/users/{id}", sec: secOf("bearer[admin]")}},
		},
		{
			name: "users carry the same scope",
			root: secOf("bearer[read]"),
			ops:  []handOp{{key: "GET /invoices"}, {key: "GET /admin/stats", sec: secOf("bearer[read]")}},
			want: "GET /admin/stats",
		},
		{
			name: "admin asks a subset of a user's scopes",
			ops: []handOp{
				{key: "GET /invoices", sec: secOf("bearer[read write]")},
				{key: "GET /admin/stats", sec: secOf("bearer[read]")},
			},
			want: "GET /admin/stats",
		},
		{
			name: "separate admin scheme",
			root: secOf("bearer"),
			ops:  []handOp{{key: "GET /invoices"}, {key: "GET /admin/stats", sec: secOf("adminKey")}},
		},
		{
			name: "one weak alternative is enough",
			root: secOf("bearer"),
			ops:  []handOp{{key: "GET /invoices"}, {key: "GET /admin/stats", sec: secOf("adminKey", "bearer")}},
			want: "GET /admin/stats",
		},
		{
			name: "admin by tag",
			root: secOf("bearer"),
			ops:  []handOp{{key: "GET /invoices"}, {key: "POST /tenants", tags: []string{"Admin"}}},
			want: "POST /tenants",
		},
		{
			name: "no ordinary route to compare",
			root: secOf("bearer"),
			ops:  []handOp{{key: "GET /admin/users"}},
		},
		{
			name: "public ordinary route does not count",
			root: secOf("bearer"),
			ops: []handOp{
				{key: "GET /status", ext: map[string]any{"x-launchgate-public": "status page"}},
				{key: "GET /admin/users"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := handDoc(tt.root, []string{"bearer", "adminKey"}, tt.ops...)
			if got := keys(reportsOf(doc, config.Default(), ruleAdminWithoutRole)); got != tt.want {
				t.Errorf("admin-without-role on %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAuthState(t *testing.T) {
	tests := []struct {
		name            string
		root            *spec.Security
		op              handOp
		rule            string
		want            bool
		wantMinSeverity bool
	}{
		{"read without auth", nil, handOp{key: "GET /invoices"}, ruleOperationWithoutAuth, true, false},
		{"write without auth is critical", nil, handOp{key: "POST /invoices"}, ruleOperationWithoutAuth, true, true},
		{"root security applies", secOf("bearer"), handOp{key: "GET /invoices"}, ruleOperationWithoutAuth, false, false},
		{"only undefined scheme is not also without auth", nil, handOp{key: "GET /invoices", sec: secOf("bearr")}, ruleOperationWithoutAuth, false, false},
		{"only undefined scheme reported", nil, handOp{key: "GET /invoices", sec: secOf("bearr")}, ruleUndefinedScheme, true, false},
		{"empty alternative", nil, handOp{key: "GET /invoices", sec: secOf("bearer", "")}, ruleSecurityDisabled, true, false},
		{"inherited disabled", secOf(), handOp{key: "GET /invoices"}, ruleSecurityDisabled, true, false},
		{"public quiets disabled", nil, handOp{key: "GET /invoices", sec: secOf(), ext: map[string]any{"x-launchgate-public": "docs"}}, ruleSecurityDisabled, false, false},
		{"public true without reason is not public", nil, handOp{key: "GET /invoices", ext: map[string]any{"x-launchgate-public": true}}, ruleOperationWithoutAuth, true, false},
		{"public true without reason gets its own finding", nil, handOp{key: "GET /invoices", ext: map[string]any{"x-launchgate-public": true}}, rulePublicWithoutReason, true, false},
		{"no 401 or 403", secOf("bearer"), handOp{key: "GET /invoices", resp: []string{"200", "default"}}, ruleMissingAuthErrors, true, false},
		{"4XX counts as auth error", secOf("bearer"), handOp{key: "GET /invoices", resp: []string{"200", "4XX"}}, ruleMissingAuthErrors, false, false},
		{"403 counts", secOf("bearer"), handOp{key: "GET /invoices", resp: []string{"403"}}, ruleMissingAuthErrors, false, false},
		{"unauthenticated has no auth-error finding", nil, handOp{key: "GET /invoices"}, ruleMissingAuthErrors, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := handDoc(tt.root, []string{"bearer"}, tt.op)
			got := reportsOf(doc, config.Default(), tt.rule)
			if (len(got) > 0) != tt.want {
				t.Fatalf("%s reports %q, want fired=%v", tt.rule, keys(got), tt.want)
			}
			if tt.want && (got[0].MinSeverity > 0) != tt.wantMinSeverity {
				t.Errorf("MinSeverity = %v, want raised=%v", got[0].MinSeverity, tt.wantMinSeverity)
			}
			if tt.want && (got[0].Line == 0 || got[0].File == "") {
				t.Errorf("report has no place: %+v", got[0])
			}
		})
	}
}

func TestObjectWithoutOwnershipCheck(t *testing.T) {
	cfg := config.Default()
	cfg.TenantParams = []string{"clientId"}
	tests := []struct {
		name string
		op   handOp
		want bool
	}{
		{"invoice by id", handOp{key: "GET /invoices/{invoiceId}", resp: []string{"200", "401"}}, true},
		{"bare 404 is no proof", handOp{key: "GET /invoices/{invoiceId}", resp: []string{"200", "404:Invoice not found"}}, true},
		{"404 for other callers' objects", handOp{key: "GET /invoices/{invoiceId}", resp: []string{"200", "404:no such invoice for this caller"}}, false},
		{"username key", handOp{key: "PUT /users/{username}/password", resp: []string{"200", "404:User not found"}}, true},
		{"relation action", handOp{key: "POST /profiles/{username}/follow"}, false},
		{"admin route", handOp{key: "DELETE /admin/videos/{videoId}"}, false},
		{"slug of public content", handOp{key: "GET /articles/{slug}"}, false},
		{"tenant named path parameter", handOp{key: "GET /organization/{organization}/projects/{project}"}, false},
		{"403 declared", handOp{key: "DELETE /invoices/{invoiceId}", resp: []string{"403"}}, false},
		{"4XX is not specific", handOp{key: "GET /invoices/{invoiceId}", resp: []string{"4XX"}}, true},
		{"default tenant param earlier", handOp{key: "GET /orgs/{orgId}/invoices/{invoiceId}"}, false},
		{"configured tenant param", handOp{key: "GET /clients/{clientId}/files/{fileId}"}, false},
		{"me segment", handOp{key: "GET /me/files/{fileId}"}, false},
		{"users me segment", handOp{key: "GET /users/me/files/{fileId}"}, false},
		{"extension", handOp{key: "GET /files/{fileId}", ext: map[string]any{"x-owner-check": true}}, false},
		{"extension false", handOp{key: "GET /files/{fileId}", ext: map[string]any{"x-tenant-scoped": false}}, true},
		{"collection", handOp{key: "GET /files"}, false},
		{"unauthenticated is another rule", handOp{key: "GET /files/{fileId}", sec: secOf()}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := handDoc(secOf("bearer"), []string{"bearer"}, tt.op)
			if got := reportsOf(doc, cfg, ruleObjectWithoutOwnership); (len(got) > 0) != tt.want {
				t.Errorf("reports %q, want fired=%v", keys(got), tt.want)
			}
		})
	}
}
