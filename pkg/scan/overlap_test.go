package scan

import (
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/rules"
)

// The ranked rules must exist: a renamed rule would silently stop
// yielding to, or winning over, the secret scan.
func TestSecretRankNamesCatalogRules(t *testing.T) {
	cat, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	for id := range writtenSecretRules {
		if cat.Rule(id) == nil {
			t.Errorf("%s is ranked but not in the catalog", id)
		}
	}
	// gitleaks' rules join the catalog at run time; the own secret rules
	// are in rules/secret.yaml.
	for _, id := range []string{"secret/public-env-secret", "secret/connection-string-password"} {
		if SecretRank(id) != 1 {
			t.Errorf("SecretRank(%s) = %d, want 1", id, SecretRank(id))
		}
	}
	if SecretRank(genericSecretRule) <= SecretRank("env/literal-secret-in-manifest") {
		t.Error("the generic secret rule must rank below the manifest rules")
	}
	if SecretRank("env/weak-secret") <= SecretRank("env/literal-secret-in-manifest") {
		t.Error("a rule that judges the value must rank below the rule that says where it is written")
	}
	if SecretRank("debug/node-env-development") != 0 || SecretRank("secret/unreadable-artifact") != 0 {
		t.Error("rules that report something else must not be ranked")
	}
}
