package secrets

import (
	"context"
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/rules"
)

// runExamples checks every example of r against e: a match example must
// produce a Secret of r's rule, a quiet one must not.
func runExamples(t *testing.T, e *Engine, r *catalog.Rule) {
	t.Helper()
	for _, ex := range r.Examples {
		path := ex.File
		if path == "" {
			path = examplePath
		}
		got, err := e.Scan(context.Background(), Fragment{Path: path, Content: ex.Input, StartLine: 1})
		if err != nil {
			t.Errorf("%s / %s: %v", r.ID, ex.Name, err)
			continue
		}
		fired := slices.ContainsFunc(got, func(s Secret) bool { return s.RuleID == r.ID })
		if fired != ex.Match {
			var ids []string
			for _, s := range got {
				ids = append(ids, s.RuleID)
			}
			t.Errorf("%s / %s: fired %v, want %v (got %v)", r.ID, ex.Name, fired, ex.Match, ids)
		}
	}
}

func TestOwnRuleExamples(t *testing.T) {
	c, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	e := newEngine(t, Options{})
	seen := map[string]bool{}
	for _, r := range c.Rules() {
		if r.Category() != "secret" || !ownRuleIDs[r.ID[len("secret/"):]] {
			continue
		}
		seen[r.ID[len("secret/"):]] = true
		t.Run(r.ID, func(t *testing.T) { runExamples(t, e, r) })
	}
	for id := range ownRuleIDs {
		if !seen[id] {
			t.Errorf("rules/secret.yaml does not describe secret/%s", id)
		}
		if c.Rule("secret/"+id).Severity != severityOf(id) {
			t.Errorf("secret/%s: rules/secret.yaml says %s, the engine's table %s", id, c.Rule("secret/"+id).Severity, severityOf(id))
		}
		if c.Rule("secret/"+id).Title != titleOf(id) {
			t.Errorf("secret/%s: rules/secret.yaml title %q, the engine's %q", id, c.Rule("secret/"+id).Title, titleOf(id))
		}
	}
}

func TestCatalogRules(t *testing.T) {
	e := newEngine(t, Options{})
	generated, err := CatalogRules()
	if err != nil {
		t.Fatal(err)
	}
	// Every own rule but the AWS pair, which has no expression, runs in
	// gitleaks' form.
	if want := e.RuleCount() - len(ownRules()); len(generated) != want {
		t.Fatalf("%d generated catalog rules, want one per gitleaks rule (%d)", len(generated), want)
	}
	c, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Add(generated...); err != nil {
		t.Fatalf("the generated rules do not validate: %v", err)
	}
	if r := c.Rule("secret/private-key"); r == nil || r.Severity.String() != "critical" {
		t.Errorf("secret/private-key must be in the catalog as critical, got %+v", r)
	}
	// A fresh engine confirms the examples, so they do not depend on the
	// engine that generated them.
	other := newEngine(t, Options{})
	for _, r := range generated {
		if len(r.Examples) > 0 {
			t.Errorf("%s: generated rules carry no examples until asked", r.ID)
		}
		r := *r
		r.Examples = e.Examples(r.ID)
		var match, quiet int
		for _, ex := range r.Examples {
			if ex.Match {
				match++
			} else {
				quiet++
			}
		}
		if match == 0 || quiet == 0 {
			t.Errorf("%s: %d match and %d quiet examples, want at least one of each", r.ID, match, quiet)
		}
		runExamples(t, other, &r)
	}
}

func newEngine(t testing.TB, opts Options) *Engine {
	t.Helper()
	e, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return e
}
