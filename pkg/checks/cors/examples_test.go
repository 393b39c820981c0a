package cors

import (
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/config"
)

// exampleConfig is the configuration the examples of
// cors/origin-not-allowed are written against (see rules/cors.yaml).
var exampleConfig = &config.Config{CORS: config.CORS{AllowedOrigins: []string{
	"https://portal.example.com",
	"https://*.partners.example.com",
}}}

// TestRuleExamples runs every example of every rule of the check through
// the check, with all its rules active: an example that must match yields
// at least one report of its rule, one that must not yields none.
func TestRuleExamples(t *testing.T) {
	cat := checktest.Catalog(t)
	c, err := New(cat)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range c.Rules {
		r := cat.Rule(id)
		if len(r.Examples) == 0 {
			t.Errorf("%s has no examples", id)
		}
		for _, ex := range r.Examples {
			t.Run(r.ID+"/"+ex.Name, func(t *testing.T) {
				name := checktest.ExampleFile(r, ex)
				checktest.HoldExample(t, r.ID, ex, name, runFiles(t, c, map[string]string{name: ex.Input}, exampleConfig))
			})
		}
	}
}

// TestCheckListsCatalogRules holds the check to the catalog: it emits
// exactly the cors and transport rules that have a line match, and
// cors/origin-not-allowed.
func TestCheckListsCatalogRules(t *testing.T) {
	cat := checktest.Catalog(t)
	c, err := New(cat)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range cat.Rules() {
		if (r.Category() == "cors" || r.Category() == "transport") && r.Match != nil || r.ID == ruleNotAllowed {
			want = append(want, r.ID)
		}
	}
	slices.Sort(want)
	if strings.Join(c.Rules, ",") != strings.Join(want, ",") {
		t.Errorf("check rules = %v, want %v", c.Rules, want)
	}
	for _, id := range []string{ruleWildcardCreds, ruleAllowAll, ruleNotAllowed, "cors/reflected-origin-with-credentials",
		"transport/session-cookie-not-secure", "transport/session-cookie-not-httponly", "transport/samesite-none-without-secure"} {
		if !slices.Contains(c.Rules, id) {
			t.Errorf("check does not emit %s", id)
		}
	}
}
