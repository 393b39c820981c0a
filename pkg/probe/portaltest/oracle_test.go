package portaltest

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/spec"
)

// cell is one request of the auth matrix: an operation and a credential.
type cell struct {
	op   string
	cred string
}

// matrix is what the auth matrix saw on one twin: the findings it implies
// by expected.txt section, and the answer to every cell.
type matrix struct {
	findings map[string][]string
	answers  map[cell]answer
}

// answer is a response's status and body.
type answer struct {
	status int
	body   string
}

// runMatrix replays every operation of doc against a fresh portal of twin
// (a fresh one per write, so no write changes what another request sees)
// with no credentials, each bad credential, bob's token on acme's objects
// and alice's and bob's on admin operations, and names what each answer
// would be by expected.txt's rules. It is the portal's own check that
// expected.txt is true; it does no calibration, so it is not run on the
// catch-all twin.
func runMatrix(t *testing.T, twin Twin, doc *spec.Document, cfg probeConfig) matrix {
	t.Helper()
	m := matrix{findings: map[string][]string{}, answers: map[cell]answer{}}
	reads := NewAPI(twin)
	api := func(op *spec.Operation) *API {
		if op.Mutating() {
			return NewAPI(twin)
		}
		return reads
	}
	found := func(op *spec.Operation, rule, condition string) {
		if op.Mutating() {
			condition = strings.TrimSpace("allow-writes " + condition)
		}
		section := strings.TrimSpace(twin.String() + " " + condition)
		f := rule + " " + op.Method + " " + op.Path
		if !slices.Contains(m.findings[section], f) {
			m.findings[section] = append(m.findings[section], f)
		}
	}
	acmeIDs := tenantIDs("acme")
	for _, op := range doc.Operations {
		path := fill(op.Path, cfg.Probe.Objects["acme"])
		secured := !op.Effective(doc).Disabled()
		admin := slices.Contains(op.Tags, "admin")
		for _, c := range invalidCredentials() {
			a := api(op)
			status, body := send(t, a, op.Method, path, c.header(a))
			m.answers[cell{op.Key(), c.name}] = answer{status, body}
			switch {
			case !secured || !ok(status):
			case c.name == "none":
				found(op, "probe/unauthenticated-access", c.condition)
			default:
				found(op, "probe/invalid-token-accepted", c.condition)
			}
		}
		for _, name := range []string{"alice", "bob", "root"} {
			a := api(op)
			status, body := send(t, a, op.Method, path, identity(name).header(a))
			m.answers[cell{op.Key(), name}] = answer{status, body}
			switch {
			case admin && name != "root" && ok(status):
				found(op, "probe/privilege-escalation", "")
			case name != "bob" || !ok(status):
			case strings.Contains(op.Path, "{") && strings.Contains(body, `"acme"`):
				found(op, "probe/cross-tenant-access", "")
			case !strings.Contains(op.Path, "{") && op.Read() && slices.ContainsFunc(listIDs(t, body), func(id string) bool { return slices.Contains(acmeIDs, id) }):
				found(op, "probe/cross-tenant-list-leak", "")
			}
		}
	}
	return m
}

// tenantIDs are the IDs of tenant's seeded objects.
func tenantIDs(tenant string) []string {
	var ids []string
	for _, c := range seed().kinds {
		for _, r := range c.items {
			if r.tenant() == tenant {
				ids = append(ids, r.id())
			}
		}
	}
	return ids
}

// sections returns e's sections of twin, each sorted, as runMatrix names
// its findings.
func sections(e Expected, twin Twin) map[string][]string {
	out := map[string][]string{}
	for name, list := range e {
		if name != twin.String() && !strings.HasPrefix(name, twin.String()+" ") || strings.HasSuffix(name, " "+HygieneSection) {
			continue
		}
		for _, x := range list {
			out[name] = append(out[name], x.String())
		}
		slices.Sort(out[name])
		if len(out[name]) == 0 {
			delete(out, name)
		}
	}
	return out
}

// TestMatrixMatchesExpected replays the auth matrix on the vulnerable and
// hardened twins and compares what it implies with expected.txt, section
// by section: every planted fault shows where the file says, nothing else
// does, and the hardened twin shows nothing.
func TestMatrixMatchesExpected(t *testing.T) {
	doc, cfg, want := loadSpec(t), loadConfig(t), loadExpected(t)
	for _, twin := range []Twin{Vulnerable, Hardened} {
		t.Run(twin.String(), func(t *testing.T) {
			got := runMatrix(t, twin, doc, cfg).findings
			for _, list := range got {
				slices.Sort(list)
			}
			exp := sections(want, twin)
			for name := range mergeKeys(got, exp) {
				if !slices.Equal(got[name], exp[name]) {
					t.Errorf("[%s]\n got: %q\nwant: %q", name, got[name], exp[name])
				}
			}
		})
	}
}

// mergeKeys is the union of a's and b's keys.
func mergeKeys(a, b map[string][]string) map[string]bool {
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	return keys
}

// TestVulnerableDiffersOnlyAtPlants checks that the vulnerable twin answers
// every cell of the matrix as the hardened twin does (status and body),
// except the
// planted ones: each fault is planted exactly once, on one operation.
func TestVulnerableDiffersOnlyAtPlants(t *testing.T) {
	doc, cfg := loadSpec(t), loadConfig(t)
	vuln, hard := runMatrix(t, Vulnerable, doc, cfg), runMatrix(t, Hardened, doc, cfg)
	planted := map[string]bool{}
	for _, list := range vuln.findings {
		for _, f := range list {
			_, op, _ := strings.Cut(f, " ")
			planted[op] = true
		}
	}
	// The hygiene plants on spec operations (the health route's body)
	// differ too, and are the hygiene checks' to find.
	hygiene := map[string]bool{}
	for name, list := range loadExpected(t) {
		if strings.HasSuffix(name, " "+HygieneSection) {
			for _, e := range list {
				hygiene[e.Method+" "+e.Path] = true
			}
		}
	}
	differing := map[string]bool{}
	for c, got := range vuln.answers {
		if hard.answers[c] != got {
			differing[c.op] = true
			if !planted[c.op] && !hygiene[c.op] {
				t.Errorf("%s with %s: vulnerable answers %d, hardened %d, and no planted fault is there", c.op, c.cred, got.status, hard.answers[c].status)
			}
		}
	}
	for op := range planted {
		if !differing[op] {
			t.Errorf("%s: planted, yet the twins answer it alike", op)
		}
	}
	if len(planted) != 9 {
		t.Errorf("%d operations carry a planted fault, want 9 (faults 1 to 8 with 3a and 3b)", len(planted))
	}
}

// TestPlantsAnswer2xx states each planted fault as one request: the
// vulnerable twin answers it 2xx, the hardened twin refuses it.
func TestPlantsAnswer2xx(t *testing.T) {
	tests := []struct {
		name, method, path string
		cred               credential
		hardened           int
	}{
		{"(1) PDF without credentials", "GET", "/api/invoices/inv_a1/pdf", invalidCredentials()[0], http.StatusUnauthorized},
		{"(2) alg none", "GET", "/api/projects", credNamed("alg none"), http.StatusUnauthorized},
		{"(3a) tampered signature", "GET", "/api/files", credNamed("tampered signature"), http.StatusUnauthorized},
		{"(3b) signed expired token", "GET", "/api/users", credNamed("signed expired"), http.StatusUnauthorized},
		{"(4) garbage Basic", "GET", "/api/exports/invoices", credNamed("garbage basic"), http.StatusUnauthorized},
		{"(5) bob reads acme's invoice", "GET", "/api/invoices/inv_a1", identity("bob"), http.StatusNotFound},
		{"(6) bob lists tickets", "GET", "/api/tickets", identity("bob"), http.StatusOK},
		{"(7) alice in the admin console", "GET", "/api/admin/users", identity("alice"), http.StatusForbidden},
		{"(8) bob writes acme's project", "PUT", "/api/projects/prj_a1", identity("bob"), http.StatusNotFound},
		{"(9) health is public", "GET", "/health", invalidCredentials()[0], http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := NewAPI(Vulnerable)
			if status, _ := send(t, v, tt.method, tt.path, tt.cred.header(v)); !ok(status) {
				t.Errorf("vulnerable: %d, want 2xx", status)
			}
			h := NewAPI(Hardened)
			if status, _ := send(t, h, tt.method, tt.path, tt.cred.header(h)); status != tt.hardened {
				t.Errorf("hardened: %d, want %d", status, tt.hardened)
			}
		})
	}
}

// credNamed is the invalid credential called name.
func credNamed(name string) credential {
	for _, c := range invalidCredentials() {
		if c.name == name {
			return c
		}
	}
	panic("no credential " + name)
}
