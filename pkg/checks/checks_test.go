package checks

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
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
	for _, c := range append(append(append([]*check.Check(nil), reg.Static...), reg.Live...), reg.DNS...) {
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
	for _, c := range append(append(append([]*check.Check(nil), reg.Static...), reg.Live...), reg.DNS...) {
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
