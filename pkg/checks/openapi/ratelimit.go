package openapi

import (
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/spec"
)

// sensitiveKind names what makes an operation an abuse target, with the
// abuse a rate limit prevents.
type sensitiveKind struct {
	name, abuse string
}

var (
	kindLogin    = sensitiveKind{"login", "password guessing and credential stuffing"}
	kindToken    = sensitiveKind{"token", "credential stuffing against the token endpoint"}
	kindPassword = sensitiveKind{"password reset", "reset-mail floods and account enumeration"}
	kindSignup   = sensitiveKind{"sign-up", "mass account creation"}
	kindCode     = sensitiveKind{"one-time code", "guessing one-time codes"}
	kindMagic    = sensitiveKind{"magic link", "login-mail floods and link guessing"}
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
	switch {
	case all.has("login", "signin", "logon", "authenticate") || all.pair("sign", "in") || all.pair("log", "in"),
		method == "POST" && sessionCollection(path):
		return kindLogin, true
	case all.has("password", "passwd", "forgot"):
		return kindPassword, true
	case tokenEndpoint(last),
		pw.has("token") && pw.has("oauth", "oauth2", "auth"),
		all.has("token") && all.has("refresh", "exchange", "issue"):
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

// rateLimitExtension reports whether an extension name declares a rate limit.
func rateLimitExtension(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "x-ratelimit") || strings.HasPrefix(n, "x-rate-limit") || strings.HasPrefix(n, "x-throttl")
}

// rateLimitHeader reports whether a response header reports a rate limit
// (the IETF RateLimit fields and the common X-RateLimit-* ones).
func rateLimitHeader(name string) bool {
	n := strings.ToLower(name)
	return n == "ratelimit" || strings.HasPrefix(n, "ratelimit-") || strings.HasPrefix(n, "x-ratelimit") || strings.HasPrefix(n, "x-rate-limit")
}

// declaresRateLimit reports whether op says it is throttled: a 429
// response, a rate-limit extension on the operation or a response, or a
// rate-limit response header.
func declaresRateLimit(op *spec.Operation) bool {
	if hasCode(op, "429") {
		return true
	}
	for name := range op.Extensions {
		if rateLimitExtension(name) {
			return true
		}
	}
	for _, r := range op.Responses {
		for name := range r.Extensions {
			if rateLimitExtension(name) {
				return true
			}
		}
		if slices.ContainsFunc(r.Headers, rateLimitHeader) {
			return true
		}
	}
	return false
}

// sensitiveOperationWithoutRateLimit reports login, token, reset, sign-up,
// one-time-code and magic-link routes that declare no rate limit. Public
// routes get it too: they are the ones attackers reach first.
func sensitiveOperationWithoutRateLimit(rc *ruleContext) {
	for _, f := range rc.ops {
		kind, ok := sensitiveOperation(f.op.Method, f.op.Path, f.op.ID)
		if !ok || declaresRateLimit(f.op) {
			continue
		}
		rc.report(rc.opReport(ruleSensitiveNoRateLimit, f.op,
			f.op.Key()+" is a "+kind.name+" route but declares no 429 response, RateLimit header or x-ratelimit extension: nothing shows it is protected against "+kind.abuse))
	}
}
