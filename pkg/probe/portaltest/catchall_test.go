package portaltest

import (
	"net/http"
	"testing"
)

// TestCatchAllAnswersAlike checks the catch-all host answers every path
// and method, spec operations, unknown IDs and unknown paths alike, with
// and without credentials, with the same 200 page.
func TestCatchAllAnswersAlike(t *testing.T) {
	doc, cfg := loadSpec(t), loadConfig(t)
	a := NewAPI(CatchAll)
	type req struct{ method, path string }
	var reqs []req
	for _, op := range doc.Operations {
		reqs = append(reqs, req{op.Method, fill(op.Path, cfg.Probe.Objects["acme"])}, req{op.Method, fill(op.Path, cfg.Probe.Objects["globex"])})
	}
	reqs = append(reqs, req{"GET", "/api/invoices/inv_zz9"}, req{"GET", "/nope/at/all"}, req{"OPTIONS", "/api/invoices"}, req{"PATCH", "/"}, req{"HEAD", "/api/tickets"})
	creds := append(invalidCredentials(), identity("alice"), identity("bob"), identity("root"))
	for _, r := range reqs {
		for _, c := range creds {
			status, body := send(t, a, r.method, r.path, c.header(a))
			if status != http.StatusOK || body != indexHTML {
				t.Errorf("%s %s with %s: %d and a %d-byte body, want 200 and index.html", r.method, r.path, c.name, status, len(body))
			}
		}
	}
	if n := len(a.Requests()); n != len(reqs)*len(creds) {
		t.Errorf("%d requests logged, want %d", n, len(reqs)*len(creds))
	}
}
