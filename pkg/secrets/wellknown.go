package secrets

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// wellKnownValues are keys their owners publish for local development and
// documentation, by the SHA-256 of the value (so that this file holds no
// key a scanner would report): they are in every copy of the tool or page
// that ships them, and grant nothing anyone else could not already use.
var wellKnownValues = map[string]string{
	"0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059": "the Azure Storage emulator's (Azurite's) account key for devstoreaccount1",
	"df452eef23e8cf2c74af54c0c7419c05a5ec70ef4d5c2eb04082b02af8c55598": "the secret key of MinIO's public playground",
	"bc1a50966c9e6486bc4ebf880b51611a2a97fcb8e7a6976e9b81a9e3e8ca0e3c": "the private key of Hardhat's and Anvil's first development account",
	"60a09e4357868c1e9b801052726d061c370429f723db84523ed58ac354f6eb8a": "the private key of Hardhat's and Anvil's first development account",
	"7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606": "the example token of jwt.io",
	"2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326": "the test-mode key of Stripe's API reference",
}

// wellKnownIssuers are JWT issuers of development stacks whose signing
// secret is public: the Supabase CLI signs the same anon and service-role
// keys for every local project.
var wellKnownIssuers = map[string]bool{"supabase-demo": true}

// wellKnown reports whether value is a published development or
// documentation key.
func wellKnown(value string) bool {
	sum := sha256.Sum256([]byte(strings.TrimSpace(value)))
	if _, ok := wellKnownValues[hex.EncodeToString(sum[:])]; ok {
		return true
	}
	if c, ok := jwtClaimsOf(value); ok && wellKnownIssuers[c.Issuer] {
		return true
	}
	return false
}
