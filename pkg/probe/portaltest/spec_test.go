package portaltest

import (
	"slices"
	"strings"
	"testing"
)

// TestSpecMatchesRoutes loads openapi.yaml with the project's loader and
// checks it names exactly the operations the portal serves.
func TestSpecMatchesRoutes(t *testing.T) {
	doc := loadSpec(t)
	var inSpec, served []string
	for _, op := range doc.Operations {
		inSpec = append(inSpec, op.Key())
	}
	for _, rt := range NewAPI(Hardened).portalRoutes() {
		served = append(served, rt.pattern)
	}
	slices.Sort(inSpec)
	slices.Sort(served)
	if !slices.Equal(inSpec, served) {
		t.Errorf("spec operations %q\nserved routes %q", inSpec, served)
	}
}

// TestSpecSecurity checks what the probe reads from the spec: bearer by
// default, Basic declared on exactly the export route, /health declared
// public with a reason, and the admin console tagged admin under
// /api/admin, asking for the admin role.
func TestSpecSecurity(t *testing.T) {
	doc := loadSpec(t)
	if s := doc.Schemes["bearerAuth"]; s == nil || s.Type != "http" || s.Scheme != "bearer" {
		t.Fatalf("bearerAuth scheme: %+v", s)
	}
	if s := doc.Schemes["basicAuth"]; s == nil || s.Type != "http" || s.Scheme != "basic" {
		t.Fatalf("basicAuth scheme: %+v", s)
	}
	var basicOps, publicOps, adminOps []string
	for _, op := range doc.Operations {
		sec := op.Effective(doc)
		if sec.Disabled() {
			publicOps = append(publicOps, op.Key())
			if reason, _ := op.Extensions["x-launchgate-public"].(string); reason == "" {
				t.Errorf("%s is public without an x-launchgate-public reason", op.Key())
			}
		}
		for _, r := range sec.Requirements {
			if slices.ContainsFunc(r.Schemes, func(u specSchemeUse) bool { return u.Name == "basicAuth" }) {
				basicOps = append(basicOps, op.Key())
			}
		}
		if slices.Contains(op.Tags, "admin") {
			adminOps = append(adminOps, op.Key())
			if !strings.HasPrefix(op.Path, "/api/admin/") {
				t.Errorf("%s is tagged admin outside /api/admin", op.Key())
			}
			if len(sec.Requirements) != 1 || len(sec.Requirements[0].Schemes) != 1 || !slices.Equal(sec.Requirements[0].Schemes[0].Scopes, []string{"admin"}) {
				t.Errorf("%s does not ask for the admin role", op.Key())
			}
		}
	}
	slices.Sort(publicOps)
	if !slices.Equal(publicOps, []string{"GET /health", "POST /api/login"}) {
		t.Errorf("public operations %q, want only GET /health and POST /api/login", publicOps)
	}
	if !slices.Equal(basicOps, []string{"GET /api/exports/invoices"}) {
		t.Errorf("Basic operations %q, want only the export", basicOps)
	}
	if len(adminOps) != 2 {
		t.Errorf("admin operations %q, want the two under /api/admin", adminOps)
	}
}

// TestConfigMatchesPortal checks .launchgate.yml against the portal: the
// identities are Identities(), with their env variables and the admin
// role, and every configured object exists and belongs to its tenant.
func TestConfigMatchesPortal(t *testing.T) {
	cfg := loadConfig(t)
	ids := Identities()
	if len(cfg.Probe.Identities) != len(ids) {
		t.Fatalf("%d identities configured, want %d", len(cfg.Probe.Identities), len(ids))
	}
	for i, got := range cfg.Probe.Identities {
		want := ids[i]
		role := want.Role
		if role == "user" {
			role = ""
		}
		if got.Name != want.Name || got.Tenant != want.Tenant || got.Role != role {
			t.Errorf("identity %d: %s/%s/%s, want %s/%s/%s", i, got.Name, got.Tenant, got.Role, want.Name, want.Tenant, role)
		}
		if h := got.Headers["Authorization"]; h != "Bearer ${"+want.EnvVar+"}" {
			t.Errorf("identity %s: Authorization is not read from %s", got.Name, want.EnvVar)
		}
	}
	data := seed()
	for tenant, objects := range cfg.Probe.Objects {
		for param, id := range objects {
			kind := map[string]string{"invoiceId": "invoices", "projectId": "projects", "ticketId": "tickets", "fileId": "files", "userId": "users"}[param]
			r, ok := data.find(kind, id)
			if !ok || r.tenant() != tenant {
				t.Errorf("objects.%s.%s: %s is not %s's", tenant, param, id, tenant)
			}
		}
	}
	if len(cfg.Probe.Objects["acme"]) != 5 || len(cfg.Probe.Objects["globex"]) != 5 {
		t.Errorf("objects: want every path parameter for both tenants")
	}
}

// TestExpectedNamesSpecOperations checks every line of expected.txt names
// an operation of the spec and a rule of the probe.
func TestExpectedNamesSpecOperations(t *testing.T) {
	doc, exp := loadSpec(t), loadExpected(t)
	rules := []string{"probe/unauthenticated-access", "probe/invalid-token-accepted", "probe/cross-tenant-access", "probe/cross-tenant-list-leak", "probe/privilege-escalation", "probe/unreachable"}
	for _, twin := range []Twin{Vulnerable, Hardened, CatchAll} {
		if _, ok := exp[twin.String()]; !ok {
			t.Errorf("expected.txt has no [%s] section", twin)
		}
	}
	for name, list := range exp {
		if strings.HasSuffix(name, " "+HygieneSection) {
			// The hygiene checks' findings are about paths and policies,
			// not only spec operations.
			continue
		}
		for _, e := range list {
			if !slices.Contains(rules, e.Rule) {
				t.Errorf("expected.txt:%d: unknown rule %s", e.Line, e.Rule)
			}
			if !slices.ContainsFunc(doc.Operations, func(op *specOperation) bool { return op.Method == e.Method && op.Path == e.Path }) {
				t.Errorf("expected.txt:%d [%s]: %s %s is not an operation of the spec", e.Line, name, e.Method, e.Path)
			}
		}
	}
	if n := len(exp.For(Hardened, "allow-writes")) + len(exp.For(CatchAll, "allow-writes")); n != 0 {
		t.Errorf("hardened and catch-all list %d findings, want none", n)
	}
}
