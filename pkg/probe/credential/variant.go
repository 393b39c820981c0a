// Package credential builds the invalid credentials a live probe replays
// an identity's requests with: none at all, a malformed token, an expired
// JWT, a JWT with alg none, a JWT with a tampered signature, garbage Basic
// credentials, a garbage session cookie and a garbage API key. A correct
// server refuses every one of them.
package credential

import (
	"encoding/base64"
	"net/http"
	"strings"
	"time"
)

// Variant is one invalid credential set to send in place of an
// identity's.
type Variant struct {
	// Kind is a stable id: none, malformed-token, expired-jwt,
	// alg-none-jwt, tampered-signature, garbage-basic, garbage-cookie,
	// garbage-api-key.
	Kind string
	// Name words the variant for messages ("a JWT with alg: none"). It is
	// fixed per Kind and never holds any part of a credential.
	Name string
	// Header is the full header set to send instead of the identity's.
	Header http.Header
}

// The variant kinds, in the order Invalid lists them.
const (
	KindNone              = "none"
	KindMalformedToken    = "malformed-token"
	KindExpiredJWT        = "expired-jwt"
	KindAlgNoneJWT        = "alg-none-jwt"
	KindTamperedSignature = "tampered-signature"
	KindGarbageBasic      = "garbage-basic"
	KindGarbageCookie     = "garbage-cookie"
	KindGarbageAPIKey     = "garbage-api-key"
)

// garbageBasicUser is the user of the garbage Basic credentials: a user
// that does not exist, never the identity's own, so that replaying a wrong
// password on every operation cannot lock a real account out.
const garbageBasicUser = "launchgate-probe-invalid:not-a-password"

// Invalid returns the variants for an identity whose configured headers
// are h. Headers that carry no credential (X-Tenant-Id, Accept) are kept in
// every variant; each variant carries exactly one kind of altered
// credential and drops the identity's others, so a valid cookie can't
// authenticate a request meant to test a bad token. The list always starts
// with "none"; a bearer token gives malformed-token, and when it is a JWT
// the expired, alg none and tampered-signature variants; basic (the
// operation's scheme takes Basic) or a Basic Authorization gives
// garbage-basic; a Cookie gives garbage-cookie and other credential
// headers garbage-api-key. now dates the expired JWT. The output depends on
// its arguments only.
func Invalid(h http.Header, now time.Time, basic bool) []Variant {
	kept, creds := split(h)
	out := []Variant{{Kind: KindNone, Name: "no credentials", Header: with(kept, nil)}}
	auth := creds[authorization]
	basicSeen := false
	for _, v := range auth.Values("Authorization") {
		scheme, token := splitAuthorization(v)
		if strings.EqualFold(scheme, "basic") {
			basicSeen = true
			continue
		}
		out = append(out, tokenVariants(kept, scheme, token, now)...)
		break
	}
	if basic || basicSeen {
		out = append(out, Variant{Kind: KindGarbageBasic, Name: "garbage Basic credentials",
			Header: with(kept, http.Header{"Authorization": {"Basic " + base64.StdEncoding.EncodeToString([]byte(garbageBasicUser))}})})
	}
	if c := creds[cookie]; len(c) > 0 {
		garbled := http.Header{}
		for _, v := range c.Values("Cookie") {
			garbled.Add("Cookie", garbleCookie(v))
		}
		out = append(out, Variant{Kind: KindGarbageCookie, Name: "a garbage session cookie", Header: with(kept, garbled)})
	}
	if k := creds[apiKey]; len(k) > 0 {
		garbled := http.Header{}
		for name, values := range k {
			for _, v := range values {
				garbled.Add(name, garbleValue(v))
			}
		}
		out = append(out, Variant{Kind: KindGarbageAPIKey, Name: "a garbage API key", Header: with(kept, garbled)})
	}
	return out
}

// splitAuthorization splits an Authorization value into its scheme and
// the rest.
func splitAuthorization(v string) (scheme, rest string) {
	scheme, rest, _ = strings.Cut(strings.TrimSpace(v), " ")
	return scheme, strings.TrimSpace(rest)
}

// tokenVariants are the variants of an Authorization token under scheme
// (Bearer, or a scheme such as Token): a malformed one, and for a JWT the
// expired, alg none and tampered ones.
func tokenVariants(kept http.Header, scheme, token string, now time.Time) []Variant {
	if scheme == "" {
		scheme = "Bearer"
	}
	auth := func(tok string) http.Header {
		return with(kept, http.Header{"Authorization": {scheme + " " + tok}})
	}
	out := []Variant{{Kind: KindMalformedToken, Name: "a malformed token", Header: auth(malformed(token))}}
	t, ok := parseJWT(token)
	if !ok {
		return out
	}
	if exp := t.expired(now); exp != "" {
		out = append(out, Variant{Kind: KindExpiredJWT, Name: "an expired JWT", Header: auth(exp)})
	}
	out = append(out, Variant{Kind: KindAlgNoneJWT, Name: "a JWT with alg: none", Header: auth(t.algNone())})
	if tam := t.tampered(); tam != "" {
		out = append(out, Variant{Kind: KindTamperedSignature, Name: "a JWT with a tampered signature", Header: auth(tam)})
	}
	return out
}

// malformed is a token of the same length and shape as token that no
// issuer wrote: every letter and digit changed; a token with none (or an
// empty one) becomes a fixed word.
func malformed(token string) string {
	return garbleValue(token)
}
