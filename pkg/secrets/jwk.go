package secrets

// maxKeyObjects is the most objects one fragment's JWK or keyset search
// parses: a key set of that many keys is not written by hand, and a
// bundle that names "kty" in every function is not worth more.
const maxKeyObjects = 4096

// jwkPrivate names, for each key type of RFC 7518, the member that holds
// the private key and the public member every such key carries, which
// tells a key from a lookalike object. An RSA key's other private members
// (p, q, dp, dq, qi) come with d.
var jwkPrivate = map[string]struct{ private, public string }{
	"RSA": {"d", "n"},
	"EC":  {"d", "crv"},
	"OKP": {"d", "crv"},
	"oct": {"k", ""},
}

// minJWKBytes is the shortest private member kept, by key type: 256-bit
// EC and OKP keys are 43 base64url characters, the smallest RSA private
// exponent in use far more, and a symmetric key under 16 characters
// (96 bits) is a test value.
var minJWKBytes = map[string]int{"RSA": 64, "EC": 32, "OKP": 32, "oct": 16}

// findJWKs returns a candidate for each JSON Web Key in content that
// carries its private part, at the private member's value. Public keys
// (n and e, or x and y, alone) and keys whose private member is not key
// material (a placeholder, a variable) are left alone. With bare set (a
// YAML file) an unquoted value counts as a string, as YAML reads it.
func findJWKs(content string, bare bool) []*candidate {
	starts, escaped := memberNames(content, "kty", maxKeyObjects)
	var out []*candidate
	for i, start := range starts {
		obj := parseAt(content, start, escaped[i])
		if c := jwkCandidate(content, obj, bare); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// jwkCandidate returns the candidate for obj if it is a private JWK.
func jwkCandidate(content string, obj *node, bare bool) *candidate {
	kty, ok := jwkString(content, obj.get("kty"), bare)
	shape, known := jwkPrivate[kty]
	if !ok || !known {
		return nil
	}
	if shape.public != "" {
		if _, ok := jwkString(content, obj.get(shape.public), bare); !ok {
			return nil
		}
	}
	v := obj.get(shape.private)
	value, ok := jwkString(content, v, bare)
	if !ok || !keyMaterial(value, minJWKBytes[kty]) {
		return nil
	}
	return &candidate{
		rule: ruleJWK, value: value, match: value, shown: value, bare: true,
		at: v.at, matchStart: v.at.start,
		what: jwkKind(kty),
	}
}

// jwkString returns a member's value if it is a string (or, with bare, an
// unquoted scalar).
func jwkString(content string, n *node, bare bool) (string, bool) {
	if s, ok := n.str(content); ok {
		return s, true
	}
	if bare && n != nil && n.kind == scalarNode {
		return content[n.at.start:n.at.end], true
	}
	return "", false
}

// jwkKind describes a private JWK of key type kty for the message.
func jwkKind(kty string) string {
	switch kty {
	case "RSA":
		return "an RSA private key (its private exponent d)"
	case "EC":
		return "an elliptic-curve private key (d)"
	case "OKP":
		return "an Ed25519 or X25519 private key (d)"
	}
	return "a symmetric key (k), which signs and verifies alike"
}

// keyMaterial reports whether value looks like encoded key bytes: at least
// min characters of base64 or base64url, varied, and no placeholder.
func keyMaterial(value string, min int) bool {
	if len(value) < min || isPlaceholder(value) {
		return false
	}
	var seen [128]bool
	distinct := 0
	for i := 0; i < len(value); i++ {
		c := value[i]
		if !base64Byte(c) {
			return false
		}
		if !seen[c] {
			seen[c] = true
			distinct++
		}
	}
	// Random base64 of 16 characters or more shows well over ten.
	return distinct >= 10
}

// base64Byte reports whether c belongs to base64 or base64url, padding
// included.
func base64Byte(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') ||
		c == '-' || c == '_' || c == '+' || c == '/' || c == '='
}
