package dkim

import (
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"fmt"
	"strings"
)

// Key types of the k tag.
const (
	KeyTypeRSA     = "rsa"
	KeyTypeEd25519 = "ed25519"
)

// maxKeyBytes bounds the decoded public key: 2 KiB holds a 16384-bit RSA
// key, far beyond anything published.
const maxKeyBytes = 2048

// Key is a parsed DKIM key record.
type Key struct {
	// Version is v ("DKIM1"), or "" when the tag was absent.
	Version string
	// Type is k: "rsa" (the default) or "ed25519".
	Type string
	// Public is the decoded p value; empty when the key is revoked.
	Public []byte
	// Revoked is true when p is empty (RFC 6376 §3.6.1).
	Revoked bool
	// Bits is the RSA modulus length, or 256 for ed25519; 0 when revoked.
	Bits int
	// Testing is the y flag of t: the domain is testing DKIM.
	Testing bool
	// Strict is the s flag of t: the i= domain must equal d=.
	Strict bool
	// Flags is t split on ':' as published, unknown flags included.
	Flags []string
	// HashAlgorithms is h split on ':'; empty means any.
	HashAlgorithms []string
	// ServiceTypes is s split on ':'; empty means "*".
	ServiceTypes []string
	// Notes is n, as published.
	Notes string
	// Unknown holds tags this package does not interpret, in order.
	Unknown []Tag
}

// ParseKey parses a DKIM key record from a SELECTOR._domainkey.DOMAIN TXT.
// v=DKIM1 is optional but must come first when present; p is required and
// may be empty (a revoked key); white space inside p is ignored. An RSA p
// is read as a SubjectPublicKeyInfo or, as some publishers do, as a bare
// PKCS#1 key; an ed25519 p must be the 32-byte raw key of RFC 8463.
// Errors name the tag.
func ParseKey(record string) (*Key, error) {
	tags, err := splitTags(record)
	if err != nil {
		return nil, fmt.Errorf("parse DKIM key: %w", err)
	}
	k := &Key{Type: KeyTypeRSA}
	var p *string
	for i, t := range tags {
		switch t.Name {
		case "v":
			if i != 0 {
				return nil, &ParseError{Tag: "v", Reason: "must be the first tag"}
			}
			if t.Value != "DKIM1" {
				return nil, &ParseError{Tag: "v", Reason: fmt.Sprintf("version %q is not DKIM1", truncate(t.Value))}
			}
			k.Version = t.Value
		case "k":
			switch t.Value {
			case KeyTypeRSA, KeyTypeEd25519:
				k.Type = t.Value
			default:
				return nil, &ParseError{Tag: "k", Reason: fmt.Sprintf("key type %q is not rsa or ed25519", truncate(t.Value))}
			}
		case "p":
			p = &tags[i].Value
		case "t":
			k.Flags = splitColon(t.Value)
			for _, f := range k.Flags {
				k.Testing = k.Testing || f == "y"
				k.Strict = k.Strict || f == "s"
			}
		case "h":
			k.HashAlgorithms = splitColon(t.Value)
		case "s":
			k.ServiceTypes = splitColon(t.Value)
		case "n":
			k.Notes = t.Value
		default:
			k.Unknown = append(k.Unknown, t)
		}
	}
	if p == nil {
		return nil, &ParseError{Tag: "p", Reason: "missing; the record must carry the public key"}
	}
	if err := k.decode(*p); err != nil {
		return nil, err
	}
	return k, nil
}

// decode fills Public, Revoked and Bits from the p value.
func (k *Key) decode(p string) error {
	b64 := strings.Map(func(r rune) rune {
		if strings.ContainsRune(fws, r) {
			return -1
		}
		return r
	}, p)
	if b64 == "" {
		k.Revoked = true
		return nil
	}
	if base64.StdEncoding.DecodedLen(len(b64)) > maxKeyBytes {
		return &ParseError{Tag: "p", Reason: fmt.Sprintf("key is longer than %d bytes", maxKeyBytes)}
	}
	der, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return &ParseError{Tag: "p", Reason: "not valid base64"}
	}
	k.Public = der
	switch k.Type {
	case KeyTypeEd25519:
		if len(der) != ed25519.PublicKeySize {
			return &ParseError{Tag: "p", Reason: fmt.Sprintf("an ed25519 key is %d bytes, this one is %d", ed25519.PublicKeySize, len(der))}
		}
		k.Bits = 256
	default:
		bits, err := rsaBits(der)
		if err != nil {
			return &ParseError{Tag: "p", Reason: err.Error()}
		}
		k.Bits = bits
	}
	return nil
}

// rsaBits returns the modulus length of an RSA key given as a
// SubjectPublicKeyInfo or as a PKCS#1 RSAPublicKey.
func rsaBits(der []byte) (int, error) {
	if pub, err := x509.ParsePKIXPublicKey(der); err == nil {
		rk, ok := pub.(*rsa.PublicKey)
		if !ok {
			return 0, fmt.Errorf("key is %T, not RSA; set k= to its type", pub)
		}
		return rk.N.BitLen(), nil
	}
	if rk, err := x509.ParsePKCS1PublicKey(der); err == nil {
		return rk.N.BitLen(), nil
	}
	return 0, fmt.Errorf("not an RSA public key (neither SubjectPublicKeyInfo nor PKCS#1)")
}

// splitColon splits a colon-separated list, trimming white space and
// dropping empty items.
func splitColon(v string) []string {
	var out []string
	for item := range strings.SplitSeq(v, ":") {
		if item = strings.Trim(item, fws); item != "" {
			out = append(out, item)
		}
	}
	return out
}
