package scan

import "strings"

// writtenSecretRules are the rules about a secret value written into a
// deploy manifest or a production env file: the secret scan often finds
// the same value on the same line. The value is 2 for the rules that say
// where the secret is written (and where it belongs), 3 for those that
// judge only the value (weak, placeholder).
var writtenSecretRules = map[string]int{
	"env/secret-in-dockerfile":        2,
	"env/literal-secret-in-manifest":  2,
	"env/secret-in-configmap":         2,
	"env/kubernetes-secret-committed": 2,
	"env/workflow-literal-secret":     2,
	"env/placeholder-secret":          3,
	"env/weak-secret":                 3,
}

// genericSecretRule is gitleaks' catch-all for "a key-like name = a
// random-looking value".
const genericSecretRule = "secret/generic-api-key"

// SecretRank orders the rules that can report one secret on one line, for
// process.Overlap: a secret rule that names the kind of credential says
// the most (what it is, rotate it); a manifest rule says where it
// belongs; a weak or placeholder rule what is wrong with the value;
// gitleaks' generic rule only that something looks like a key.
func SecretRank(rule string) int {
	switch {
	case rule == genericSecretRule:
		return 4
	case writtenSecretRules[rule] > 0:
		return writtenSecretRules[rule]
	case strings.HasPrefix(rule, "secret/") && rule != "secret/unreadable-artifact":
		return 1
	}
	return 0
}
