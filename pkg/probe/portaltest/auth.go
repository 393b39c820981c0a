package portaltest

import (
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"strings"
)

// principal is the caller a request was authenticated as.
type principal struct {
	Sub    string
	Tenant string
	Role   string
}

// guard is how one route authenticates. The zero guard is the correct
// one: a valid, unexpired HS256 bearer token.
type guard struct {
	// public routes take no credentials at all.
	public bool
	// optional lets a request without credentials through as anonymous;
	// credentials that are sent are still checked.
	optional bool
	// lax leaves checks out of the bearer token's verification.
	lax laxity
	// basic also accepts the tenants' export credentials over Basic.
	basic bool
	// anyBasic accepts whatever Basic credentials are sent, as the
	// integration account of the first tenant.
	anyBasic bool
	// admin asks for the admin role.
	admin bool
}

// defaultTenant is the tenant an anyBasic route falls back to.
const defaultTenant = "acme"

// authenticate returns the request's caller (nil for anonymous) or the
// status that refuses it.
func (a *API) authenticate(g guard, r *http.Request) (*principal, int) {
	if g.public {
		return nil, 0
	}
	header := r.Header.Get("Authorization")
	if header == "" {
		if g.optional {
			return nil, 0
		}
		return nil, http.StatusUnauthorized
	}
	scheme, cred, _ := strings.Cut(header, " ")
	cred = strings.TrimSpace(cred)
	var p *principal
	switch {
	case strings.EqualFold(scheme, "Bearer"):
		c, err := a.signer.verify(cred, a.now(), g.lax)
		if err != nil {
			return nil, http.StatusUnauthorized
		}
		p = &principal{Sub: c.Sub, Tenant: c.Tenant, Role: c.Role}
	case strings.EqualFold(scheme, "Basic") && g.anyBasic:
		p = &principal{Sub: defaultTenant + "-export", Tenant: defaultTenant, Role: "integration"}
	case strings.EqualFold(scheme, "Basic") && g.basic:
		p = a.basicPrincipal(cred)
	}
	if p == nil {
		return nil, http.StatusUnauthorized
	}
	if g.admin && p.Role != "admin" {
		return nil, http.StatusForbidden
	}
	return p, 0
}

// basicPrincipal checks Basic credentials against the tenants' export
// accounts ("acme-export" and its password).
func (a *API) basicPrincipal(cred string) *principal {
	raw, err := base64.StdEncoding.DecodeString(cred)
	if err != nil {
		return nil
	}
	user, pass, ok := strings.Cut(string(raw), ":")
	if !ok {
		return nil
	}
	tenant, ok := strings.CutSuffix(user, "-export")
	want, known := a.exportPasswords[tenant]
	if !ok || !known || subtle.ConstantTimeCompare([]byte(pass), []byte(want)) != 1 {
		return nil
	}
	return &principal{Sub: user, Tenant: tenant, Role: "integration"}
}
