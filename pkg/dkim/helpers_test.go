package dkim

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"math/big"
	"testing"
)

// rsaSPKI generates an RSA key of the given size and returns its
// SubjectPublicKeyInfo in base64.
func rsaSPKI(t testing.TB, bits int) string {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatalf("generate RSA-%d: %v", bits, err)
	}
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatalf("marshal RSA-%d: %v", bits, err)
	}
	return base64.StdEncoding.EncodeToString(der)
}

// smallRSASPKI builds by hand the SubjectPublicKeyInfo of an RSA public key
// with a bits-long modulus, for sizes crypto/rsa refuses to generate. The
// modulus is a random odd number with its top bit set: parsing a public key
// never checks that it has two prime factors.
func smallRSASPKI(t testing.TB, bits int) string {
	t.Helper()
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), uint(bits-1)))
	if err != nil {
		t.Fatal(err)
	}
	n.SetBit(n, bits-1, 1).SetBit(n, 0, 1)
	pkcs1, err := asn1.Marshal(struct {
		N *big.Int
		E int
	}{n, 65537})
	if err != nil {
		t.Fatal(err)
	}
	spki, err := asn1.Marshal(struct {
		Algorithm pkix.AlgorithmIdentifier
		PublicKey asn1.BitString
	}{
		Algorithm: pkix.AlgorithmIdentifier{
			Algorithm:  asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1},
			Parameters: asn1.NullRawValue,
		},
		PublicKey: asn1.BitString{Bytes: pkcs1, BitLength: 8 * len(pkcs1)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(spki)
}

// rsaPKCS1 generates an RSA key and returns its bare PKCS#1 form in base64.
func rsaPKCS1(t testing.TB, bits int) string {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(x509.MarshalPKCS1PublicKey(&k.PublicKey))
}

// ed25519Raw generates an ed25519 key and returns the raw 32 bytes in base64.
func ed25519Raw(t testing.TB) string {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(pub)
}

// ed25519SPKI generates an ed25519 key and returns it as a
// SubjectPublicKeyInfo in base64 (not what RFC 8463 asks for).
func ed25519SPKI(t testing.TB) string {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(der)
}
