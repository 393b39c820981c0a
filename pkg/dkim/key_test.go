package dkim

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseKeyRSA(t *testing.T) {
	p2048 := rsaSPKI(t, 2048)
	tests := []struct {
		name, record string
		bits         int
	}{
		{"2048 spki", "v=DKIM1; k=rsa; p=" + p2048, 2048},
		{"1024 spki, no v, no k", "p=" + rsaSPKI(t, 1024), 1024},
		{"512 hand-built spki", "v=DKIM1; p=" + smallRSASPKI(t, 512), 512},
		{"pkcs1", "v=DKIM1; p=" + rsaPKCS1(t, 1024), 1024},
		{"folded base64", "v=DKIM1; p=" + p2048[:100] + " \r\n\t " + p2048[100:300] + " " + p2048[300:] + " ;", 2048},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := ParseKey(tt.record)
			if err != nil {
				t.Fatalf("ParseKey: %v", err)
			}
			if k.Type != KeyTypeRSA || k.Bits != tt.bits || k.Revoked || len(k.Public) == 0 {
				t.Errorf("key = type %q bits %d revoked %v, want rsa %d", k.Type, k.Bits, k.Revoked, tt.bits)
			}
		})
	}
}

func TestParseKeyEd25519(t *testing.T) {
	k, err := ParseKey("v=DKIM1; k=ed25519; p=" + ed25519Raw(t))
	if err != nil {
		t.Fatalf("ParseKey: %v", err)
	}
	if k.Type != KeyTypeEd25519 || k.Bits != 256 || len(k.Public) != 32 {
		t.Errorf("key = %+v", k)
	}
}

func TestParseKeyTags(t *testing.T) {
	k, err := ParseKey("v=DKIM1; h=sha1:sha256; s=email; t=y:s:z; n=rotated 2024; x_custom=1; p=")
	if err != nil {
		t.Fatalf("ParseKey: %v", err)
	}
	if !k.Revoked || k.Bits != 0 || k.Public != nil {
		t.Errorf("empty p: revoked=%v bits=%d", k.Revoked, k.Bits)
	}
	if !k.Testing || !k.Strict || !slices.Equal(k.Flags, []string{"y", "s", "z"}) {
		t.Errorf("flags: testing=%v strict=%v %v", k.Testing, k.Strict, k.Flags)
	}
	if !slices.Equal(k.HashAlgorithms, []string{"sha1", "sha256"}) || !slices.Equal(k.ServiceTypes, []string{"email"}) {
		t.Errorf("h=%v s=%v", k.HashAlgorithms, k.ServiceTypes)
	}
	if k.Notes != "rotated 2024" || len(k.Unknown) != 1 || k.Unknown[0] != (Tag{Name: "x_custom", Value: "1"}) {
		t.Errorf("n=%q unknown=%v", k.Notes, k.Unknown)
	}
	quiet, err := ParseKey("p=" + rsaSPKI(t, 1024))
	if err != nil {
		t.Fatal(err)
	}
	if quiet.Testing || quiet.Strict || quiet.Version != "" {
		t.Errorf("no t tag gave testing=%v strict=%v", quiet.Testing, quiet.Strict)
	}
}

func TestParseKeyErrors(t *testing.T) {
	p := rsaSPKI(t, 1024)
	tests := []struct{ name, record, tag string }{
		{"no p", "v=DKIM1; k=rsa", "p"},
		{"v not first", "k=rsa; v=DKIM1; p=" + p, "v"},
		{"wrong version", "v=DKIM2; p=" + p, "v"},
		{"version is case-sensitive", "v=dkim1; p=" + p, "v"},
		{"duplicate p", "v=DKIM1; p=" + p + "; p=", "p"},
		{"unknown k", "v=DKIM1; k=dsa; p=" + p, "k"},
		{"bad base64", "v=DKIM1; p=not*base64", "p"},
		{"not a key", "v=DKIM1; p=aGVsbG8gd29ybGQ=", "p"},
		{"ed25519 as rsa", "v=DKIM1; p=" + ed25519SPKI(t), "p"},
		{"ed25519 spki", "v=DKIM1; k=ed25519; p=" + ed25519SPKI(t), "p"},
		{"rsa as ed25519", "v=DKIM1; k=ed25519; p=" + p, "p"},
		{"key too long", "v=DKIM1; p=" + strings.Repeat("A", 4*maxKeyBytes), "p"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := ParseKey(tt.record)
			if err == nil {
				t.Fatalf("ParseKey = %+v, want an error", k)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Tag != tt.tag {
				t.Errorf("error %v, want one naming tag %q", err, tt.tag)
			}
			if ip := InvalidProblem("sel", err); ip.Rule != RuleInvalid || ip.Tag != tt.tag || len(ip.Message) > 400 {
				t.Errorf("InvalidProblem = %+v", ip)
			}
		})
	}
}

func TestParseKeySyntax(t *testing.T) {
	for _, rec := range []string{
		"v=DKIM1; junk",
		"v=DKIM1; 1p=abc",
		"v=DKIM1; x-y=1; p=",
		"p=" + strings.Repeat("A", MaxRecordLen),
		"p=" + strings.Repeat(";a=b", maxTags),
	} {
		if _, err := ParseKey(rec); err == nil {
			t.Errorf("ParseKey(%.30q…) succeeded, want an error", rec)
		}
	}
}
