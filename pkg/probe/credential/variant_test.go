package credential

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

var testNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// signHS256 issues a JWT over claims with key, as a server would.
func signHS256(t *testing.T, key []byte, claims map[string]any) string {
	t.Helper()
	payload, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	head := encodeSegment([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + encodeSegment(payload)
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(head))
	return head + "." + encodeSegment(mac.Sum(nil))
}

// verifyHS256 reports whether token's signature is key's over its first
// two segments.
func verifyHS256(key []byte, token string) bool {
	i := strings.LastIndexByte(token, '.')
	if i < 0 {
		return false
	}
	sig, err := base64.RawURLEncoding.DecodeString(token[i+1:])
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(token[:i]))
	return hmac.Equal(sig, mac.Sum(nil))
}

func kinds(vs []Variant) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Kind)
	}
	return out
}

func bearer(h http.Header) string {
	_, tok := splitAuthorization(h.Get("Authorization"))
	return tok
}

func byKind(t *testing.T, vs []Variant, kind string) Variant {
	t.Helper()
	for _, v := range vs {
		if v.Kind == kind {
			return v
		}
	}
	t.Fatalf("no %s variant among %v", kind, kinds(vs))
	return Variant{}
}

// TestInvalidJWT builds the variants of a real HS256 token: the expired
// one carries the original claims with exp a day before now and the
// original signature, alg none carries the original payload unsigned, the
// tampered one differs in one signature byte and no longer verifies, and
// every variant keeps the tenant header and drops the identity's cookie
// and API key.
func TestInvalidJWT(t *testing.T) {
	key := []byte("test-signing-key")
	token := signHS256(t, key, map[string]any{"sub": "alice", "tenant": "acme", "exp": testNow.Add(time.Hour).Unix()})
	if !verifyHS256(key, token) {
		t.Fatal("the test token does not verify")
	}
	h := http.Header{
		"Authorization": {"Bearer " + token},
		"Cookie":        {"session=s3cr3tSess10n"},
		"X-Api-Key":     {"k_live_0123456789"},
		"X-Tenant-Id":   {"acme"},
	}
	vs := Invalid(h, testNow, false)
	want := []string{KindNone, KindMalformedToken, KindExpiredJWT, KindAlgNoneJWT, KindTamperedSignature, KindGarbageCookie, KindGarbageAPIKey}
	if got := kinds(vs); !slices.Equal(got, want) {
		t.Fatalf("kinds %v, want %v", got, want)
	}
	for _, v := range vs {
		if v.Header.Get("X-Tenant-Id") != "acme" {
			t.Errorf("%s: the tenant header was not kept", v.Kind)
		}
		creds := 0
		for name := range v.Header {
			if classify(name) != notCredential {
				creds++
			}
		}
		if want := map[bool]int{true: 0, false: 1}[v.Kind == KindNone]; creds != want {
			t.Errorf("%s: %d credential headers, want %d", v.Kind, creds, want)
		}
	}

	parts := strings.Split(token, ".")
	exp := strings.Split(bearer(byKind(t, vs, KindExpiredJWT).Header), ".")
	if len(exp) != 3 || exp[0] != parts[0] || exp[2] != parts[2] {
		t.Fatalf("expired JWT does not keep the header and signature")
	}
	claims, ok := decodeObject(exp[1])
	if !ok {
		t.Fatal("expired JWT payload does not decode")
	}
	if claims["exp"] != json.Number("1772280000") || claims["sub"] != "alice" || claims["tenant"] != "acme" {
		t.Errorf("expired claims %v", claims)
	}

	none := strings.Split(bearer(byKind(t, vs, KindAlgNoneJWT).Header), ".")
	if len(none) != 3 || none[1] != parts[1] || none[2] != "" {
		t.Fatalf("alg none JWT is not the payload unsigned")
	}
	if raw, _ := decodeSegment(none[0]); string(raw) != `{"alg":"none","typ":"JWT"}` {
		t.Errorf("alg none header %s", raw)
	}

	tam := bearer(byKind(t, vs, KindTamperedSignature).Header)
	if verifyHS256(key, tam) {
		t.Error("the tampered token still verifies")
	}
	a, _ := decodeSegment(parts[2])
	b, _ := decodeSegment(strings.Split(tam, ".")[2])
	diff := 0
	for i := range a {
		if i < len(b) && a[i] != b[i] {
			diff++
		}
	}
	if len(a) != len(b) || diff != 1 || !strings.HasPrefix(tam, parts[0]+"."+parts[1]+".") {
		t.Errorf("tampered signature differs in %d bytes", diff)
	}

	mal := bearer(byKind(t, vs, KindMalformedToken).Header)
	if len(mal) != len(token) || IsJWT(mal) {
		t.Errorf("malformed token is not a same-length non-JWT")
	}
	if c := byKind(t, vs, KindGarbageCookie).Header.Get("Cookie"); !strings.HasPrefix(c, "session=") || c == h.Get("Cookie") {
		t.Errorf("garbage cookie does not garble the session value")
	}
	if k := byKind(t, vs, KindGarbageAPIKey).Header.Get("X-Api-Key"); k == "" || k == h.Get("X-Api-Key") {
		t.Errorf("garbage API key does not replace the key")
	}
}

// TestInvalidKinds states the variants each kind of identity gets.
func TestInvalidKinds(t *testing.T) {
	basicAlice := "Basic " + base64.StdEncoding.EncodeToString([]byte("alice:pw"))
	for _, tc := range []struct {
		name  string
		h     http.Header
		basic bool
		want  []string
	}{
		{"opaque bearer", http.Header{"Authorization": {"Bearer 9f8e7d6c5b4a"}}, false, []string{"none", "malformed-token"}},
		{"other scheme", http.Header{"Authorization": {"Token 9f8e7d6c5b4a"}}, false, []string{"none", "malformed-token"}},
		{"lower-case names", http.Header{"authorization": {"bearer 9f8e7d6c5b4a"}, "x-auth-token": {"abc"}}, false, []string{"none", "malformed-token", "garbage-api-key"}},
		{"basic identity", http.Header{"Authorization": {basicAlice}}, false, []string{"none", "garbage-basic"}},
		{"basic scheme, bearer identity", http.Header{"Authorization": {"Bearer abc"}}, true, []string{"none", "malformed-token", "garbage-basic"}},
		{"cookie only", http.Header{"Cookie": {"sid=abc; theme=dark"}}, false, []string{"none", "garbage-cookie"}},
		{"api key headers", http.Header{"Api-Key": {"abc"}, "X-Client-Secret": {"def"}}, false, []string{"none", "garbage-api-key"}},
		{"no credentials", http.Header{"X-Tenant-Id": {"acme"}, "Proxy-Authorization": {"Basic eDp5"}}, false, []string{"none"}},
		{"empty", nil, false, []string{"none"}},
		{"jwt with empty signature", http.Header{"Authorization": {"Bearer " + encodeSegment([]byte(`{"alg":"none"}`)) + "." + encodeSegment([]byte(`{"sub":"a"}`)) + "."}}, false,
			[]string{"none", "malformed-token", "expired-jwt", "alg-none-jwt"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vs := Invalid(tc.h, testNow, tc.basic)
			if got := kinds(vs); !slices.Equal(got, tc.want) {
				t.Fatalf("kinds %v, want %v", got, tc.want)
			}
			for _, v := range vs {
				if v.Kind == KindGarbageBasic && v.Header.Get("Authorization") == basicAlice {
					t.Error("garbage Basic credentials name the identity's user")
				}
			}
		})
	}
	// Headers that carry no credential travel in every variant, and
	// Proxy-Authorization is one of them.
	vs := Invalid(http.Header{"Proxy-Authorization": {"Basic eDp5"}, "Cookie": {"a=b"}}, testNow, false)
	for _, v := range vs {
		if v.Header.Get("Proxy-Authorization") != "Basic eDp5" {
			t.Errorf("%s: Proxy-Authorization was not kept", v.Kind)
		}
	}
}

// TestNamesHoldNoCredential: a variant's Name is fixed per kind, whatever
// the credentials, and shares no run of four characters with any of them.
func TestNamesHoldNoCredential(t *testing.T) {
	key := []byte("k")
	tokens := []string{
		signHS256(t, key, map[string]any{"sub": "JWT with alg none", "name": "no credentials"}),
		signHS256(t, key, map[string]any{"sub": "bob"}),
		"ghp_a1B2c3D4e5F6g7H8i9J0",
	}
	names := map[string]string{}
	for _, tok := range tokens {
		h := http.Header{"Authorization": {"Bearer " + tok}, "Cookie": {"session=" + tok}, "X-Api-Key": {tok}}
		for _, v := range Invalid(h, testNow, true) {
			if prev, ok := names[v.Kind]; ok && prev != v.Name {
				t.Errorf("%s: name depends on the credential", v.Kind)
			}
			names[v.Kind] = v.Name
			for i := 0; i+4 <= len(tok); i++ {
				if strings.Contains(v.Name, tok[i:i+4]) {
					t.Errorf("%s: name shares a run of the token at offset %d", v.Kind, i)
				}
			}
		}
	}
	if len(names) != 8 {
		t.Errorf("saw %d kinds, want all 8", len(names))
	}
}

// TestInvalidDeterministic: the same input gives the same variants, and
// the variants do not share storage with the input.
func TestInvalidDeterministic(t *testing.T) {
	tok := signHS256(t, []byte("k"), map[string]any{"sub": "a", "exp": 1, "iat": 0, "aud": []string{"x", "y"}})
	h := http.Header{"Authorization": {"Bearer " + tok}, "X-Tenant-Id": {"acme"}, "Cookie": {"sid=1"}}
	a, b := Invalid(h, testNow, true), Invalid(h, testNow, true)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two calls disagree")
	}
	a[0].Header["X-Tenant-Id"][0] = "changed"
	if h.Get("X-Tenant-Id") != "acme" {
		t.Error("a variant shares the input's header values")
	}
}

// TestIsJWT states what is read as a JWT.
func TestIsJWT(t *testing.T) {
	seg := func(s string) string { return encodeSegment([]byte(s)) }
	for _, tc := range []struct {
		name, token string
		want        bool
	}{
		{"signed", seg(`{"alg":"RS256"}`) + "." + seg(`{"sub":"a"}`) + "." + seg("sig"), true},
		{"padded", seg(`{"alg":"RS256"}`) + "==." + seg(`{"sub":"a"}`) + "." + seg("sig"), true},
		{"unsigned", seg(`{"alg":"none"}`) + "." + seg(`{}`) + ".", true},
		{"no alg", seg(`{"typ":"JWT"}`) + "." + seg(`{}`) + ".", false},
		{"payload not an object", seg(`{"alg":"HS256"}`) + "." + seg(`[1]`) + ".", false},
		{"trailing data", seg(`{"alg":"HS256"}`) + "." + seg(`{} {}`) + ".", false},
		{"jwe", seg(`{"alg":"RSA-OAEP"}`) + ".a.b.c.d", false},
		{"opaque", "9f8e7d6c5b4a", false},
		{"dots", "..", false},
		{"bad signature", seg(`{"alg":"HS256"}`) + "." + seg(`{}`) + ".!!", false},
		{"not base64", "eyJ*.eyJ.x", false},
		{"huge", seg(`{"alg":"HS256"}`) + "." + seg(`{"p":"`+strings.Repeat("a", maxJWT)+`"}`) + ".", false},
	} {
		if got := IsJWT(tc.token); got != tc.want {
			t.Errorf("%s: IsJWT = %v, want %v", tc.name, got, tc.want)
		}
	}
}
