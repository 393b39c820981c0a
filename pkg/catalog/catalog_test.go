package catalog_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/rules"
)

func TestEmbeddedCatalogLoads(t *testing.T) {
	c, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rules()) == 0 {
		t.Fatal("the embedded catalog has no rules")
	}
	for _, r := range c.Rules() {
		if len(r.CWE) == 0 && len(r.OWASP) == 0 {
			t.Errorf("%s maps to neither a CWE nor an OWASP API Top 10 entry", r.ID)
		}
		var match, quiet int
		for _, e := range r.Examples {
			if e.Match {
				match++
			} else {
				quiet++
			}
		}
		if match == 0 || quiet == 0 {
			t.Errorf("%s needs at least one example that must match and one that must not (has %d and %d)", r.ID, match, quiet)
		}
	}
}

func TestLoadRejects(t *testing.T) {
	const areas = "areas:\n  - {id: auth, title: Auth, parts: [{check: openapi, what: routes declare auth, needs: a spec}]}\n"
	const good = `  - id: openapi/x
    title: T
    severity: high
    area: auth
    cwe: [CWE-306]
    description: d
    help: h
`
	tests := []struct {
		name, rules, want string
	}{
		{"valid", "rules:\n" + good, ""},
		{"unknown key", "rules:\n" + good + "    colour: red\n", "colour"},
		{"bad category", "rules:\n" + strings.Replace(good, "openapi/x", "web/x", 1), "category"},
		{"bad slug", "rules:\n" + strings.Replace(good, "openapi/x", "openapi/X_y", 1), "category"},
		{"no help", "rules:\n" + strings.Replace(good, "    help: h\n", "", 1), "help"},
		{"unknown area", "rules:\n" + strings.Replace(good, "area: auth", "area: web", 1), "area"},
		{"bad severity", "rules:\n" + strings.Replace(good, "severity: high", "severity: severe", 1), "severity"},
		{"never severity", "rules:\n" + strings.Replace(good, "severity: high", "severity: never", 1), "severity"},
		{"bad cwe", "rules:\n" + strings.Replace(good, "CWE-306", "306", 1), "CWE-306"},
		{"duplicate", "rules:\n" + good + good, "twice"},
		{"window too wide", "rules:\n" + good + "    match: {files: [x], pattern: a, window: 9}\n", "window"},
		{"unless_before without window", "rules:\n" + good + "    match: {files: [x], pattern: a, unless_before: b}\n", "unless_before"},
		{"bad unless_before", "rules:\n" + good + "    match: {files: [x], pattern: a, window: 2, unless_before: \"(\"}\n", "missing"},
		{"unless_after without window", "rules:\n" + good + "    match: {files: [x], pattern: a, unless_after: b}\n", "unless_after"},
		{"bad unless_after", "rules:\n" + good + "    match: {files: [x], pattern: a, window: 2, unless_after: \"(\"}\n", "missing"},
		{"valid window", "rules:\n" + good + "    match: {files: [x], pattern: a, window: 3, unless_before: b}\n", ""},
		{"valid value", "rules:\n" + good + "    match: {files: [x], pattern: \"k = '(?P<value>[^']*)'\", value: signing-secret}\n", ""},
		{"unknown value kind", "rules:\n" + good + "    match: {files: [x], pattern: \"k = '(?P<value>[^']*)'\", value: password}\n", "not a known kind"},
		{"value without group", "rules:\n" + good + "    match: {files: [x], pattern: \"k = '([^']*)'\", value: signing-secret}\n", "group named"},
		{"value group twice", "rules:\n" + good + "    match: {files: [x], pattern: \"'(?P<value>a)'|\\\"(?P<value>b)\\\"\", value: signing-secret}\n", "group named"},
		{"valid exclude", "rules:\n" + good + "    match: {files: [\"*.py\"], exclude: [settings.py], pattern: a}\n", ""},
		{"area without parts", "areas:\n  - {id: web, title: Web}\nrules:\n" + good, "area web has no parts"},
		{"part without needs", "areas:\n  - {id: web, title: Web, parts: [{check: probe, what: w}]}\nrules:\n" + good, "what it needs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"areas.yaml": {Data: []byte(areas)},
				"r.yaml":     {Data: []byte(tt.rules)},
			}
			_, err := catalog.Load(fsys)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}
