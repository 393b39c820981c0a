package scan

import "strings"

// writtenSecretRules are the rules about a secret value written into a
// deploy manifest or a production env file: the secret scan often finds
// the same value on the same line.
var writtenSecretRules = map[string]bool{
	"env/secret-in-dockerfile":        true,
	"env/literal-secret-in-manifest":  true,
	"env/secret-in-configmap":         true,
	"env/kubernetes-secret-committed": true,
	"env/workflow-literal-secret":     true,
	"env/placeholder-secret":          true,
	"env/weak-secret":                 true,
}

// genericSecretRule is gitleaks' catch-all for "a key-like name = a
// random-looking value".
const genericSecretRule = "secret/generic-api-key"

// SecretRank orders the rules that can report one secret on one line, for
// process.Overlap: a secret rule that names the kind of credential says
// the most (what it is, rotate it); a manifest or env rule says where it
// belongs; gitleaks' generic rule only that something looks like a key.
func SecretRank(rule string) int {
	switch {
	case rule == genericSecretRule:
		return 3
	case writtenSecretRules[rule]:
		return 2
	case strings.HasPrefix(rule, "secret/") && rule != "secret/unreadable-artifact":
		return 1
	}
	return 0
}
