package manifests

import (
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestRuleExamples runs every example of every rule of the check through
// it: an example that must match yields at least one report of its rule,
// one that must not yields none. Every rule has both kinds.
func TestRuleExamples(t *testing.T) {
	cat := checktest.Catalog(t)
	for _, id := range ruleIDs() {
		r := cat.Rule(id)
		if r == nil {
			t.Fatalf("rule %s is not in the catalog", id)
		}
		var matches, quiet int
		for _, ex := range r.Examples {
			if ex.Match {
				matches++
			} else {
				quiet++
			}
			t.Run(r.ID+"/"+ex.Name, func(t *testing.T) {
				if ex.File == "" {
					t.Fatal("every example names its file")
				}
				checktest.HoldExample(t, r.ID, ex, ex.File, run(t, checktest.MemFiles{ex.File: ex.Input}))
			})
		}
		if matches == 0 || quiet == 0 {
			t.Errorf("rule %s has %d matching and %d quiet examples; it needs both", id, matches, quiet)
		}
	}
}

// TestCheckRules holds the check to the catalog: every rule of
// rules/manifest.yaml is one the check emits, and the other way round.
func TestCheckRules(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	var fromYAML []string
	for _, r := range checktest.Catalog(t).Rules() {
		if slices.Contains([]string{
			"secretInDockerfile", "literalSecretInManifest", "secretInConfigMap",
			"kubernetesSecretCommitted", "workflowLiteralSecret", "unreadableManifest",
		}, r.Function) {
			fromYAML = append(fromYAML, r.ID)
		}
	}
	got := slices.Sorted(slices.Values(c.Rules))
	if !slices.Equal(got, fromYAML) {
		t.Errorf("check rules = %v, catalog rules with the check's functions = %v", got, fromYAML)
	}
}
