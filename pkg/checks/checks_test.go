package checks

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/redact"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md from the catalog")

func TestRegistry(t *testing.T) {
	reg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	// Every rule a check says it emits is in the catalog, and every rule
	// in the catalog is emitted by some check.
	emitted := map[string]string{}
	for _, c := range built(t, reg) {
		for _, id := range c.Rules {
			if reg.Catalog.Rule(id) == nil {
				t.Errorf("check %s emits %s, which the catalog lacks", c.Name, id)
			}
			emitted[id] = c.Name
		}
	}
	for _, r := range reg.Catalog.Rules() {
		if _, ok := emitted[r.ID]; !ok {
			t.Errorf("rule %s is in the catalog but no check emits it", r.ID)
		}
	}
}

// built is every check of reg, built.
func built(t *testing.T, reg *Registry) []*check.Check {
	t.Helper()
	var out []*check.Check
	for _, c := range append(append(append([]*check.Check(nil), reg.Static...), reg.Live...), reg.DNS...) {
		b, err := reg.Built(c)
		if err != nil {
			t.Fatalf("check %s: %v", c.Name, err)
		}
		out = append(out, b)
	}
	return out
}

// A check built on first use shows, before it is built, the name and
// areas it has once built: selection and the "not run" rows use them.
func TestLazyChecksKnowTheirNameAndAreas(t *testing.T) {
	reg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	lazy := 0
	for _, c := range append(append(append([]*check.Check(nil), reg.Static...), reg.Live...), reg.DNS...) {
		b, err := reg.Built(c)
		if err != nil {
			t.Fatalf("check %s: %v", c.Name, err)
		}
		if b != c {
			lazy++
		}
		if b.Name != c.Name || !slices.Equal(b.Areas, c.Areas) {
			t.Errorf("check %s (areas %v) builds as %s (areas %v)", c.Name, c.Areas, b.Name, b.Areas)
		}
		if len(b.Rules) == 0 {
			t.Errorf("check %s, built, lists no rules", b.Name)
		}
	}
	if lazy == 0 {
		t.Errorf("no check is built on first use")
	}
}

// The redactor is complete although nothing started the secrets engine:
// the first text it redacts builds it. A Slack webhook is a secret the
// built-in recognisers only take part of.
func TestRedactorBuildsTheEngineOnDemand(t *testing.T) {
	reg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	in := "posting to hooks.slack.com/services/T0ABCDEFG/B0ABCDEFG/aZ8kPq2LmN4rT6vWxY1234ab failed"
	var builtin *redact.Redactor
	if !strings.Contains(builtin.String(in), "hooks.slack.") {
		t.Fatalf("the built-in recognisers take the whole webhook out; pick a secret only the engine knows")
	}
	if got := reg.Redactor.String(in); strings.Contains(got, "hooks.slack.") || strings.Contains(got, "aZ8kPq2L") {
		t.Errorf("the registry's redactor left part of a Slack webhook in (%d bytes out)", len(got))
	}
}

// Starting the engine twice and then waiting for it builds it once.
func TestEngineStartsOnce(t *testing.T) {
	reg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	reg.StartEngine()
	reg.StartEngine()
	e1, err := reg.engine.get()
	if err != nil {
		t.Fatal(err)
	}
	e2, _ := reg.engine.get()
	if e1 != e2 || e1 == nil {
		t.Errorf("the engine was built more than once")
	}
}

func TestDocsUpToDate(t *testing.T) {
	reg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := reg.Catalog.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "docs", "rules.md")
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/checks -update)", err)
	}
	if !bytes.Equal(got, b.Bytes()) {
		t.Errorf("docs/rules.md is out of date with the catalog; run go test ./pkg/checks -update")
	}
	for _, r := range reg.Catalog.Rules() {
		if !strings.Contains(b.String(), "\n### "+r.ID+"\n") {
			t.Errorf("docs/rules.md has no section for %s", r.ID)
		}
	}
}

// The scorecard's parts name the checks that cover each row, and each
// check's Areas list the rows it covers: the two must agree, or a row
// could pass on a check that never looks at it.
func TestScorecardPartsNameChecks(t *testing.T) {
	reg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	// Checks that have rows to cover but are not built yet.
	notBuilt := map[string]bool{"dns": true}
	covers := map[string]map[string]bool{}
	for _, c := range built(t, reg) {
		covers[c.Name] = map[string]bool{}
		for _, a := range c.Areas {
			covers[c.Name][a] = true
		}
	}
	named := map[string]map[string]bool{}
	for _, a := range reg.Catalog.Areas() {
		for _, p := range a.Parts {
			if covers[p.Check] == nil && !notBuilt[p.Check] {
				t.Errorf("area %s names check %q, which does not exist", a.ID, p.Check)
			}
			if covers[p.Check] != nil && !covers[p.Check][a.ID] {
				t.Errorf("area %s names check %s, whose Areas do not list it", a.ID, p.Check)
			}
			if named[p.Check] == nil {
				named[p.Check] = map[string]bool{}
			}
			named[p.Check][a.ID] = true
		}
	}
	for name, areas := range covers {
		for a := range areas {
			if !named[name][a] {
				t.Errorf("check %s lists area %s, which names no part for it", name, a)
			}
		}
	}
}
