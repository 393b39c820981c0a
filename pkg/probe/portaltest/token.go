package portaltest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"time"
)

// claims are what a portal token says about its bearer.
type claims struct {
	Sub    string `json:"sub"`
	Tenant string `json:"tenant"`
	Role   string `json:"role"`
	Exp    int64  `json:"exp"`
}

// jwtHeader is the part of a JWT header the verifier reads.
type jwtHeader struct {
	Alg string `json:"alg"`
	Typ string `json:"typ,omitempty"`
}

// laxity names the checks a verifier leaves out. The zero value checks
// everything: HS256 only, the signature, and an expiry in the future.
type laxity struct {
	// acceptNone trusts a token whose header says alg "none".
	acceptNone bool
	// skipSignature decodes the token without checking its signature.
	skipSignature bool
	// skipExpiry accepts a token whose exp has passed, or that has none.
	skipExpiry bool
}

// errToken is every verification failure: the portal answers them all
// with the same 401 and says no more.
var errToken = errors.New("invalid token")

// signer issues and verifies HS256 tokens with one key.
type signer struct {
	key []byte
}

// sign returns the compact HS256 JWT of c.
func (s signer) sign(c claims) string {
	head := encodeSegment(jwtHeader{Alg: "HS256", Typ: "JWT"})
	body := encodeSegment(c)
	return head + "." + body + "." + s.mac(head+"."+body)
}

// mac is the base64url HMAC-SHA256 of the signing input.
func (s signer) mac(input string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(input))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// verify checks tok at now, leaving out what lax says, and returns its
// claims. A token without a subject and a tenant is refused whatever lax
// says, since nothing could be served to it.
func (s signer) verify(tok string, now time.Time, lax laxity) (claims, error) {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return claims{}, errToken
	}
	var h jwtHeader
	if err := decodeSegment(parts[0], &h); err != nil {
		return claims{}, errToken
	}
	switch {
	case h.Alg == "HS256":
		if !lax.skipSignature && !s.validMAC(parts[0]+"."+parts[1], parts[2]) {
			return claims{}, errToken
		}
	case strings.EqualFold(h.Alg, "none") && lax.acceptNone:
	default:
		return claims{}, errToken
	}
	var c claims
	if err := decodeSegment(parts[1], &c); err != nil || c.Sub == "" || c.Tenant == "" {
		return claims{}, errToken
	}
	if !lax.skipExpiry && (c.Exp == 0 || now.Unix() >= c.Exp) {
		return claims{}, errToken
	}
	return c, nil
}

// validMAC compares sig with the expected signature in constant time.
func (s signer) validMAC(input, sig string) bool {
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return false
	}
	want, _ := base64.RawURLEncoding.DecodeString(s.mac(input))
	return hmac.Equal(got, want)
}

// encodeSegment is the base64url JSON of v.
func encodeSegment(v any) string {
	b, _ := json.Marshal(v)
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeSegment reads a base64url JSON segment into v; segments longer
// than a token plausibly is are refused before decoding.
func decodeSegment(seg string, v any) error {
	if len(seg) > 4096 {
		return errToken
	}
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(seg, "="))
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}
