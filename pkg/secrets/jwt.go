package secrets

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"
)

// jwtClaims are the claims of a JSON Web Token the engine reads.
type jwtClaims struct {
	Role   string
	Issuer string
	// Expires is the "exp" claim; zero when the token has none.
	Expires time.Time
}

// jwtClaimsOf reads the claims of a JSON Web Token without verifying it.
// ok is false when s is not a token with a readable payload.
func jwtClaimsOf(s string) (c jwtClaims, ok bool) {
	parts := strings.Split(strings.TrimSpace(s), ".")
	if len(parts) != 3 || !strings.HasPrefix(parts[0], "eyJ") || !strings.HasPrefix(parts[1], "eyJ") {
		return c, false
	}
	payload := strings.TrimRight(parts[1], "=")
	if len(payload) > 8<<10 {
		return c, false
	}
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		// Some issuers use the standard alphabet.
		if raw, err = base64.RawStdEncoding.DecodeString(payload); err != nil {
			return c, false
		}
	}
	var claims struct {
		Role any `json:"role"`
		Iss  any `json:"iss"`
		Exp  any `json:"exp"`
	}
	if err := json.Unmarshal(raw, &claims); err != nil {
		return c, false
	}
	c.Role, _ = claims.Role.(string)
	c.Issuer, _ = claims.Iss.(string)
	if exp, isNum := claims.Exp.(float64); isNum && exp > 0 && exp < 1<<40 {
		c.Expires = time.Unix(int64(exp), 0).UTC()
	}
	return c, true
}

// jwtRole reads the "role" claim of a JSON Web Token without verifying it:
// Supabase marks its public anon key with "anon" and its admin key with
// "service_role". ok is false when s is not a token with a readable payload.
func jwtRole(s string) (role string, ok bool) {
	c, ok := jwtClaimsOf(s)
	return c.Role, ok
}

// jwtExpired reports whether s is a JSON Web Token whose "exp" claim is
// before now, and when it expired.
func jwtExpired(s string, now time.Time) (time.Time, bool) {
	c, ok := jwtClaimsOf(s)
	if !ok || c.Expires.IsZero() {
		return time.Time{}, false
	}
	return c.Expires, c.Expires.Before(now)
}
