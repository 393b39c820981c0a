package cli

import (
	"strings"
	"testing"
)

func TestInlineAndConfigIgnores(t *testing.T) {
	const spec = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /webhooks/stripe:
    # launchgate:ignore openapi/operation-without-auth Stripe signs the body; verified in the handler
    post:
      responses:
        "200": {description: ok}
  /legacy:
    post: # launchgate:ignore openapi/operation-without-auth
      responses:
        "200": {description: ok}
  /old:
    post:
      responses:
        "200": {description: ok}
`
	const cfg = `version: 1
ignores:
  - rule: openapi/operation-without-auth
    path: openapi.yaml
    reason: retired next sprint
    expires: 2026-01-31
`
	dir := writeTree(t, map[string]string{"openapi.yaml": spec})
	r := run(t, dir, "scan", "--format", "json")
	if r.code != ExitBlocking {
		t.Fatalf("exit %d, want 1 (two routes are not ignored)\n%s", r.code, r.stdout)
	}
	var rep struct {
		Findings []struct {
			RuleID      string `json:"rule_id"`
			Line        int
			Suppressed  bool
			Suppression string
		}
	}
	decodeJSON(t, r.stdout, &rep)
	byLine := map[int]bool{}
	for _, f := range rep.Findings {
		if f.RuleID == "openapi/operation-without-auth" {
			byLine[f.Line] = f.Suppressed
		}
	}
	if suppressed, ok := byLine[6]; !ok || !suppressed {
		t.Errorf("the route with a reasoned inline ignore should be reported as suppressed: %+v", rep.Findings)
	}
	if suppressed, ok := byLine[10]; !ok || suppressed {
		t.Errorf("an inline ignore without a reason must not suppress: %+v", rep.Findings)
	}
	if !strings.Contains(r.stderr, "has no reason") {
		t.Errorf("stderr should warn about the ignore without a reason: %q", r.stderr)
	}

	// An expired config ignore no longer applies, and says so.
	dir2 := writeTree(t, map[string]string{
		"openapi.yaml":    spec,
		".launchgate.yml": cfg,
	})
	r2 := run(t, dir2, "scan")
	if r2.code != ExitBlocking || !strings.Contains(r2.stdout, "expired on 2026-01-31") {
		t.Errorf("expired ignore: exit %d, want 1 and a warning in the report\n%s%s", r2.code, r2.stdout, r2.stderr)
	}
}

func TestBrokenSpecIsAFinding(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"api/broken.yaml": "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths:\n  /a:\n    get: [unclosed\n",
		"api/good.yaml":   securedSpec,
		"api/ref.yaml": `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /invoices:
    $ref: ./missing.yaml
  /open:
    delete:
      responses:
        "204": {description: gone}
`,
	})
	r := run(t, dir, "scan", "--format", "json")
	if r.code != ExitBlocking {
		t.Fatalf("exit %d, want 1 (findings, not a crash)\n%s", r.code, r.stderr)
	}
	keys := ruleKeys(t, r.stdout)
	for _, want := range []string{
		"openapi/invalid-document@api/broken.yaml:6",
		"openapi/invalid-document@api/ref.yaml:5",
		// The rest of a document with a broken $ref is still checked.
		"openapi/operation-without-auth@api/ref.yaml:7",
	} {
		if !contains(keys, want) {
			t.Errorf("missing %s in %v", want, keys)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
