package secrets

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

const b64url = alnum + "-_"

// keyCase is a text the key-material detectors must report at line (rule
// and severity given), or leave alone (rule "").
type keyCase struct {
	name, path, content string
	rule                string
	line                int
	sev                 finding.Severity
}

// scanOne scans content at path and returns what it found.
func scanFragment(t *testing.T, e *Engine, f Fragment) []Secret {
	t.Helper()
	if f.StartLine == 0 {
		f.StartLine = 1
	}
	got, err := e.Scan(context.Background(), f)
	if err != nil {
		t.Fatalf("%s: %v", f.Path, err)
	}
	return got
}

// checkKeyCase runs c and compares the key-material findings with it.
func checkKeyCase(t *testing.T, e *Engine, c keyCase, values ...string) {
	t.Helper()
	var found []string
	for _, s := range scanFragment(t, e, Fragment{Path: c.path, Content: c.content}) {
		if !keyRule(s.RuleID) {
			continue
		}
		found = append(found, fmt.Sprintf("%s:%d %s", s.RuleID, s.Line, s.Severity))
		for _, v := range values {
			for _, field := range []string{s.Message, s.Redacted, s.Key, s.Title} {
				if strings.Contains(field, v) {
					t.Errorf("%s: %s carries the key material", c.name, s.RuleID)
				}
			}
		}
	}
	want := []string(nil)
	if c.rule != "" {
		want = []string{fmt.Sprintf("secret/%s:%d %s", c.rule, c.line, c.sev)}
	}
	if fmt.Sprint(found) != fmt.Sprint(want) {
		t.Errorf("%s: found %v, want %v", c.name, found, want)
	}
}

// keyRule reports whether id is one of the rules this file tests.
func keyRule(id string) bool {
	r := strings.TrimPrefix(id, "secret/")
	return keyMaterialRules[r] || r == rulePKCS12 || r == rulePrivateKey
}

func TestJWK(t *testing.T) {
	e := newEngine(t, Options{})
	g := newGen(t)
	n, d, p, q := g.from(b64url, 342), g.from(b64url, 342), g.from(b64url, 171), g.from(b64url, 171)
	x, y, ecd, k := g.from(b64url, 43), g.from(b64url, 43), g.from(b64url, 43), g.from(b64url, 43)
	rsa := fmt.Sprintf("{\n  \"kty\": \"RSA\",\n  \"kid\": \"2024-01\",\n  \"n\": \"%s\",\n  \"e\": \"AQAB\",\n  \"d\": \"%s\",\n  \"p\": \"%s\",\n  \"q\": \"%s\"\n}\n", n, d, p, q)
	publicRSA := fmt.Sprintf("{\"keys\": [{\"kty\": \"RSA\", \"use\": \"sig\", \"n\": \"%s\", \"e\": \"AQAB\"}]}\n", n)
	ec := fmt.Sprintf("{\"keys\": [\n  {\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"%s\", \"y\": \"%s\"},\n  {\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"%s\", \"y\": \"%s\",\n   \"d\": \"%s\"}\n]}\n", x, y, x, y, ecd)
	cases := []keyCase{
		{"RSA private JWK", "config/signing-key.json", rsa, ruleJWK, 6, finding.Critical},
		{"second key of a JWKS is private", "keys/jwks.json", ec, ruleJWK, 4, finding.Critical},
		{"public JWKS", "public/.well-known/jwks.json", publicRSA, "", 0, 0},
		{"public EC keys", "keys/jwks.json", strings.Replace(ec, ",\n   \"d\": \""+ecd+"\"", "", 1), "", 0, 0},
		{"symmetric JWK in JS", "src/auth.js", "const secret = {\n  kty: 'oct',\n  k: '" + k + "',\n  alg: 'HS256',\n};\n", ruleJWK, 3, finding.Critical},
		{"symmetric JWK read from a variable", "src/auth.js", "const jwk = {kty: 'oct', k: process.env.JWT_KEY};\nconst j2 = {kty:\"oct\",k:t};\n", "", 0, 0},
		{"escaped JSON in an env file", "deploy/app.env", "JWKS=\"{\\\"keys\\\":[{\\\"kty\\\":\\\"OKP\\\",\\\"crv\\\":\\\"Ed25519\\\",\\\"x\\\":\\\"" + x + "\\\",\\\"d\\\":\\\"" + ecd + "\\\"}]}\"\n", ruleJWK, 1, finding.Critical},
		{"YAML flow mapping", "k8s/secret.yaml", "jwk: {kty: EC, crv: P-256, x: " + x + ", y: " + y + ", d: " + ecd + "}\n", ruleJWK, 1, finding.Critical},
		{"YAML block list item", "config/auth.yml", "auth:\n  jwks:\n    keys:\n      - kid: old\n        kty: EC\n        crv: P-256\n        x: " + x + "\n      - kty: EC # the current key\n        crv: P-256\n        x: " + x + "\n        y: '" + y + "'\n        d: \"" + ecd + "\"  # rotated yearly\n      - kty: EC\n        crv: P-256\n", ruleJWK, 12, finding.Critical},
		{"YAML block mapping", "k8s/values.yaml", "signing:\n  key:\n    d: " + ecd + "\n    kty: OKP\n    crv: Ed25519\n  other: 1\n", ruleJWK, 3, finding.Critical},
		{"YAML block public key", "k8s/values.yaml", "signing:\n  key:\n    kty: OKP\n    crv: Ed25519\n    x: " + x + "\n  d: " + ecd + "\n", "", 0, 0},
		{"YAML block, private member nested deeper", "k8s/values.yaml", "key:\n  kty: EC\n  crv: P-256\n  extra:\n    d: " + ecd + "\n", "", 0, 0},
		{"YAML block in a file that is no YAML", "notes.txt", "key:\n  kty: EC\n  crv: P-256\n  d: " + ecd + "\n", "", 0, 0},
		{"placeholder d", "docs/jwk.md", "```json\n{\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"" + x + "\", \"d\": \"<base64url private key>\"}\n```\n", "", 0, 0},
		{"elided d", "README.md", "{\"kty\":\"RSA\",\"n\":\"" + n + "\",\"e\":\"AQAB\",\"d\":\"X4cTteJY_gn4FYPsXB8rdXix5vwsg1FLN5E3EaG6RJoVH-HLLKD9...\"}\n", "", 0, 0},
		{"repeated characters", "config/key.json", "{\"kty\":\"oct\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}\n", "", 0, 0},
		{"d without the key's public member", "src/schema.json", "{\"kty\":\"RSA\",\"d\":\"" + d + "\"}\n", "", 0, 0},
		{"not a key type", "src/x.json", "{\"kty\":\"unknown\",\"d\":\"" + d + "\",\"n\":\"" + n + "\"}\n", "", 0, 0},
		{"kty as a property, not a member", "src/jose.js", "if (jwk.kty === 'RSA' && jwk.d) { sign(jwk.d) } var d = '" + d + "';\n", "", 0, 0},
		{"in an example folder", "examples/keys/private.json", rsa, ruleJWK, 6, finding.Low},
	}
	for _, c := range cases {
		checkKeyCase(t, e, c, d, ecd, k, p)
	}
}

func TestTinkKeyset(t *testing.T) {
	e := newEngine(t, Options{})
	g := newGen(t)
	value := g.from(alnum+"+/", 64)
	keyset := func(material, typeURL string) string {
		return fmt.Sprintf("{\n  \"primaryKeyId\": 1931667682,\n  \"key\": [{\n    \"keyData\": {\n      \"typeUrl\": \"%s\",\n      \"value\": \"%s\",\n      \"keyMaterialType\": \"%s\"\n    },\n    \"status\": \"ENABLED\",\n    \"keyId\": 1931667682,\n    \"outputPrefixType\": \"TINK\"\n  }]\n}\n", typeURL, value, material)
	}
	const aead = "type.googleapis.com/google.crypto.tink.AesGcmKey"
	const sig = "type.googleapis.com/google.crypto.tink.EcdsaPrivateKey"
	cases := []keyCase{
		{"symmetric keyset", "config/keyset.json", keyset("SYMMETRIC", aead), ruleTink, 6, finding.Critical},
		{"private keyset", "config/signing.json", keyset("ASYMMETRIC_PRIVATE", sig), ruleTink, 6, finding.Critical},
		{"public keyset", "config/verify.json", keyset("ASYMMETRIC_PUBLIC", "type.googleapis.com/google.crypto.tink.EcdsaPublicKey"), "", 0, 0},
		{"remote key", "config/kms.json", keyset("REMOTE", "type.googleapis.com/google.crypto.tink.KmsAeadKey"), "", 0, 0},
		{"not a Tink type", "config/other.json", keyset("SYMMETRIC", "type.googleapis.com/acme.Key"), "", 0, 0},
		{"encrypted keyset", "config/keyset.json", "{\"encryptedKeyset\": \"" + value + "\", \"keysetInfo\": {\"primaryKeyId\": 1, \"keyInfo\": [{\"typeUrl\": \"" + aead + "\", \"status\": \"ENABLED\"}]}}\n", "", 0, 0},
		{"placeholder value", "docs/tink.md", strings.Replace(keyset("SYMMETRIC", aead), value, "<base64 key>", 1), "", 0, 0},
		{"in an example folder", "examples/tink/keyset.json", keyset("SYMMETRIC", aead), ruleTink, 6, finding.Low},
	}
	for _, c := range cases {
		checkKeyCase(t, e, c, value)
	}
}

// keystore builds a file of n bytes that opens with head and goes on with
// random bytes: a key store's shape, no key.
func keystore(r *rand.Rand, head []byte, n int) string {
	b := append([]byte(nil), head...)
	for len(b) < n {
		b = append(b, byte(r.IntN(256)))
	}
	return string(b)
}

// Heads of the key store formats: magic and version, or the DER opening of
// a PFX (SEQUENCE, INTEGER 3, SEQUENCE, OID pkcs7-data).
var (
	jksHead   = []byte{0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0, 0, 0, 1}
	jceksHead = []byte{0xce, 0xce, 0xce, 0xce, 0, 0, 0, 2, 0, 0, 0, 1}
	pfxHead   = append([]byte{0x30, 0x82, 0x0a, 0x31, 0x02, 0x01, 0x03, 0x30, 0x82, 0x09, 0xf7}, pkcs7Data...)
)

// javaStore builds a JKS store of entries, each a trusted certificate or
// a private key with a one-certificate chain, of random bytes.
func javaStore(r *rand.Rand, entries ...int) string {
	var b []byte
	u16 := func(n int) { b = append(b, byte(n>>8), byte(n)) }
	u32 := func(n int) { b = append(b, byte(n>>24), byte(n>>16), byte(n>>8), byte(n)) }
	random := func(n int) {
		for range n {
			b = append(b, byte(r.IntN(256)))
		}
	}
	cert := func() { u16(5); b = append(b, "X.509"...); u32(40); random(40) }
	b = append(b, jksHead[:8]...)
	u32(len(entries))
	for i, tag := range entries {
		u32(tag)
		alias := fmt.Sprintf("entry%d", i)
		u16(len(alias))
		b = append(b, alias...)
		random(8)
		if tag == jksPrivateKey {
			u32(48)
			random(48)
			u32(1)
		}
		cert()
	}
	random(20) // the store's keyed digest
	return string(b)
}

func TestKeyStores(t *testing.T) {
	e := newEngine(t, Options{})
	r := rand.New(rand.NewPCG(7, 7))
	jks, jceks, pfx := keystore(r, jksHead, 2000), keystore(r, jceksHead, 2000), keystore(r, pfxHead, 2000)
	const lfs = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 2590\n"
	cases := []keyCase{
		{"JKS", "android/app/release.jks", jks, ruleJavaKeyStore, 1, finding.Critical},
		{"JCEKS under any name", "deploy/truststore", jceks, ruleJavaKeyStore, 1, finding.Critical},
		{"PFX named .pfx, one finding", "certs/site.pfx", pfx, rulePKCS12, 1, finding.Critical},
		{"PFX named .keystore", "android/release.keystore", pfx, rulePKCS12, 1, finding.Critical},
		{"JKS named .p12, one finding", "certs/client.p12", jks, ruleJavaKeyStore, 1, finding.Critical},
		{"Android debug key store", "android/app/debug.keystore", jks, ruleJavaKeyStore, 1, finding.Low},
		{"in an example folder", "examples/tls/server.jks", jks, ruleJavaKeyStore, 1, finding.Low},
		{"LFS pointer named .p12", "certs/client.p12", lfs, rulePKCS12, 1, finding.Low},
		{"LFS pointer named .jks", "android/release.jks", lfs, "", 0, 0},
		{"empty .p12", "certs/empty.p12", "", "", 0, 0},
		{"empty .jks", "certs/empty.jks", "\n", "", 0, 0},
		{"text named .p12", "certs/readme.p12", "not a store\n", rulePKCS12, 1, finding.High},
		{"JCEKS where gitleaks' allowlists skip binary files", "deploy/secrets.bin", jceks, "", 0, 0},
		{"magic not at the start", "bin/blob", "x" + jks, "", 0, 0},
		{"JKS magic with an unknown version", "bin/blob.jks", keystore(r, []byte{0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 9}, 64), "", 0, 0},
		{"trust store", "config/truststore.jks", javaStore(r, jksTrustedCert, jksTrustedCert), "", 0, 0},
		{"trust store named .p12", "config/cacerts.p12", javaStore(r, jksTrustedCert), "", 0, 0},
		{"store with a private key after a certificate", "config/server.jks", javaStore(r, jksTrustedCert, jksPrivateKey), ruleJavaKeyStore, 1, finding.Critical},
		{"truncated trust store", "config/truststore.jks", javaStore(r, jksTrustedCert)[:60], ruleJavaKeyStore, 1, finding.Critical},
		{"DER sequence of another kind", "certs/cert.der", keystore(r, []byte{0x30, 0x82, 0x03, 0x01, 0x30, 0x82, 0x02, 0x01}, 64), "", 0, 0},
	}
	for _, c := range cases {
		checkKeyCase(t, e, c)
	}
	// A binary file's printable strings are scanned with its bytes beside
	// them; without the bytes (an archive member) its format is not judged.
	got := scanFragment(t, e, Fragment{Path: "android/release.jks", Content: "", Binary: true, Raw: []byte(jks)})
	if len(got) != 1 || got[0].RuleID != "secret/"+ruleJavaKeyStore || !got[0].WholeFile {
		t.Errorf("binary JKS with its bytes: got %v", foundAt(got))
	}
	if got := scanFragment(t, e, Fragment{Path: "dist/app.zip!client.p12", Content: "", Binary: true}); len(got) != 1 || got[0].Severity != finding.High {
		t.Errorf("binary .p12 without its bytes: got %v, want the name-only finding at high", foundAt(got))
	}
	// A diff's added lines are not the file's start.
	if got := scanFragment(t, e, Fragment{Path: "certs/empty.p12", Content: "", StartLine: 5}); len(got) != 1 {
		t.Errorf("a .p12 in a diff run: got %v, want the name-only finding", foundAt(got))
	}
}

func foundAt(ss []Secret) []string {
	var out []string
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%s:%d %s", s.RuleID, s.Line, s.Severity))
	}
	return out
}

// TestOpenSSHKey holds gitleaks' private-key rule to OpenSSH keys in files
// of any name: the rule reads content, not names.
func TestOpenSSHKey(t *testing.T) {
	e := newEngine(t, Options{})
	g := newGen(t)
	var body strings.Builder
	for range 6 {
		body.WriteString(g.from(alnum+"+/", 70) + "\n")
	}
	key := "-----BEGIN OPENSSH " + "PRIVATE KEY-----\n" + body.String() + "-----END OPENSSH " + "PRIVATE KEY-----\n"
	for _, path := range []string{"id_ed25519", ".ssh/id_rsa", "deploy/deploy_key", "ci/keys/github-deploy", "scripts/key.txt"} {
		checkKeyCase(t, e, keyCase{name: "OpenSSH key in " + path, path: path, content: key, rule: rulePrivateKey, line: 1, sev: finding.Critical}, body.String()[:70])
	}
	checkKeyCase(t, e, keyCase{name: "OpenSSH public key", path: "id_ed25519.pub", content: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + g.from(alnum, 43) + " deploy@ci\n"})
}

// TestKeyMaterialAdversarial runs the detectors over megabytes made of
// what they look for: member names without objects, objects that never
// close, nesting past the depth bound. Each must end, finding nothing.
func TestKeyMaterialAdversarial(t *testing.T) {
	for _, s := range []string{
		strings.Repeat(`"kty":`, 200000),
		strings.Repeat(`{"kty":`, 150000),
		strings.Repeat(`{"kty":"RSA","n":"x","a":[`, 50000),
		`{"kty":"RSA","n":"` + strings.Repeat("a", 1<<20),
		strings.Repeat(`{"primaryKeyId":1,"key":[{"keyData":{`, 30000),
		strings.Repeat(`}{"kty":1,"x":{`, 80000),
		strings.Repeat(`{\"kty\":\"oct\",\"k\":`, 50000),
		strings.Repeat("kty:\n", 200000),
		strings.Repeat("  - kty: EC\n    crv: P-256\n", 80000),
		"k:\n" + strings.Repeat("  kty: EC\n", 100000),
	} {
		for _, path := range []string{"big.json", "big.yaml"} {
			if got := findKeyMaterial(Fragment{Path: path, Content: s}); len(got) != 0 {
				t.Errorf("%d-byte input in %s: %d candidates", len(s), path, len(got))
			}
		}
	}
}

// TestKeyMaterialAllowlists holds the structural detectors to the
// allowlists gitleaks' rules obey: an allowed path is not read, an
// allowed value is dropped.
func TestKeyMaterialAllowlists(t *testing.T) {
	g := newGen(t)
	d := g.from(b64url, 43)
	jwk := `{"kty":"EC","crv":"P-256","x":"` + g.from(b64url, 43) + `","d":"` + d + `"}`
	jks := keystore(rand.New(rand.NewPCG(1, 2)), jksHead, 64)
	e := newEngine(t, Options{AllowPaths: []string{`^vendor-keys/`}, AllowValues: []string{"^" + d + "$"}})
	for _, f := range []Fragment{
		{Path: "vendor-keys/jwks.json", Content: jwk},
		{Path: "vendor-keys/release.jks", Binary: true, Raw: []byte(jks)},
		{Path: "config/jwks.json", Content: jwk},
	} {
		if got := scanFragment(t, e, f); len(got) != 0 {
			t.Errorf("%s: got %v, want nothing", f.Path, foundAt(got))
		}
	}
	if got := scanFragment(t, e, Fragment{Path: "config/release.jks", Binary: true, Raw: []byte(jks)}); len(got) != 1 {
		t.Errorf("a store outside the allowed path: got %v", foundAt(got))
	}
}
