package openapi

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/spec"
	"github.com/launchgate/launchgate/rules"
)

func loadCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// openapiRules are the catalog's rules of this check.
func openapiRules(c *catalog.Catalog) []*catalog.Rule {
	var out []*catalog.Rule
	for _, r := range c.Rules() {
		if r.Category() == "openapi" {
			out = append(out, r)
		}
	}
	return out
}

// TestRuleTableMatchesCatalog holds the function table and the catalog to
// each other: every rule's function exists and implements that rule, every
// function is named by a rule, and the check lists exactly the catalog's
// openapi rules.
func TestRuleTableMatchesCatalog(t *testing.T) {
	c := loadCatalog(t)
	byFunction := map[string]namedRule{}
	for _, r := range ruleTable() {
		if _, dup := byFunction[r.function]; dup {
			t.Errorf("function %s listed twice", r.function)
		}
		byFunction[r.function] = r
	}
	named := map[string]bool{}
	var ids []string
	for _, r := range openapiRules(c) {
		ids = append(ids, r.ID)
		if r.Function == "" {
			if r.ID != ruleInvalidDocument && r.ID != ruleAuthWeakened {
				t.Errorf("%s has no function", r.ID)
			}
			continue
		}
		named[r.Function] = true
		fn, ok := byFunction[r.Function]
		switch {
		case !ok:
			t.Errorf("%s names function %s, which the table lacks", r.ID, r.Function)
		case fn.id != r.ID:
			t.Errorf("%s names function %s, which implements %s", r.ID, r.Function, fn.id)
		}
	}
	for name := range byFunction {
		if !named[name] {
			t.Errorf("function %s is named by no rule in rules/openapi.yaml", name)
		}
	}
	if got := New().Rules; !slices.Equal(got, ids) {
		t.Errorf("check rules = %v, catalog = %v", got, ids)
	}
}

// TestRuleExamples runs every example of every openapi rule through the
// real loader and check.
func TestRuleExamples(t *testing.T) {
	for _, r := range openapiRules(loadCatalog(t)) {
		if !slices.ContainsFunc(r.Examples, func(e catalog.Example) bool { return e.Match }) ||
			!slices.ContainsFunc(r.Examples, func(e catalog.Example) bool { return !e.Match }) {
			t.Errorf("%s needs at least one matching and one non-matching example", r.ID)
		}
		for _, ex := range r.Examples {
			t.Run(r.ID+"/"+ex.Name, func(t *testing.T) {
				name := ex.File
				if name == "" {
					name = "openapi.yaml"
				}
				dir := t.TempDir()
				if err := os.WriteFile(filepath.Join(dir, name), []byte(ex.Input), 0o644); err != nil {
					t.Fatal(err)
				}
				var fired []string
				collect := func(rep check.Report) {
					if rep.Rule == r.ID {
						fired = append(fired, rep.Message)
					}
				}
				if r.ID == ruleAuthWeakened {
					runWeakenedExample(t, ex.Input, collect)
				} else {
					target := &check.Target{Root: dir, Specs: []string{name}, Config: config.Default()}
					if err := New().Run(context.Background(), target, collect); err != nil {
						t.Fatal(err)
					}
				}
				if (len(fired) > 0) != ex.Match {
					t.Errorf("match = %v, want %v; reports: %s", len(fired) > 0, ex.Match, strings.Join(fired, "; "))
				}
			})
		}
	}
}

// runWeakenedExample loads the `-- base --` and `-- head --` sections of
// input through the real loader and compares them.
func runWeakenedExample(t *testing.T, input string, emit func(check.Report)) {
	t.Helper()
	_, rest, ok1 := strings.Cut(input, "-- base --\n")
	base, head, ok2 := strings.Cut(rest, "-- head --\n")
	if !ok1 || !ok2 {
		t.Fatal("an auth-weakened example needs -- base -- and -- head -- sections")
	}
	load := func(content string) *spec.Document {
		doc, problems := spec.Load(context.Background(), "openapi.yaml", spec.MapReader(map[string]string{"openapi.yaml": content}), spec.Options{})
		if doc == nil || len(problems) > 0 {
			t.Fatalf("example does not load: %v", problems)
		}
		return doc
	}
	compareDocs(load(base), load(head), config.Default(), emit)
}

// severityOf is the severity a report ends up with: the rule's, raised by
// MinSeverity and lowered by a cap, as the scanner does.
func severityOf(c *catalog.Catalog, r check.Report) finding.Severity {
	s := max(c.Rule(r.Rule).Severity, r.MinSeverity)
	if r.Capped {
		s = min(s, r.MaxSeverity)
	}
	return s
}
