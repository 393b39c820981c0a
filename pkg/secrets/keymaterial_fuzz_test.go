package secrets

import (
	"bytes"
	"testing"
)

// maxFuzzKey bounds the texts the key-material targets try: a JWK or a
// keyset of a few members, its nesting and its escapes fit.
const maxFuzzKey = 512

// FuzzKeyMaterial feeds arbitrary text to the JWK and Tink keyset
// detectors (the JSON-like walk they share included, and with bare, as
// for a YAML file, the block-mapping reader): they must not
// panic or run away, and every candidate must be a span of the text that
// holds only key material.
func FuzzKeyMaterial(f *testing.F) {
	for _, s := range []string{
		`{"kty":"EC","crv":"P-256","x":"QFWninKuQL24T2nWi4QyEy7E5A4Vmlgjqh1IP3XOmLp","d":"_oXtsfEJ9FTMsI7HRHm-2vgCVDSVpN-blATFP-ylIkW"}`,
		`{kty:'oct',k:'p3nJo_Bl9P-Mh6Z9lYj681IBIbhMpv_GA8oOp1u_GIy', // c` + "\n}",
		`X="{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"_oXtsfEJ9FTMsI7HRHm-2vgCVDSVpN-blATFP-ylIkW\"}]}"`,
		`{kty: RSA, n: abc, d: lWHvJtWq-2aZEkJXUvpqd4XY-tYMLgcSChfAVEea_52b43CIRMxBSg8deMCqbVVStbq}`,
		`{"primaryKeyId":1,"key":[{"keyData":{"typeUrl":"type.googleapis.com/google.crypto.tink.AesGcmKey","value":"Zhc/FcMC6SfTFQciqPGHlFL41QRCCYckV//Va4+X","keyMaterialType":"SYMMETRIC"}}]}`,
		`{"encryptedKeyset":"x","keysetInfo":{"primaryKeyId":1}}`,
		`}}}{"kty":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[`,
		`{"kty":"RSA","n":"\"` + "\n" + `","d":/* */"x"`,
		`"kty":"kty":"kty":{'kty'`,
		"\xff\xfe{\"kty\x00\":\"oct\"}",
		`{\"kty\":\"oct\",\n\"k\":\"p3nJo_Bl9P-Mh6Z9lYj681IBIbhMpv_GA8oOp1u_GIy\"}`,
	} {
		f.Add(s, false)
	}
	for _, s := range []string{
		"keys:\n  - kty: EC\n    crv: P-256\n    d: \"_oXtsfEJ9FTMsI7HRHm-2vgCVDSVpN-blATFP-ylIkW\" # c\n",
		"a:\n  d: _oXtsfEJ9FTMsI7HRHm-2vgCVDSVpN-blATFP-ylIkW\n  kty: OKP\n  crv: X25519\n- kty:\n",
		"kty:\r\n - kty: 'oct'\r\n   k: ''\r\nkty:",
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, bare bool) {
		if len(text) > maxFuzzKey {
			return
		}
		cands := append(findJWKs(text, bare), findTinkKeysets(text)...)
		if bare {
			cands = append(cands, findYAMLJWKs(text)...)
		}
		for _, c := range cands {
			if c.at.start < 0 || c.at.end > len(text) || c.at.start >= c.at.end {
				t.Fatalf("%s at %d-%d outside the %d-byte text", c.rule, c.at.start, c.at.end, len(text))
			}
			if text[c.at.start:c.at.end] != c.value || !keyMaterial(c.value, 1) {
				t.Fatalf("%s: the value is not the span's key material", c.rule)
			}
		}
		// The parser alone, from every brace.
		for i := 0; i < len(text); i++ {
			if text[i] == '{' || text[i] == '[' {
				if n := parseAt(text, i, bare); n != nil && (n.end <= i || n.end > len(text)) {
					t.Fatalf("value at %d ends at %d, outside the text", i, n.end)
				}
			}
		}
	})
}

// FuzzKeystoreSniff feeds arbitrary first bytes to the key store sniff: it
// must not panic, and what it recognises must carry its format's opening.
func FuzzKeystoreSniff(f *testing.F) {
	for _, s := range [][]byte{
		nil,
		jksHead,
		jceksHead,
		pfxHead,
		{0x30, 0x80, 0x02, 0x01, 0x03, 0x30, 0x80},
		{0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x03},
		{0x30, 0x83, 0x01},
		[]byte(lfsSpec + "v1\n"),
		{0xfe, 0xed, 0xfe, 0xed, 0, 0, 0},
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		k := sniffStore(data)
		if trustStoreOnly(data) && len(data) < 12 {
			t.Fatal("a trust store shorter than its header")
		}
		switch {
		case k == jksStore && !bytes.HasPrefix(data, []byte{0xfe, 0xed, 0xfe, 0xed}):
			t.Fatal("JKS without its magic")
		case k == jceksStore && !bytes.HasPrefix(data, []byte{0xce, 0xce, 0xce, 0xce}):
			t.Fatal("JCEKS without its magic")
		case k == pkcs12Store && (data[0] != 0x30 || !bytes.Contains(data[:min(len(data), headBytes)], []byte{0x02, 0x01, 0x03})):
			t.Fatal("PFX without its DER opening")
		}
		if k.rule() != "" && sniffStore(data[:min(len(data), headBytes)]) != k {
			t.Fatal("the sniff reads past the head")
		}
	})
}
