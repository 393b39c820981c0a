package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"testing/fstest"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/finding"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// testCatalogFS is a small catalog in the rules/*.yaml format, so that the
// goldens do not change whenever the real catalog grows.
var testCatalogFS = fstest.MapFS{
	"areas.yaml": {Data: []byte(`
areas:
  - id: auth
    title: "Authentication on every route"
    parts:
      - {check: openapi, what: "spec operations declare auth", needs: "an OpenAPI document"}
      - {check: probe, what: "operations refuse a missing token, live", needs: "launchgate probe --url"}
  - id: tenant
    title: "Tenant isolation and roles"
    parts:
      - {check: openapi, what: "object routes declare ownership", needs: "an OpenAPI document"}
  - id: secrets
    title: "Secrets"
    parts:
      - {check: secrets, what: "no secret in the tree", needs: "a checkout"}
  - id: transport
    title: "Transport security"
    parts:
      - {check: openapi, what: "spec servers use https", needs: "an OpenAPI document"}
  - id: email
    title: "Email trust (SPF, DKIM, DMARC)"
    parts:
      - {check: dns, what: "SPF, DKIM and DMARC", needs: "launchgate dns DOMAIN"}
`)},
	"rules.yaml": {Data: []byte(`
rules:
  - id: openapi/operation-without-auth
    title: Operation without authentication
    severity: high
    area: auth
    cwe: [CWE-306]
    owasp: ["API2:2023 Broken Authentication"]
    description: An operation has no effective security requirement.
    help: Add a security requirement to the operation or allow-list it as public.
  - id: openapi/object-id-without-owner
    title: Object route without ownership check
    severity: medium
    area: tenant
    cwe: [CWE-639]
    owasp: ["API1:2023 Broken Object Level Authorization"]
    description: A route takes an object ID but declares no tenant or owner scope.
    help: Scope the route to the caller's tenant.
  - id: secret/generic-api-key
    title: API key committed
    severity: critical
    area: secrets
    cwe: [CWE-798]
    description: A credential is committed to the repository.
    help: Revoke the key and load it from the environment.
  - id: transport/http-server
    title: Plain HTTP server URL
    severity: low
    area: transport
    cwe: [CWE-319]
    description: The spec lists a server reachable over plain HTTP.
    help: Serve the API over HTTPS only.
`)},
}

func testCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(testCatalogFS)
	if err != nil {
		t.Fatalf("loading the test catalog: %v", err)
	}
	return c
}

// fixedResult is the scan behind the goldens. Expected at --fail-on high:
// three blocking (the critical secret, the high operation and the high live
// finding), one medium and one low below the threshold, one suppressed
// high, and email not run.
func fixedResult(t testing.TB) *Result {
	t.Helper()
	fs := []finding.Finding{
		{RuleID: "openapi/object-id-without-owner", Category: "openapi", Severity: finding.Medium,
			Title: "Object route without ownership check", Message: "GET /invoices/{invoiceId} | takes an object ID but declares no owner",
			File: "api/openapi.yaml", Line: 40, Column: 5},
		{RuleID: "openapi/operation-without-auth", Category: "openapi", Severity: finding.High,
			Title: "Operation without authentication", Message: "DELETE /invoices/{invoiceId} has no security requirement",
			File: "api/openapi.yaml", Line: 42, Column: 7},
		{RuleID: "openapi/operation-without-auth", Category: "openapi", Severity: finding.High,
			Title: "Operation without authentication", Message: "GET /health has no security requirement",
			File: "api/openapi.yaml", Line: 80, Column: 5,
			Suppressed: true, Suppression: "health check is public by design"},
		{RuleID: "transport/http-server", Category: "transport", Severity: finding.Low,
			Title: "Plain HTTP server URL", Message: "server http://api.example.com is plain HTTP",
			File: "api/openapi.yaml", Line: 3},
		{RuleID: "secret/generic-api-key", Category: "secret", Severity: finding.Critical,
			Title: "API key committed", Message: "generic API key (redacted) in config",
			File: "web/src/config.ts", Line: 12, Column: 18},
		{RuleID: "openapi/operation-without-auth", Category: "openapi", Severity: finding.High,
			Title: "Operation without authentication", Message: "GET /api/invoices answered 200 without a token",
			URL: "https://staging.example.com/api/invoices"},
	}
	for i := range fs {
		fs[i].Key = fs[i].Message
		fs[i].SetFingerprint()
	}
	slices.SortFunc(fs, func(a, b finding.Finding) int { return finding.Compare(&a, &b) })
	return &Result{
		Tool:      Tool{Name: "launchgate", Version: "1.2.3"},
		Findings:  fs,
		Threshold: finding.High,
		Catalog:   testCatalog(t),
		Ran:       map[string]bool{"openapi": true, "secrets": true},
		Tally:     map[string][]string{"auth": {"3 of 4 spec operations declare auth"}, "secrets": {"12 files scanned"}},
		Category:  "launchgate-scan",
		Notes:     []string{"ignore for secret/generic-api-key in web/legacy.js expired on 2025-01-31"},
	}
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden; run go test ./pkg/report -update and review the diff.\n--- got ---\n%s", path, got)
	}
}

// manyFindings makes n findings across severities, in report order.
func manyFindings(n int) []finding.Finding {
	sevs := []finding.Severity{finding.Info, finding.Low, finding.Medium, finding.High, finding.Critical}
	fs := make([]finding.Finding, n)
	for i := range fs {
		fs[i] = finding.Finding{
			RuleID:   "openapi/operation-without-auth",
			Category: "openapi",
			Severity: sevs[i%len(sevs)],
			Title:    "Operation without authentication",
			Message:  "GET /things/" + strconv.Itoa(i) + " has no security requirement | and a long tail " + string(bytes.Repeat([]byte("x"), 400)),
			File:     "api/spec" + strconv.Itoa(i%7) + ".yaml",
			Line:     i + 1,
		}
		fs[i].SetFingerprint()
	}
	return fs
}
