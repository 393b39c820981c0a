// Package portaltest is a small multi-tenant B2B client portal API
// (invoices, projects, tickets, files, users and an admin console) that the
// live probe is tested against. It comes as twins: Vulnerable, with one of
// each access-control fault the probe looks for planted once, Hardened,
// the same API done right, and CatchAll, a single-page-app host that
// answers every request with the same page. Start serves a twin over real
// HTTPS on 127.0.0.1 with a throwaway CA.
//
// The planted faults and the findings they must produce are listed in
// testdata/probe/portal/expected.txt, beside the portal's spec and probe
// configuration. The package is for tests only; the launchgate binary
// never imports it.
package portaltest

import (
	"crypto/rand"
	"encoding/hex"
	"maps"
	"net/http"
	"time"
)

// Twin selects which portal is served.
type Twin int

// The twins.
const (
	// Vulnerable plants each access-control fault once.
	Vulnerable Twin = iota + 1
	// Hardened is the same API with every check in place.
	Hardened
	// CatchAll answers 200 with the same index.html to every path and
	// method, as a single-page-app host does.
	CatchAll
)

// String names the twin as expected.txt does.
func (t Twin) String() string {
	switch t {
	case Vulnerable:
		return "vulnerable"
	case Hardened:
		return "hardened"
	case CatchAll:
		return "catchall"
	}
	return "unknown"
}

// tokenLifetime is how long the issued tokens are valid from the start.
const tokenLifetime = time.Hour

// API is one portal: its signing key, the tokens issued with it, its
// objects and the log of the requests it answered. It is an http.Handler.
type API struct {
	twin   Twin
	signer signer
	// tokens maps identity to its token, byToken the reverse, for the log.
	tokens  map[string]string
	byToken map[string]string
	// expired are validly signed tokens whose exp has passed.
	expired map[string]string
	// exportPasswords are the Basic passwords of the tenants' export
	// accounts, by tenant.
	exportPasswords map[string]string
	data            *store
	mux             *http.ServeMux
	log             *requestLog
	// signIns counts failed sign-ins, for the hardened twin's throttle.
	signIns throttle
}

// NewAPI returns the twin's portal with a fresh random signing key and
// tokens for Identities, valid for an hour from now.
func NewAPI(twin Twin) *API {
	a := newAPI(twin, seed())
	switch twin {
	case CatchAll:
		a.mux.HandleFunc("/", a.index)
	default:
		a.mountHygiene()
		a.mount(a.portalRoutes())
	}
	return a
}

// Handler returns the twin's portal as a plain handler; it is an *API, so
// a caller that needs its tokens can ask it for them.
func Handler(twin Twin) http.Handler { return NewAPI(twin) }

// newAPI sets up the keys, tokens and log around data, with no routes yet.
func newAPI(twin Twin, data *store) *API {
	a := &API{
		twin:            twin,
		signer:          signer{key: randomBytes(32)},
		tokens:          map[string]string{},
		byToken:         map[string]string{},
		expired:         map[string]string{},
		exportPasswords: map[string]string{},
		data:            data,
		mux:             http.NewServeMux(),
		log:             &requestLog{},
	}
	now := time.Now()
	for _, id := range Identities() {
		c := claims{Sub: id.Name, Tenant: id.Tenant, Role: id.Role, Exp: now.Add(tokenLifetime).Unix()}
		tok := a.signer.sign(c)
		a.tokens[id.Name] = tok
		a.byToken[tok] = id.Name
		c.Exp = now.Add(-tokenLifetime).Unix()
		a.expired[id.Name] = a.signer.sign(c)
		a.exportPasswords[id.Tenant] = hex.EncodeToString(randomBytes(12))
	}
	return a
}

// randomBytes returns n bytes from crypto/rand, which never fails.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

// now is the clock tokens are checked against.
func (a *API) now() time.Time { return time.Now() }

// Tokens returns each identity's valid token, by identity name.
func (a *API) Tokens() map[string]string { return maps.Clone(a.tokens) }

// ExpiredTokens returns, by identity name, tokens signed with the portal's
// key whose expiry has passed: what a route that skips the exp check
// accepts and a forger could not make.
func (a *API) ExpiredTokens() map[string]string { return maps.Clone(a.expired) }

// Requests returns the requests answered so far, in order.
func (a *API) Requests() []Logged { return a.log.entries() }

// ServeHTTP answers r and logs it.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	a.respond(sw, r)
	a.mux.ServeHTTP(sw, r)
	a.log.add(Logged{Method: r.Method, Path: r.URL.Path, Identity: a.caller(r), Status: sw.status})
}
