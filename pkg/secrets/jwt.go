package secrets

import (
	"encoding/base64"
	"encoding/json"
	"strings"
)

// jwtRole reads the "role" claim of a JSON Web Token without verifying it:
// Supabase marks its public anon key with "anon" and its admin key with
// "service_role". ok is false when s is not a token with a readable payload.
func jwtRole(s string) (role string, ok bool) {
	parts := strings.Split(strings.TrimSpace(s), ".")
	if len(parts) != 3 || !strings.HasPrefix(parts[0], "eyJ") || !strings.HasPrefix(parts[1], "eyJ") {
		return "", false
	}
	payload := strings.TrimRight(parts[1], "=")
	if len(payload) > 8<<10 {
		return "", false
	}
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		// Some issuers use the standard alphabet.
		if raw, err = base64.RawStdEncoding.DecodeString(payload); err != nil {
			return "", false
		}
	}
	var claims struct {
		Role any `json:"role"`
	}
	if err := json.Unmarshal(raw, &claims); err != nil {
		return "", false
	}
	r, _ := claims.Role.(string)
	return r, true
}
