package openapi

import (
	"strings"

	"github.com/launchgate/launchgate/pkg/spec"
)

// routeWords are the words of a path's literal segments, singular and
// lowercase, without /api and version segments.
func routeWords(p string) words {
	var out words
	for _, s := range pathSegments(p) {
		if s.param {
			continue
		}
		l := strings.ToLower(s.text)
		if l == "api" || versionSegment(l) {
			continue
		}
		for _, w := range splitWords(s.text) {
			out = append(out, singular(w))
		}
	}
	return out
}

// firstIn returns the first of ws that in accepts.
func firstIn(ws words, in func(string) bool) (string, bool) {
	for _, w := range ws {
		if in(w) {
			return w, true
		}
	}
	return "", false
}

// publicByDesign reports why a route is public by its nature, if it is:
// sign-in, sign-up, token, one-time-code, magic-link and password-reset
// request routes (the caller has no credential yet), OAuth and single
// sign-on starts and callbacks, health, version and service-description
// routes, webhook receivers that declare a signature header, and reads of
// public content. A route that addresses a customer's object is never
// public by design, whatever its words. content is set for reads of public
// content, the guess of the lot: a document that leaves them open may
// still have meant to protect them.
func (rc *ruleContext) publicByDesign(op *spec.Operation) (why string, content, ok bool) {
	obj, addressed := objectInPath(op.Path, enumParam(op))
	if addressed && !isPublicContentWord(lastWord(obj.noun)) {
		return "", false, false
	}
	if !addressed {
		if why, ok := publicByNature(op); ok {
			return why, false, true
		}
	}
	if w, ok := rc.publicContent(op); ok {
		return "it reads public content (" + w + ") meant for every visitor", true, true
	}
	return "", false, false
}

// publicByNature says why a route that addresses no object must be open
// to anonymous callers, if it must.
func publicByNature(op *spec.Operation) (string, bool) {
	if kind, ok := operationKind(op); ok {
		if kind == kindPassword && routeWords(op.Path).has("change", "update") {
			return "", false
		}
		return "a " + kind.name + " route is called before the caller holds a credential", true
	}
	if oauthRoute(op) {
		return "an OAuth or single sign-on start or callback is reached before the caller has a session", true
	}
	if healthRoute(op.Method, op.Path) || serviceRoute(op.Method, op.Path) {
		return "a health, version or service-description route carries no customer data", true
	}
	if name, ok := signatureHeader(op); ok {
		return "a webhook receiver is authenticated by its signature header " + name + ", not by a caller's credential", true
	}
	return "", false
}

// lastWord is the last space-separated word of s.
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// publicContent reports a GET or HEAD of public content: a path naming
// public content (/articles, /tags, /public/lists) and no private records,
// tenant or admin scope.
func (rc *ruleContext) publicContent(op *spec.Operation) (string, bool) {
	if op.Method != "GET" && op.Method != "HEAD" {
		return "", false
	}
	ws := routeWords(op.Path)
	if _, private := firstIn(ws, isPrivateWord); private || rc.cfg.IsAdminPath(op.Path, op.Tags) || rc.tenantScoped(op) {
		return "", false
	}
	return firstIn(ws, isPublicContentWord)
}

// operationKind classifies sign-in and sign-up routes: sensitiveOperation
// by path and operationId, and also a POST to a users or accounts
// collection that its summary or description calls a registration.
func operationKind(op *spec.Operation) (sensitiveKind, bool) {
	if kind, ok := sensitiveOperation(op.Method, op.Path, op.ID); ok {
		return kind, true
	}
	if op.Method != "POST" {
		return sensitiveKind{}, false
	}
	segs := pathSegments(op.Path)
	if len(segs) == 0 || segs[len(segs)-1].param {
		return sensitiveKind{}, false
	}
	for _, s := range segs {
		if s.param {
			return sensitiveKind{}, false
		}
	}
	switch singular(strings.ToLower(segs[len(segs)-1].text)) {
	case "user", "account", "member":
	default:
		return sensitiveKind{}, false
	}
	text := words(splitWords(op.Summary + " " + op.Description))
	if text.has("register", "registers", "registration", "signup") || text.pair("sign", "up") {
		return kindSignup, true
	}
	return sensitiveKind{}, false
}

// oauthRoute reports an OAuth or SSO start or callback: /oauth/authorize,
// /auth/github, /auth/{provider}/callback, /sso/saml/acs.
func oauthRoute(op *spec.Operation) bool {
	ws := routeWords(op.Path)
	all := append(ws, splitWords(op.ID)...)
	sso := all.has("oauth", "oauth2", "sso", "saml", "oidc", "openid")
	if all.has("callback") && (sso || all.has("auth", "login", "signin", "social")) {
		return true
	}
	if sso && all.has("authorize", "authorization", "start", "redirect", "login", "signin", "init", "initiate", "begin", "ac", "acs", "metadata") {
		return true
	}
	if !all.has("auth", "login", "signin", "social", "connect") {
		return false
	}
	_, provider := firstIn(ws, isSignInProvider)
	return provider
}

// serviceRoute reports a GET or HEAD of the API's root, its version or
// its own description (/, /version, /openapi.json, /.well-known/…).
func serviceRoute(method, p string) bool {
	if method != "GET" && method != "HEAD" {
		return false
	}
	var lits []string
	for _, s := range pathSegments(p) {
		if s.param {
			return false
		}
		l := strings.ToLower(s.text)
		if l == "api" || versionSegment(l) {
			continue
		}
		lits = append(lits, l)
	}
	if len(lits) == 0 {
		return true
	}
	if lits[0] == ".well-known" {
		return true
	}
	if len(lits) > 2 {
		return false
	}
	last := lits[len(lits)-1]
	for _, ext := range []string{".json", ".yaml", ".yml"} {
		last = strings.TrimSuffix(last, ext)
	}
	switch normalName(last) {
	case "version", "versions", "build", "buildinfo", "info", "about", "openapi", "swagger", "docs", "apidocs", "redoc":
		return true
	}
	return false
}

// signatureHeader returns the signature header of a webhook receiver: a
// POST or PUT to a webhook or hook route with a header parameter such as
// X-Hub-Signature-256 or Stripe-Signature.
func signatureHeader(op *spec.Operation) (string, bool) {
	if op.Method != "POST" && op.Method != "PUT" {
		return "", false
	}
	if !routeWords(op.Path).has("webhook", "hook") {
		return "", false
	}
	for _, p := range op.Parameters {
		n := normalName(p.Name)
		if strings.EqualFold(p.In, "header") && (strings.Contains(n, "signature") || strings.Contains(n, "hmac")) {
			return p.Name, true
		}
	}
	return "", false
}

// privateData says how a route touches private data, if it does: an
// admin route, a tenant scope, an addressed object, a write, or a path
// naming private records.
func (rc *ruleContext) privateData(op *spec.Operation) (string, bool) {
	switch {
	case rc.cfg.IsAdminPath(op.Path, op.Tags):
		return "is an admin route", true
	case rc.tenantScoped(op):
		return "is scoped to a tenant", true
	}
	if obj, ok := objectOf(op, rc.cfg); ok {
		return verb(op.Method) + " " + article(obj.noun) + " " + obj.noun + " by " + obj.label(), true
	}
	if op.Mutating() {
		return "changes stored records", true
	}
	if w, ok := firstIn(routeWords(op.Path), isPrivateWord); ok {
		return "serves " + w + " records", true
	}
	return "", false
}
