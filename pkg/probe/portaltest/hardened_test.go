package portaltest

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestHardenedRefusesBadCredentials sends no credentials and every kind of
// bad ones to every secured operation of the spec: 401 each time, with a
// challenge and the JSON error.
func TestHardenedRefusesBadCredentials(t *testing.T) {
	doc, cfg := loadSpec(t), loadConfig(t)
	secured := 0
	for _, op := range doc.Operations {
		if op.Effective(doc).Disabled() {
			continue
		}
		secured++
		for _, c := range invalidCredentials() {
			a := NewAPI(Hardened)
			status, body := send(t, a, op.Method, fill(op.Path, cfg.Probe.Objects["acme"]), c.header(a))
			if status != http.StatusUnauthorized || strings.TrimSpace(body) != `{"error":"unauthorized"}` {
				t.Errorf("%s with %s: %d %s, want 401 unauthorized", op.Key(), c.name, status, body)
			}
		}
	}
	if secured != len(doc.Operations)-2 {
		t.Errorf("%d secured operations, want all but /health and /api/login", secured)
	}
}

// TestHardenedServesOwners checks the other side: each identity's own
// token reaches every read of its own tenant's objects, the admin console
// only with the admin role.
func TestHardenedServesOwners(t *testing.T) {
	doc, cfg := loadSpec(t), loadConfig(t)
	a := NewAPI(Hardened)
	for _, op := range doc.Operations {
		if !op.Read() {
			continue
		}
		for _, name := range []string{"alice", "root"} {
			status, _ := send(t, a, op.Method, fill(op.Path, cfg.Probe.Objects["acme"]), identity(name).header(a))
			want := http.StatusOK
			if name == "alice" && slices.Contains(op.Tags, "admin") {
				want = http.StatusForbidden
			}
			if status != want {
				t.Errorf("%s as %s: %d, want %d", op.Key(), name, status, want)
			}
		}
		if status, _ := send(t, a, op.Method, fill(op.Path, cfg.Probe.Objects["globex"]), identity("bob").header(a)); status != http.StatusOK && !slices.Contains(op.Tags, "admin") {
			t.Errorf("%s as bob on globex's objects: %d, want 200", op.Key(), status)
		}
	}
}

// TestHardenedIsolatesTenants sends bob's token to every operation on
// acme's objects: the answer is the one an unknown ID gets, writes change
// nothing, and bob's lists hold only globex's objects.
func TestHardenedIsolatesTenants(t *testing.T) {
	doc, cfg := loadSpec(t), loadConfig(t)
	acme, globex := tenantIDs("acme"), tenantIDs("globex")
	for _, op := range doc.Operations {
		a := NewAPI(Hardened)
		status, body := send(t, a, op.Method, fill(op.Path, cfg.Probe.Objects["acme"]), identity("bob").header(a))
		switch {
		case strings.Contains(op.Path, "{"):
			want := http.StatusNotFound
			if slices.Contains(op.Tags, "admin") {
				want = http.StatusForbidden
			}
			if status != want {
				t.Errorf("%s as bob on acme's object: %d, want %d", op.Key(), status, want)
			}
			if strings.Contains(body, "acme") || strings.Contains(body, "Acme") {
				t.Errorf("%s as bob: the body names acme", op.Key())
			}
		case op.Read() && !slices.Contains(op.Tags, "admin") && op.Path != "/health" && op.Path != "/api/me":
			ids := listIDs(t, body)
			if len(ids) == 0 {
				t.Errorf("%s as bob: empty list, want globex's objects", op.Key())
			}
			for _, id := range ids {
				if !slices.Contains(globex, id) || slices.Contains(acme, id) {
					t.Errorf("%s as bob lists %s, not a globex object", op.Key(), id)
				}
			}
		}
	}
	a := NewAPI(Hardened)
	send(t, a, "PUT", "/api/projects/prj_a1", identity("bob").header(a))
	send(t, a, "DELETE", "/api/tickets/tkt_a1", identity("bob").header(a))
	if _, body := send(t, a, "GET", "/api/projects/prj_a1", identity("alice").header(a)); strings.Contains(body, "changed by the test") {
		t.Error("bob's refused PUT changed acme's project")
	}
	if status, _ := send(t, a, "GET", "/api/tickets/tkt_a1", identity("alice").header(a)); status != http.StatusOK {
		t.Errorf("after bob's refused DELETE, alice's ticket answers %d", status)
	}
}

// TestBasicExportAccount checks the Basic route takes the tenant's export
// account and nothing else on the hardened twin.
func TestBasicExportAccount(t *testing.T) {
	a := NewAPI(Hardened)
	good := "Basic " + basic("globex-export", a.exportPasswords["globex"])
	status, body := send(t, a, "GET", "/api/exports/invoices", good)
	if status != http.StatusOK || !slices.Equal(listIDs(t, body), []string{"inv_b1", "inv_b2"}) {
		t.Errorf("globex's export account: %d %s", status, body)
	}
	for _, cred := range []string{
		basic("globex-export", a.exportPasswords["acme"]),
		basic("acme-export", ""),
		basic("acme", a.exportPasswords["acme"]),
		basic("nobody-export", "x"),
	} {
		if status, _ := send(t, a, "GET", "/api/exports/invoices", "Basic "+cred); status != http.StatusUnauthorized {
			t.Errorf("wrong export credentials: %d, want 401", status)
		}
	}
	if status, _ := send(t, a, "GET", "/api/invoices", good); status != http.StatusUnauthorized {
		t.Errorf("Basic on a bearer-only route: %d, want 401", status)
	}
}

// TestNotFound checks unknown IDs and unknown paths get the JSON 404 on
// both API twins, with and without a valid token; an unknown project
// is the vulnerable twin's plant (13), see TestUnknownProjectCrashes.
func TestNotFound(t *testing.T) {
	for _, twin := range []Twin{Vulnerable, Hardened} {
		a := NewAPI(twin)
		for _, path := range []string{"/api/invoices/inv_zz9", "/api/invoices/inv_zz9/pdf", "/api/projects/prj_zz9", "/api/tickets/tkt_zz9", "/api/files/fil_zz9"} {
			if twin == Vulnerable && strings.HasPrefix(path, "/api/projects/") {
				continue
			}
			status, body := send(t, a, "GET", path, identity("alice").header(a))
			if status != http.StatusNotFound || strings.TrimSpace(body) != `{"error":"not found"}` {
				t.Errorf("%s %s: %d %s, want the JSON 404", twin, path, status, body)
			}
		}
		for _, path := range []string{"/nope", "/api/nope", "/api/invoices/inv_a1/nope", "/admin"} {
			for _, auth := range []string{"", identity("alice").header(a)} {
				status, body := send(t, a, "GET", path, auth)
				if status != http.StatusNotFound || strings.TrimSpace(body) != `{"error":"not found"}` {
					t.Errorf("%s %s: %d %s, want the JSON 404", twin, path, status, body)
				}
			}
		}
	}
}

// TestListsNameIDs checks each identity finds its own objects' IDs in
// its list responses, where a probe harvests them.
func TestListsNameIDs(t *testing.T) {
	a := NewAPI(Hardened)
	tests := []struct {
		who, path string
		want      []string
	}{
		{"alice", "/api/invoices", []string{"inv_a1", "inv_a2"}},
		{"bob", "/api/invoices", []string{"inv_b1", "inv_b2"}},
		{"alice", "/api/projects", []string{"prj_a1", "prj_a2"}},
		{"bob", "/api/tickets", []string{"tkt_b1", "tkt_b2"}},
		{"root", "/api/admin/users", []string{"usr_a1", "usr_a2"}},
	}
	for _, tt := range tests {
		_, body := send(t, a, "GET", tt.path, identity(tt.who).header(a))
		if got := listIDs(t, body); !slices.Equal(got, tt.want) {
			t.Errorf("%s %s: %v, want %v", tt.who, tt.path, got, tt.want)
		}
	}
}
