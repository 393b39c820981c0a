package openapi

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"

	"github.com/launchgate/launchgate/pkg/spec"
)

// sensitiveKind names what makes an operation an abuse target, with the
// abuse a rate limit prevents. low, when set, says why a missing limit on
// such a route is low: nothing on it can be guessed or made to send mail.
type sensitiveKind struct {
	name, abuse, low string
}

var (
	kindLogin      = sensitiveKind{name: "login", abuse: "password guessing and credential stuffing"}
	kindToken      = sensitiveKind{name: "token", abuse: "credential stuffing against the token endpoint"}
	kindPassword   = sensitiveKind{name: "password reset", abuse: "reset-mail floods and account enumeration"}
	kindCode       = sensitiveKind{name: "one-time code", abuse: "guessing one-time codes"}
	kindMagic      = sensitiveKind{name: "magic link", abuse: "login-mail floods and link guessing"}
	kindSignup     = sensitiveKind{name: "sign-up", abuse: "mass account creation", low: "a sign-up creates the caller's own account and guesses no one else's password"}
	kindTokenLogin = sensitiveKind{name: "token sign-in", abuse: "replaying sign-in tokens", low: "it takes a signed token, not a password or short code an attacker can guess"}
	kindRefresh    = sensitiveKind{name: "token refresh", abuse: "replaying refresh tokens", low: "it takes a refresh token, a long random secret an attacker cannot guess"}
)

// words is a bag of lowercase words with the checks sensitiveOperation needs.
type words []string

func (w words) has(ws ...string) bool {
	for _, a := range ws {
		if slices.Contains(w, a) {
			return true
		}
	}
	return false
}

// pair reports whether a is directly followed by b (sign, in).
func (w words) pair(a, b string) bool {
	for i := 0; i+1 < len(w); i++ {
		if w[i] == a && w[i+1] == b {
			return true
		}
	}
	return false
}

// sensitiveOperation classifies an operation by its path's literal segments
// and its operationId: login, token, password reset, sign-up, one-time
// code and magic-link routes. Only state-changing methods count, except
// for magic links, which are often followed with GET.
func sensitiveOperation(method, path, operationID string) (sensitiveKind, bool) {
	var pw words
	var last words
	for _, s := range pathSegments(path) {
		if s.param {
			continue
		}
		last = splitWords(s.text)
		pw = append(pw, last...)
	}
	all := append(slices.Clone(pw), splitWords(operationID)...)
	if all.has("magic", "passwordless") {
		return kindMagic, method == "GET" || method == "POST" || method == "PUT" || method == "PATCH"
	}
	if method != "POST" && method != "PUT" && method != "PATCH" {
		return sensitiveKind{}, false
	}
	password := all.has("password", "passwd")
	switch {
	case all.has("login", "signin", "logon", "authenticate") || all.pair("sign", "in") || all.pair("log", "in"),
		method == "POST" && sessionCollection(path):
		if !password && tokenSignIn(last, words(splitWords(operationID))) {
			return kindTokenLogin, true
		}
		return kindLogin, true
	case password || all.has("forgot"):
		return kindPassword, true
	case tokenEndpoint(last),
		pw.has("token") && pw.has("oauth", "oauth2", "auth"),
		all.has("token") && all.has("refresh", "exchange", "issue"):
		if all.has("refresh") {
			return kindRefresh, true
		}
		return kindToken, true
	case last.has("token", "tokens"):
		// Some other token: a CI runner's registration token, a stored
		// API token record. Not a sign-in, whatever else the path says.
		return sensitiveKind{}, false
	case all.has("signup", "register", "registration") || all.pair("sign", "up"):
		return kindSignup, true
	case all.has("otp", "mfa", "2fa", "totp", "twofactor") || all.pair("two", "factor"),
		all.has("verify", "verification") && all.has("code", "email", "phone", "sms"):
		return kindCode, true
	}
	return sensitiveKind{}, false
}

// tokenSignIn reports whether a sign-in route takes a token rather than a
// password, by its last literal segment (/login-with-token, /check_token)
// or an operationId such as loginWithToken. A token earlier in the path
// (/auth/token/login) names what the route hands out, not what it takes.
func tokenSignIn(last, opID words) bool {
	return last.has("token", "jwt") || opID.pair("with", "token") || opID.pair("by", "token")
}

// tokenQualifiers are the words that, before "token" in a path's last
// segment, make it a route that hands out login credentials (/access-token,
// /oauth/refresh_token); a /registration-token for CI runners is issued to a
// caller who already signed in, and is no guessing target.
var tokenQualifiers = map[string]bool{"access": true, "refresh": true, "auth": true, "oauth": true, "id": true, "session": true, "bearer": true, "jwt": true}

// tokenEndpoint reports whether the last literal segment of a path, split
// into words, names a token endpoint: token, tokens, or a qualified one.
func tokenEndpoint(last words) bool {
	switch len(last) {
	case 1:
		return last[0] == "token" || last[0] == "tokens"
	case 2:
		return (last[1] == "token" || last[1] == "tokens") && tokenQualifiers[last[0]]
	}
	return false
}

// sessionOwners are the literal segments that may stand before a
// sessions collection whose POST signs a user in (/auth/sessions); before
// others (/checkout/sessions) a session is a business object.
var sessionOwners = map[string]bool{"auth": true, "user": true, "users": true, "account": true, "accounts": true, "oauth": true, "identity": true}

// sessionCollection reports whether path is a login sessions collection:
// /sessions, or /auth/sessions and the like, after any /api or /v1 prefix.
func sessionCollection(path string) bool {
	var lits []string
	for _, s := range pathSegments(path) {
		if s.param {
			return false
		}
		if l := strings.ToLower(s.text); l != "api" && !versionSegment(l) {
			lits = append(lits, l)
		}
	}
	switch {
	case len(lits) == 1:
		return lits[0] == "session" || lits[0] == "sessions"
	case len(lits) == 2:
		return (lits[1] == "session" || lits[1] == "sessions") && sessionOwners[lits[0]]
	}
	return false
}

// versionSegment reports whether s is an API version such as v1 or v2beta.
func versionSegment(s string) bool {
	return len(s) >= 2 && s[0] == 'v' && s[1] >= '0' && s[1] <= '9'
}

// rateLimitExtension reports whether an extension name declares a rate
// limit: x-ratelimit*, x-rate-limit*, x-enable-rate-limiting,
// x-throttling-tier, x-quota and the like, however the words are
// separated.
func rateLimitExtension(name string) bool {
	n := normalName(name)
	return strings.Contains(n, "ratelimit") || strings.Contains(n, "throttl") || strings.Contains(n, "quota")
}

// rateLimitOn reports whether a rate-limit extension's value turns the
// limit on: `false`, 0, "none", "off", "disabled" and a throttling tier
// of "unlimited" do not.
func rateLimitOn(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case float64:
		return x != 0
	case int:
		return x != 0
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "", "false", "no", "0", "none", "off", "disabled", "unlimited":
			return false
		}
		return true
	case json.RawMessage:
		return rawRateLimitOn(x)
	case []byte:
		return rawRateLimitOn(x)
	}
	// A mapping or a list describes the limit.
	return true
}

func rawRateLimitOn(b []byte) bool {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return false
	}
	return rateLimitOn(v)
}

// rateLimitExtensions reports whether exts declare a rate limit that is on.
func rateLimitExtensions(exts map[string]any) bool {
	for name, v := range exts {
		if rateLimitExtension(name) && rateLimitOn(v) {
			return true
		}
	}
	return false
}

// rateLimitHeader reports whether a response header reports a rate limit
// (the IETF RateLimit fields and the common X-RateLimit-* ones).
func rateLimitHeader(name string) bool {
	n := normalName(name)
	return strings.HasPrefix(n, "ratelimit") || strings.HasPrefix(n, "xratelimit")
}

// declaresRateLimit reports whether op says it is throttled: a 429
// response (its own or a shared component it refers to), a rate-limit
// extension on the operation, its path item, a response or the document,
// or a rate-limit response header.
func declaresRateLimit(doc *spec.Document, op *spec.Operation) bool {
	if hasCode(op, "429") || rateLimitExtensions(op.Extensions) || rateLimitExtensions(doc.Extensions) {
		return true
	}
	for _, r := range op.Responses {
		if rateLimitExtensions(r.Extensions) || slices.ContainsFunc(r.Headers, rateLimitHeader) {
			return true
		}
	}
	return false
}

// sensitiveOperationWithoutRateLimit reports login, token, reset, sign-up,
// one-time-code and magic-link routes that declare no rate limit. Public
// routes get it too: they are the ones attackers reach first. Routes
// where nothing can be guessed and no mail is sent are low: sign-up,
// sign-in with a signed token, token refresh, and a password change
// behind authentication.
func sensitiveOperationWithoutRateLimit(rc *ruleContext) {
	for _, f := range rc.ops {
		kind, ok := operationKind(f.op)
		if !ok {
			continue
		}
		rc.ev.sensitive++
		rc.ev.addKind(kind.name)
		if declaresRateLimit(rc.doc, f.op) {
			rc.ev.limited++
			continue
		}
		r := rc.opReport(ruleSensitiveNoRateLimit, f.op,
			f.op.Key()+" is a "+kind.name+" route but declares no 429 response, RateLimit header or rate-limit extension: nothing shows it is protected against "+kind.abuse)
		switch {
		case kind.low != "":
			r = capAt(r, finding.Low)
			r.Message += "; low, since " + kind.low
		case kind == kindPassword && f.auth == authRequired && !f.public:
			// Changing the password of the account one is signed in to
			// sends no mail and enumerates nothing.
			r = capAt(r, finding.Low)
			r.Message += "; low, since only a signed-in caller can reach it"
		}
		rc.report(r)
	}
}
