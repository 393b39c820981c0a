package portaltest

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestVerify states which forged tokens each laxity lets through; the
// strict verifier takes only the genuine, unexpired token.
func TestVerify(t *testing.T) {
	s := signer{key: []byte("0123456789abcdef0123456789abcdef")}
	now := time.Now()
	good := s.sign(claims{Sub: "alice", Tenant: "acme", Role: "user", Exp: now.Add(time.Hour).Unix()})
	expiredSigned := s.sign(claims{Sub: "alice", Tenant: "acme", Role: "user", Exp: now.Add(-time.Hour).Unix()})
	other := signer{key: []byte("another key entirely, 32 bytes!!")}
	tokens := map[string]string{
		"good":           good,
		"expired signed": expiredSigned,
		"expired forged": withClaims(good, func(c *claims) { c.Exp = now.Add(-time.Minute).Unix() }),
		"tenant forged":  withClaims(good, func(c *claims) { c.Tenant = "globex" }),
		"alg none":       algNone(good),
		"tampered":       tamperSignature(good),
		"other key":      other.sign(claims{Sub: "alice", Tenant: "acme", Exp: now.Add(time.Hour).Unix()}),
		"no exp":         s.sign(claims{Sub: "alice", Tenant: "acme"}),
		"no tenant":      s.sign(claims{Sub: "alice", Exp: now.Add(time.Hour).Unix()}),
		"two parts":      good[:strings.LastIndexByte(good, '.')],
		"garbled":        garbleLetters(good),
		"empty":          "",
	}
	tests := []struct {
		name   string
		lax    laxity
		accept []string
	}{
		{"strict", laxity{}, []string{"good"}},
		{"accept none", laxity{acceptNone: true}, []string{"good", "alg none"}},
		{"skip signature", laxity{skipSignature: true}, []string{"good", "tenant forged", "tampered", "other key"}},
		{"skip expiry", laxity{skipExpiry: true}, []string{"good", "expired signed", "no exp"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, tok := range tokens {
				_, err := s.verify(tok, now, tt.lax)
				if want := slices.Contains(tt.accept, name); (err == nil) != want {
					t.Errorf("%s: accepted %v, want %v", name, err == nil, want)
				}
			}
		})
	}
	c, err := s.verify(good, now, laxity{})
	if err != nil || c.Sub != "alice" || c.Tenant != "acme" || c.Role != "user" {
		t.Errorf("claims %+v, %v", c, err)
	}
}

// FuzzVerify feeds arbitrary tokens to the strict verifier: it never
// panics, and accepts nothing but a token its key signed.
func FuzzVerify(f *testing.F) {
	s := signer{key: []byte("0123456789abcdef0123456789abcdef")}
	good := s.sign(claims{Sub: "alice", Tenant: "acme", Exp: 1 << 40})
	for _, seed := range []string{good, algNone(good), tamperSignature(good), "a.b.c", "..", "", "eyJhbGciOiJub25lIn0.e30.", strings.Repeat("A", 5000) + ".x.y"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, tok string) {
		for _, lax := range []laxity{{}, {acceptNone: true}, {skipSignature: true}, {skipExpiry: true}} {
			c, err := s.verify(tok, time.Unix(0, 0), lax)
			if err == nil && (c.Sub == "" || c.Tenant == "") {
				t.Fatal("accepted a token without subject or tenant")
			}
			if err == nil && lax == (laxity{}) {
				parts := strings.Split(tok, ".")
				if !s.validMAC(parts[0]+"."+parts[1], parts[2]) {
					t.Fatal("the strict verifier accepted a token the key did not sign")
				}
			}
		}
	})
}
