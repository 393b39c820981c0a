package secrets

import (
	"path"
	"strings"
)

// launchgate's rules for key material that is not a PEM block. They are
// found by structure, not by a regular expression: a JWK's private member
// or a keyset's key is a finding only inside an object of the right
// shape, and a key store by its first bytes.
const (
	ruleJWK          = "jwk-private-key"
	ruleTink         = "tink-keyset"
	ruleJavaKeyStore = "java-keystore"
)

// keyMaterialRules are judged as a PEM private key is: critical wherever
// they are written, low in an example folder.
var keyMaterialRules = map[string]bool{ruleJWK: true, ruleTink: true, ruleJavaKeyStore: true}

// yamlExts are the files whose unquoted values are strings.
var yamlExts = map[string]bool{".yml": true, ".yaml": true}

// keyMaterial adds to what gitleaks' rules found in f (cands) what the
// structural detectors find, under the same allowlists: an allowed path
// is not read, and a value an allowlist's expression or stop words allow
// is dropped.
func (e *Engine) keyMaterial(f Fragment, cands []*candidate) []*candidate {
	if pathAllowed(f.Path, e.cfg.Allowlists) {
		return cands
	}
	for _, c := range findKeyMaterial(f) {
		line := lineAround(f.Content, c.at.start, c.at.end)
		if !findingAllowed(f.Path, c.value, c.match, line, e.cfg.Allowlists, stopWordAllows) {
			cands = append(cands, c)
		}
	}
	return settleStores(f, cands)
}

// findKeyMaterial returns the candidates the structural detectors find in
// f: private JWKs, cleartext Tink keysets and key stores. Each detector
// runs only when a cheap byte test finds what it needs ("kty",
// "primaryKeyId", a key store's magic), so a fragment without any costs a
// few substring searches.
func findKeyMaterial(f Fragment) []*candidate {
	var out []*candidate
	if strings.Contains(f.Content, "kty") {
		yaml := yamlExts[strings.ToLower(path.Ext(f.Path))]
		out = append(out, findJWKs(f.Content, yaml)...)
		if yaml {
			out = append(out, findYAMLJWKs(f.Content)...)
		}
	}
	if strings.Contains(f.Content, "primaryKeyId") {
		out = append(out, findTinkKeysets(f.Content)...)
	}
	return out
}

// headBytes is how much of a file sniffStore reads.
const headBytes = 64

// fileHead returns the bytes a fragment's file starts with, when they are
// known: Content when it is the whole file, Raw for a binary file. A
// diff's run of added lines starts nowhere in particular, and the
// printable strings of a binary file say nothing of its first bytes.
func fileHead(f Fragment) ([]byte, bool) {
	switch {
	case f.StartLine > 1 || (f.Binary && f.Raw == nil):
		return nil, false
	case f.Binary:
		return f.Raw[:min(len(f.Raw), headBytes)], true
	}
	return []byte(f.Content[:min(len(f.Content), headBytes)]), true
}

// fileBytes returns the whole file of a fragment fileHead knows the start
// of.
func fileBytes(f Fragment) []byte {
	if f.Binary {
		return f.Raw
	}
	return []byte(f.Content)
}

// storeOpening are the first bytes of the formats sniffStore recognises:
// a file that opens with none of them, and that no rule found by its
// name, is not sniffed.
var storeOpening = [256]bool{0xfe: true, 0xce: true, 0x30: true}

// mayBeStore reports whether f's file opens with a byte a key store can
// open with.
func mayBeStore(f Fragment) bool {
	if f.Binary {
		return len(f.Raw) > 0 && storeOpening[f.Raw[0]]
	}
	return len(f.Content) > 0 && storeOpening[f.Content[0]]
}

// hasNameOnlyStore reports whether gitleaks' rule on .p12 and .pfx names
// found the file.
func hasNameOnlyStore(cands []*candidate) bool {
	for _, c := range cands {
		if c.pathOnly && c.rule == rulePKCS12 {
			return true
		}
	}
	return false
}

// settleStores decides the key-store findings of a file: a store
// recognised by its first bytes is one finding under its format's rule,
// whatever the file is called, and replaces the finding gitleaks' rule on
// .p12 and .pfx names makes; a name-only finding learns what the file
// holds instead (a Git LFS pointer, nothing, an unknown format).
func settleStores(f Fragment, cands []*candidate) []*candidate {
	if !hasNameOnlyStore(cands) && !mayBeStore(f) {
		return cands
	}
	head, whole := fileHead(f)
	if !whole {
		return cands
	}
	kind := sniffStore(head)
	if (kind == jksStore || kind == jceksStore) && trustStoreOnly(fileBytes(f)) {
		kind = trustStore
	}
	rule := kind.rule()
	if rule == "" && kind != emptyFile && kind != trustStore {
		for _, c := range cands {
			if c.pathOnly && c.rule == rulePKCS12 {
				c.store = kind
			}
		}
		return cands
	}
	// A store found by its bytes stands for the name-only finding; an
	// empty file, or a trust store of public certificates, named .p12
	// holds nothing secret.
	kept := cands[:0]
	for _, c := range cands {
		if !(c.pathOnly && c.rule == rulePKCS12) {
			kept = append(kept, c)
		}
	}
	if rule != "" {
		kept = append(kept, &candidate{rule: rule, pathOnly: true, store: kind, what: kind.format()})
	}
	return kept
}
