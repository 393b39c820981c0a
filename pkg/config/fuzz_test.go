package config

import (
	"errors"
	"strings"
	"testing"
)

// maxFuzzConfig bounds the files FuzzParse tries. Go's fuzzing engine
// minimises every input that reaches new code, with a step that is
// quadratic in the input's length and a budget of a minute
// (-fuzzminimizetime): at the size of testdata/full.launchgate.yml (1.7 KB)
// one minimisation eats most of a 20-second run. 256 bytes hold a section
// of that file in flow style, an alias chain, more unknown keys than an
// error lists (maxReported) and a key longer than the typo check reads, so
// every path of Parse is within reach. The size limit itself is tested
// in load_test.go.
const maxFuzzConfig = 256

func FuzzParse(f *testing.F) {
	// testdata/full.launchgate.yml, a section at a time.
	for _, s := range []string{
		"",
		"version: 1\npublic_routes:\n  - {method: GET, path: /h, reason: r}\n",
		"version: 1\npublic_routes: [{method: POST, path: /api/login, reason: users sign in}, {method: \"*\", path: /public/**, reason: r}]\n" +
			"tenant_params: [tenantRef, accountNumber]\nadmin_paths: [/api/admin/**, '/ops/{tenant}/settings', tag:backoffice]\n",
		"specs: [api/openapi.yaml]\nartifacts: [dist, build/app.zip]\nexclude: [\"vendor/**\", \"**/testdata/**\"]\nenv: {required: [DB_URL]}\n" +
			"secrets: {scan_fixtures: false, scan_lock_files: true, scan_dependencies: false}\ncors: {allowed_origins: [\"https://a.io\"]}\n",
		"severity: {openapi/operation-without-auth: critical, ratelimit/*: low}\nignores:\n  - {rule: openapi/*, path: api/legacy/*.yaml, reason: r, expires: 2026-06-30}\n" +
			"  - {rule: secret/*, fingerprint: 0123456789abcdef, reason: revoked, expires: \"2026-03-31\"}\n",
		"ignores:\n  - rule: openapi/*\n    path: '**'\n    reason: r\n    expires: 2026-01-31\n",
		"probe:\n  identities: [{name: a, tenant: acme, headers: {Authorization: \"Bearer ${A_TOKEN}\"}}]\n  objects: {acme: {invoiceId: inv_a1}}\n" +
			"  login: \"POST /api/login\"\n  critical: [\"GET /api/invoices\"]\n  latency_budget_ms: 500\n",
		"limits: {max_spec_bytes: 67108864, max_file_bytes: 20971520, max_artifact_bytes: 134217728,\n" +
			"  max_archive_bytes: 2147483648, max_archive_entries: 200000, max_archive_depth: 4}\n",
		"a: &a [x]\nb: [*a, *a]\n",
		"probe:\n  identities: [{name: a, headers: &h {A: b}}, {name: b, headers: *h}]\n",
	} {
		if len(s) > maxFuzzConfig {
			f.Fatalf("seed of %d bytes, over the %d the target tries: %q", len(s), maxFuzzConfig, s)
		}
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzConfig {
			return
		}
		cfg, err := Parse("f.yml", data)
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v is not a *config.Error", err)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "f.yml") {
					t.Fatalf("problem %q does not name the file", line)
				}
			}
			return
		}
		if cfg.Version != Version {
			t.Fatalf("accepted version %d", cfg.Version)
		}
		for _, r := range cfg.PublicRoutes {
			if r.Reason == "" || !strings.HasPrefix(r.Path, "/") {
				t.Fatalf("accepted route %+v", r)
			}
			cfg.PublicRoute(r.Method, r.Path)
		}
		for _, ig := range cfg.Ignores {
			if ig.Expires.IsZero() || ig.Reason == "" {
				t.Fatalf("accepted ignore %+v", ig)
			}
		}
		_ = cfg.Validate(func(string) bool { return true })
	})
}

// maxFuzzRoute bounds FuzzMatchRoute's pattern and path, each: matching
// pairs every pattern segment with every path segment, so the cost of an
// input grows with the product of their lengths, and its minimisation
// with the square of that. 128 bytes hold a dozen segments of each kind
// (**, *, {param}, literals) on either side.
const maxFuzzRoute = 128

func FuzzMatchRoute(f *testing.F) {
	f.Add("/a/**/{x}/*", "/a/b/c/{id}/d")
	f.Add("/**/**/**", "/")
	f.Fuzz(func(t *testing.T, pattern, path string) {
		if len(pattern) > maxFuzzRoute || len(path) > maxFuzzRoute {
			return
		}
		if MatchRoute("GET", pattern, "GET", path) != MatchRoute("*", pattern, "get", path) {
			t.Fatal("method * and GET disagree on the path")
		}
		MatchPath(pattern, path)
	})
}
