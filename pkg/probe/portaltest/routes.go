package portaltest

import "net/http"

// route is one operation of the portal: its ServeMux pattern, how it
// authenticates and what it serves to the caller.
type route struct {
	pattern string
	guard   guard
	serve   func(w http.ResponseWriter, r *http.Request, p *principal)
}

// scope is whose objects a handler lets the caller see.
type scope int

const (
	// ownTenant serves only the caller's tenant's objects.
	ownTenant scope = iota
	// allTenants serves every tenant's objects: the missing tenant check.
	allTenants
)

// choose returns planted on the vulnerable twin and correct otherwise.
func choose[T any](a *API, planted, correct T) T {
	if a.twin == Vulnerable {
		return planted
	}
	return correct
}

// portalRoutes is the portal's API, the operations of
// testdata/probe/portal/openapi.yaml. Each planted fault of the
// vulnerable twin is one choose call, numbered as in expected.txt.
func (a *API) portalRoutes() []route {
	return []route{
		// (9) Declared public in the spec: not a finding on any twin.
		{"GET /health", guard{public: true}, a.health},
		// (14) Declared public: anyone may try to sign in. The vulnerable
		// twin never throttles failed attempts.
		{"POST /api/login", guard{public: true}, a.login},
		{"GET /api/me", guard{}, a.me},
		// (16) Listing globex's invoices takes longer than the budget.
		{"GET /api/invoices", guard{}, choose(a, slowFor("globex", a.list("invoices", ownTenant, nil)), a.list("invoices", ownTenant, nil))},
		{"POST /api/invoices", guard{}, a.create("invoices")},
		// (5) The tenant check is missing: any signed-in caller reads any
		// tenant's invoice.
		{"GET /api/invoices/{invoiceId}", guard{}, a.get("invoices", "invoiceId", choose(a, allTenants, ownTenant))},
		// (1) Optional authentication on a route that needs it: no
		// credentials at all serves any invoice's PDF (credentials that are
		// sent are still checked, tenant included).
		{"GET /api/invoices/{invoiceId}/pdf", guard{optional: choose(a, true, false)}, a.pdf},
		// (2) The verifier trusts a header saying alg "none".
		{"GET /api/projects", guard{lax: laxity{acceptNone: choose(a, true, false)}}, a.list("projects", ownTenant, nil)},
		// (13) An ID no tenant has crashes the lookup, and the panic's
		// stack is the answer.
		{"GET /api/projects/{projectId}", guard{}, choose(a, a.crashOnUnknown("projects", "projectId", a.get("projects", "projectId", ownTenant)), a.get("projects", "projectId", ownTenant))},
		// (8) The write checks the token but not whose project it is.
		{"PUT /api/projects/{projectId}", guard{}, a.update("projects", "projectId", choose(a, allTenants, ownTenant))},
		// (6) The list is not filtered by tenant.
		{"GET /api/tickets", guard{}, a.list("tickets", choose(a, allTenants, ownTenant), nil)},
		{"POST /api/tickets", guard{}, a.create("tickets")},
		{"GET /api/tickets/{ticketId}", guard{}, a.get("tickets", "ticketId", ownTenant)},
		{"DELETE /api/tickets/{ticketId}", guard{}, a.remove("tickets", "ticketId", ownTenant)},
		// (3a) The token is decoded without checking its signature.
		{"GET /api/files", guard{lax: laxity{skipSignature: choose(a, true, false)}}, a.list("files", ownTenant, nil)},
		{"GET /api/files/{fileId}", guard{}, a.get("files", "fileId", ownTenant)},
		// (3b) The signature is checked, the expiry is not.
		{"GET /api/users", guard{lax: laxity{skipExpiry: choose(a, true, false)}}, a.list("users", ownTenant, directoryEntry)},
		// (4) Any Basic credentials pass, as the first tenant's export
		// account.
		{"GET /api/exports/invoices", guard{basic: true, anyBasic: choose(a, true, false)}, a.list("invoices", ownTenant, nil)},
		// (7) The admin role is not asked for.
		{"GET /api/admin/users", guard{admin: choose(a, false, true)}, a.list("users", ownTenant, nil)},
		{"DELETE /api/admin/users/{userId}", guard{admin: true}, a.remove("users", "userId", ownTenant)},
	}
}

// mount registers routes on the API's mux, each behind its guard, and a
// JSON 404 for every other path.
func (a *API) mount(routes []route) {
	for _, rt := range routes {
		a.mux.HandleFunc(rt.pattern, a.guarded(rt))
	}
	a.mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { notFound(w) })
}

// guarded authenticates a request with rt's guard before serving it.
func (a *API) guarded(rt route) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, status := a.authenticate(rt.guard, r)
		if status != 0 {
			refuse(w, status, rt.guard)
			return
		}
		rt.serve(w, r, p)
	}
}
