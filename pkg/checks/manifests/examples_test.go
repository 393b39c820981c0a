package manifests

import (
	"slices"
	"testing"
)

// TestRuleExamples runs every example of every rule of the check through
// it: an example that must match yields at least one report of its rule,
// one that must not yields none. Every rule has both kinds.
func TestRuleExamples(t *testing.T) {
	cat := loadCatalog(t)
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
				got := 0
				for _, rep := range run(t, memFiles{ex.File: ex.Input}) {
					if rep.Rule == r.ID {
						got++
					}
				}
				switch {
				case ex.Match && got == 0:
					t.Errorf("%s: no report for %s in\n%s", ex.File, r.ID, ex.Input)
				case !ex.Match && got > 0:
					t.Errorf("%s: %d reports for %s, want none, in\n%s", ex.File, got, r.ID, ex.Input)
				}
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
	c, err := New(loadCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	var fromYAML []string
	for _, r := range loadCatalog(t).Rules() {
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
