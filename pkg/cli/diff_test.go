package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/testkit"
)

const baseSpec = testkit.PortalSpec

// headSpec deletes the security of GET /invoices and adds a new open route.
const headSpec = `openapi: 3.0.3
info: {title: portal, version: "1"}
servers:
  - url: https://api.example.com
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
paths:
  /legacy:
    post:
      responses:
        "201": {description: created}
  /invoices:
    get:
      responses:
        "200": {description: ok}
        "401": {description: no token}
  /exports:
    get:
      responses:
        "200": {description: ok}
`

func TestDiffReportsOnlyTheChange(t *testing.T) {
	repo := t.TempDir()
	testkit.InitRepo(t, repo)
	write := func(content string) {
		if err := os.MkdirAll(filepath.Join(repo, "api"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(repo, "api", "openapi.yaml"), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(baseSpec)
	testkit.Commit(t, repo, "base")
	write(headSpec)
	testkit.Commit(t, repo, "head")

	// The whole tree: the old open POST /legacy is reported too.
	full := run(t, repo, "scan", "--format", "json")
	if !slices.Contains(ruleKeys(t, full.stdout), "openapi/operation-without-auth@api/openapi.yaml:10") {
		t.Fatalf("without --diff the old finding should be there:\n%s", full.stdout)
	}

	r := run(t, repo, "scan", "--diff", "HEAD~1..HEAD", "--format", "json")
	if r.code != ExitBlocking {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	got := ruleKeys(t, r.stdout)
	want := []string{
		// The route whose security lines were deleted: no added line
		// points at it, and it is still reported.
		"openapi/auth-weakened@api/openapi.yaml:14",
		"openapi/operation-without-auth@api/openapi.yaml:14",
		"openapi/operation-without-auth@api/openapi.yaml:19",
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	for _, g := range got {
		if strings.HasSuffix(g, ":10") {
			t.Errorf("%s was already on the base branch and must not be reported with --diff", g)
		}
	}

	// A base commit the clone lacks is a usage error that names it.
	bad := run(t, repo, "scan", "--diff", "0123456789abcdef0123456789abcdef01234567..HEAD")
	if bad.code != ExitError || !strings.Contains(bad.stderr, "0123456789abcdef") {
		t.Errorf("missing base: exit %d stderr %q, want 2 naming the commit", bad.code, bad.stderr)
	}
}

// ruleKeys lists "rule@file:line" for each finding of a JSON report.
func ruleKeys(t *testing.T, report string) []string {
	t.Helper()
	var rep struct {
		Findings []struct {
			RuleID string `json:"rule_id"`
			File   string
			Line   int
		}
	}
	if err := json.Unmarshal([]byte(report), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, report)
	}
	var out []string
	for _, f := range rep.Findings {
		out = append(out, f.RuleID+"@"+f.File+":"+strconv.Itoa(f.Line))
	}
	return out
}
