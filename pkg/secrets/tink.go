package secrets

import "strings"

// tinkTypePrefix opens the type URL of every key type Tink defines.
const tinkTypePrefix = "type.googleapis.com/google.crypto.tink."

// tinkSecretMaterial are the key material types whose value is a secret:
// symmetric keys and private halves. ASYMMETRIC_PUBLIC keys and REMOTE
// ones (a reference to a key in a KMS) are not.
var tinkSecretMaterial = map[string]bool{"SYMMETRIC": true, "ASYMMETRIC_PRIVATE": true}

// minTinkValue is the shortest serialized key kept: a 128-bit AES key with
// its protobuf framing is over 20 base64 characters.
const minTinkValue = 20

// findTinkKeysets returns a candidate for each Tink keyset in content
// written in cleartext (JSON, as Tink's JsonKeysetWriter and tinkey
// output it) that holds a symmetric or private key, at the first such
// key's value. An encrypted keyset (encryptedKeyset) and one of public
// keys only are left alone.
func findTinkKeysets(content string) []*candidate {
	starts, escaped := memberNames(content, "primaryKeyId", maxKeyObjects)
	var out []*candidate
	for i, start := range starts {
		if c := tinkCandidate(content, parseAt(content, start, escaped[i])); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// tinkCandidate returns the candidate for keyset if it holds a secret key
// in cleartext.
func tinkCandidate(content string, keyset *node) *candidate {
	keys := keyset.get("key")
	if keys == nil || keys.kind != arrayNode || keyset.get("encryptedKeyset") != nil {
		return nil
	}
	for _, k := range keys.items {
		data := k.get("keyData")
		typeURL, _ := data.get("typeUrl").str(content)
		material, _ := data.get("keyMaterialType").str(content)
		v := data.get("value")
		value, ok := v.str(content)
		if !ok || !strings.HasPrefix(typeURL, tinkTypePrefix) || !tinkSecretMaterial[material] || !keyMaterial(value, minTinkValue) {
			continue
		}
		what := "a symmetric key"
		if material == "ASYMMETRIC_PRIVATE" {
			what = "a private key"
		}
		return &candidate{
			rule: ruleTink, value: value, match: value, shown: value, bare: true,
			at: v.at, matchStart: v.at.start,
			what: what + tinkTypeName(typeURL),
		}
	}
	return nil
}

// tinkTypeName names the key type of typeURL for the message, " (AesGcmKey)",
// or "" when the rest of the URL is not a plain type name.
func tinkTypeName(typeURL string) string {
	name := strings.TrimPrefix(typeURL, tinkTypePrefix)
	if name == "" || len(name) > 64 || strings.IndexFunc(name, func(r rune) bool { return !(r == '.' || r < 128 && identByte(byte(r)) && r != '-' && r != '$') }) >= 0 {
		return ""
	}
	return " (" + name + ")"
}
