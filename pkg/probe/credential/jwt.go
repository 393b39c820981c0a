package credential

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// maxJWT bounds the token decoded: a bearer token longer than this is not
// read as a JWT.
const maxJWT = 64 << 10

// jwt is a compact JWS split into its three segments, as written.
type jwt struct {
	header, payload, signature string
}

// IsJWT reports whether token is a compact JWS: three dot-separated
// base64url segments whose first two decode to JSON objects, the first
// naming an alg.
func IsJWT(token string) bool {
	_, ok := parseJWT(token)
	return ok
}

// parseJWT splits token when IsJWT holds.
func parseJWT(token string) (jwt, bool) {
	if len(token) > maxJWT || strings.Count(token, ".") != 2 {
		return jwt{}, false
	}
	parts := strings.Split(token, ".")
	t := jwt{header: parts[0], payload: parts[1], signature: parts[2]}
	hdr, ok := decodeObject(t.header)
	if !ok {
		return jwt{}, false
	}
	if _, ok := hdr["alg"]; !ok {
		return jwt{}, false
	}
	if _, ok := decodeObject(t.payload); !ok {
		return jwt{}, false
	}
	if _, err := decodeSegment(t.signature); err != nil {
		return jwt{}, false
	}
	return t, true
}

// decodeSegment decodes one base64url segment, padded or not.
func decodeSegment(s string) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
}

// decodeObject decodes a segment holding a JSON object, numbers kept as
// written.
func decodeObject(s string) (map[string]any, bool) {
	raw, err := decodeSegment(s)
	if err != nil {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil || obj == nil {
		return nil, false
	}
	if dec.More() {
		return nil, false
	}
	return obj, true
}

func encodeSegment(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// expired is t with exp set one day before now, the payload re-encoded
// and the original signature kept: without the key it cannot be
// re-signed, so a server that accepts it checks neither the expiry nor
// the signature.
func (t jwt) expired(now time.Time) string {
	claims, _ := decodeObject(t.payload)
	claims["exp"] = json.Number(strconv.FormatInt(now.Add(-24*time.Hour).Unix(), 10))
	payload, err := json.Marshal(claims)
	if err != nil {
		return ""
	}
	return t.header + "." + encodeSegment(payload) + "." + t.signature
}

// algNone is t's payload under the header {"alg":"none","typ":"JWT"}
// with an empty signature.
func (t jwt) algNone() string {
	return encodeSegment([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + t.payload + "."
}

// tampered is t with one byte of its decoded signature changed; "" when
// the signature is empty.
func (t jwt) tampered() string {
	sig, err := decodeSegment(t.signature)
	if err != nil || len(sig) == 0 {
		return ""
	}
	sig[len(sig)/2] ^= 0x01
	return t.header + "." + t.payload + "." + encodeSegment(sig)
}
