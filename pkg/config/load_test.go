package config

import (
	"github.com/launchgate/launchgate/pkg/testkit"

	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/finding"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string // the whole error text
	}{
		{
			name: "unknown top-level key with suggestion",
			yaml: "version: 1\npublc_routes: []\n",
			want: `.launchgate.yml:2: unknown key "publc_routes" (did you mean "public_routes"?)`,
		},
		{
			name: "unknown key without a close match",
			yaml: "version: 1\nzzzzzz: 1\n",
			want: `.launchgate.yml:2: unknown key "zzzzzz"`,
		},
		{
			name: "unknown nested key",
			yaml: "ignores:\n  - rule: openapi/x\n    path: a\n    reasn: r\n",
			want: `.launchgate.yml:4: unknown key "reasn" in ignores[0] (did you mean "reason"?)`,
		},
		{
			name: "public route without reason",
			yaml: "version: 1\npublic_routes:\n  - method: get\n    path: /health\n",
			want: `.launchgate.yml:3: public route GET /health needs a reason`,
		},
		{
			name: "public route with blank reason",
			yaml: "public_routes:\n  - {method: GET, path: /health, reason: '  '}\n",
			want: `.launchgate.yml:2: public route GET /health needs a reason`,
		},
		{
			name: "public route with bad method",
			yaml: "public_routes:\n  - method: FETCH\n    path: /x\n    reason: r\n",
			want: `.launchgate.yml:2: public route method "FETCH" is not an HTTP method (want GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH, TRACE or *)`,
		},
		{
			name: "public route path without slash",
			yaml: "public_routes:\n  - method: GET\n    path: health\n    reason: r\n",
			want: `.launchgate.yml:3: public route path "health" must start with /`,
		},
		{
			name: "public route without method",
			yaml: "public_routes:\n  - path: /x\n    reason: r\n",
			want: `.launchgate.yml:2: public route needs a method (GET, POST, … or *)`,
		},
		{
			name: "ignore without expires",
			yaml: "ignores:\n  - rule: openapi/x\n    path: a.yaml\n    reason: r\n",
			want: `.launchgate.yml:2: ignore needs an expires date (YYYY-MM-DD)`,
		},
		{
			name: "ignore with a time instead of a date",
			yaml: "ignores:\n  - rule: openapi/x\n    path: a.yaml\n    reason: r\n    expires: 2026-01-31T10:00:00Z\n",
			want: `.launchgate.yml:5: ignores[0].expires: want a date written YYYY-MM-DD`,
		},
		{
			name: "ignore with an impossible date",
			yaml: "ignores:\n  - rule: openapi/x\n    path: a.yaml\n    reason: r\n    expires: 2026-02-30\n",
			want: `.launchgate.yml:5: ignores[0].expires: "2026-02-30" is not a calendar date`,
		},
		{
			name: "ignore with neither path nor fingerprint",
			yaml: "ignores:\n  - rule: openapi/x\n    reason: r\n    expires: 2026-01-31\n",
			want: `.launchgate.yml:2: ignore of openapi/x needs a path or a fingerprint`,
		},
		{
			name: "ignore without reason",
			yaml: "ignores:\n  - rule: openapi/x\n    fingerprint: abc\n    expires: 2026-01-31\n",
			want: `.launchgate.yml:2: ignore of openapi/x needs a reason`,
		},
		{
			name: "ignore with a malformed rule",
			yaml: "ignores:\n  - rule: OpenAPI\n    fingerprint: abc\n    reason: r\n    expires: 2026-01-31\n",
			want: `.launchgate.yml:2: ignore rule "OpenAPI" is not a rule ID (category/name or category/*)`,
		},
		{
			name: "ignore with absolute path",
			yaml: "ignores:\n  - rule: openapi/x\n    path: /etc/a\n    reason: r\n    expires: 2026-01-31\n",
			want: `.launchgate.yml:2: ignore path "/etc/a" must be relative to the scanned folder`,
		},
		{
			name: "bad severity name",
			yaml: "severity:\n  openapi/x: severe\n",
			want: `.launchgate.yml:2: severity.openapi/x: unknown severity "severe": want critical, high, medium, low or info`,
		},
		{
			name: "never is not a severity",
			yaml: "severity:\n  openapi/x: never\n",
			want: `.launchgate.yml:2: severity.openapi/x: unknown severity "never": want critical, high, medium, low or info`,
		},
		{
			name: "malformed severity key",
			yaml: "severity:\n  Operation Without Auth: high\n",
			want: `.launchgate.yml:2: severity: "Operation Without Auth" is not a rule ID (category/name or category/*)`,
		},
		{
			name: "version 2",
			yaml: "version: 2\n",
			want: `.launchgate.yml:1: version must be 1, not 2`,
		},
		{
			name: "version not a number",
			yaml: "version: one\n",
			want: `.launchgate.yml:1: version: want a whole number`,
		},
		{
			name: "switch not a boolean",
			yaml: "secrets:\n  scan_fixtures: yes please\n",
			want: `.launchgate.yml:2: secrets.scan_fixtures: want true or false`,
		},
		{
			name: "admin path without slash",
			yaml: "admin_paths: [admin/**]\n",
			want: `.launchgate.yml:1: admin path pattern "admin/**" must start with / (or be tag:NAME)`,
		},
		{
			name: "admin tag without name",
			yaml: "admin_paths: ['tag:']\n",
			want: `.launchgate.yml:1: admin_paths: "tag:" names no tag`,
		},
		{
			name: "string where a list belongs",
			yaml: "tenant_params: tenantId\n",
			want: `.launchgate.yml:1: tenant_params: want a list, not a single value`,
		},
		{
			name: "list where a string belongs",
			yaml: "probe:\n  login: [POST, /login]\n",
			want: `.launchgate.yml:2: probe.login: want a string, not a list`,
		},
		{
			name: "top level is a list",
			yaml: "- a\n- b\n",
			want: `.launchgate.yml:1: settings: want a mapping of keys, not a list`,
		},
		{
			name: "repeated key",
			yaml: "version: 1\nspecs: [a]\nspecs: [b]\n",
			want: `.launchgate.yml:3: top level: key "specs" is repeated (first at line 2)`,
		},
		{
			name: "merge key",
			yaml: "base: &b {method: GET}\n",
			want: `.launchgate.yml:1: unknown key "base"`,
		},
		{
			name: "merge key in a route",
			yaml: "public_routes:\n  - &r {method: GET, path: /a, reason: r}\n  - <<: *r\n    path: /b\n",
			want: `.launchgate.yml:3: public_routes[1]: merge keys (<<) are not supported; repeat the keys`,
		},
		{
			name: "syntax error",
			yaml: "version: 1\nspecs: [a\n",
			want: `.launchgate.yml:3: did not find expected ',' or ']'`,
		},
		{
			name: "two documents",
			yaml: "version: 1\n---\nversion: 1\n",
			want: `.launchgate.yml:2: the config file must hold one YAML document, not several`,
		},
		{
			name: "probe login without method",
			yaml: "probe:\n  login: /api/login\n",
			want: `.launchgate.yml:2: probe.login: "/api/login" must be METHOD /path, as in "POST /api/login"`,
		},
		{
			name: "probe critical with relative path",
			yaml: "probe:\n  critical: [GET api]\n",
			want: `.launchgate.yml:2: probe.critical: "GET api": the path must start with /`,
		},
		{
			name: "probe identity without name",
			yaml: "probe:\n  identities:\n    - tenant: acme\n",
			want: `.launchgate.yml:3: probe identity needs a name`,
		},
		{
			name: "probe identity twice",
			yaml: "probe:\n  identities:\n    - name: a\n    - name: a\n",
			want: `.launchgate.yml:4: probe identity "a" is named twice`,
		},
		{
			name: "negative latency budget",
			yaml: "probe:\n  latency_budget_ms: -5\n",
			want: `.launchgate.yml:2: probe.latency_budget_ms must not be negative`,
		},
		{
			name: "dns domain without a dot",
			yaml: "dns:\n  domain: localhost\n",
			want: `.launchgate.yml:2: dns.domain: "localhost" is not a domain name (want one like portal.example.com)`,
		},
		{
			name: "dns domain with a space",
			yaml: "dns:\n  domain: 'portal .example.com'\n",
			want: `.launchgate.yml:2: dns.domain: "portal .example.com": label "portal " holds ' ', which a host name cannot`,
		},
		{
			name: "dns domain with a hyphen at a label's end",
			yaml: "dns:\n  domain: portal-.example.com\n",
			want: `.launchgate.yml:2: dns.domain: "portal-.example.com": label "portal-" starts or ends with a hyphen`,
		},
		{
			name: "dns selector empty",
			yaml: "dns:\n  dkim_selectors: [google, '']\n",
			want: `.launchgate.yml:2: dns.dkim_selectors: a selector is empty`,
		},
		{
			name: "dns selector with a slash",
			yaml: "dns:\n  dkim_selectors: [s1/x]\n",
			want: `.launchgate.yml:2: dns.dkim_selectors: selector "s1/x": label "s1/x" holds '/', which a host name cannot`,
		},
		{
			name: "dns domain not ASCII",
			yaml: "dns:\n  domain: bücher.example\n",
			want: `.launchgate.yml:2: dns.domain: "bücher.example": label "bücher" is not ASCII: write it in its xn-- form`,
		},
		{
			name: "monitoring without a provider",
			yaml: "monitoring:\n  reason: configured in the vendor UI\n",
			want: `.launchgate.yml:2: monitoring needs a provider (the service the monitors live in, such as "Better Stack")`,
		},
		{
			name: "monitoring without a reason",
			yaml: "monitoring: {provider: Better Stack}\n",
			want: `.launchgate.yml:1: monitoring needs a reason (why the monitors are not kept as code)`,
		},
		{
			name: "monitoring url over plain http",
			yaml: "monitoring:\n  provider: Better Stack\n  url: http://status.example.com\n  reason: vendor UI\n",
			want: `.launchgate.yml:3: monitoring.url "http://status.example.com" must be an https:// URL`,
		},
		{
			name: "bad env name",
			yaml: "env:\n  required: [DATABASE-URL]\n",
			want: `.launchgate.yml:2: env.required: "DATABASE-URL" is not an environment variable name`,
		},
		{
			name: "empty spec entry",
			yaml: "specs: ['']\n",
			want: `.launchgate.yml:1: specs: entry 1 is empty`,
		},
		{
			name: "limits out of range",
			yaml: "limits:\n  max_spec_bytes: -1\n  max_archive_depth: 99\n",
			want: ".launchgate.yml:2: limits.max_spec_bytes must not be negative\n.launchgate.yml:3: limits.max_archive_depth may be at most 16",
		},
		{
			name: "every problem in file order",
			yaml: "ignores:\n  - rule: openapi/x\n    path: a\n    reason: r\npublic_routes:\n  - {method: GET, path: /h}\n",
			want: ".launchgate.yml:2: ignore needs an expires date (YYYY-MM-DD)\n.launchgate.yml:6: public route GET /h needs a reason",
		},
		{
			name: "every unknown key",
			yaml: "versoin: 1\npublic_route: []\nsecrets:\n  scan_fixture: true\n  bogus: 1\n",
			want: ".launchgate.yml:1: unknown key \"versoin\" (did you mean \"version\"?)\n" +
				".launchgate.yml:2: unknown key \"public_route\" (did you mean \"public_routes\"?)\n" +
				".launchgate.yml:4: unknown key \"scan_fixture\" in secrets (did you mean \"scan_fixtures\"?)\n" +
				".launchgate.yml:5: unknown key \"bogus\" in secrets",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse(".launchgate.yml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("Parse succeeded with %+v, want error %q", cfg, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %s\nwant %s", err, tt.want)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, ".launchgate.yml:") {
					t.Errorf("problem %q does not start with the file", line)
				}
			}
			var ce *Error
			if !errors.As(err, &ce) || ce.File != ".launchgate.yml" {
				t.Errorf("error %v is not a *config.Error naming the file", err)
			}
		})
	}
}

func TestParseDefaults(t *testing.T) {
	tests := []struct {
		name string
		yaml string
	}{
		{"empty file", ""},
		{"only comments", "# nothing configured yet\n"},
		{"only a version", "version: 1\n"},
		{"null document", "---\n"},
		{"empty lists", "public_routes:\nignores: []\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("x.yml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Version != Version || cfg.File != "x.yml" {
				t.Errorf("got version %d file %q, want %d and x.yml", cfg.Version, cfg.File, Version)
			}
			if len(cfg.PublicRoutes)+len(cfg.Ignores)+len(cfg.AdminPaths) != 0 {
				t.Errorf("got settings from an empty file: %+v", cfg)
			}
		})
	}
}

func TestLoadFull(t *testing.T) {
	cfg, err := Load("testdata/full.launchgate.yml")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(cfg.PublicRoutes); got != 3 {
		t.Fatalf("got %d public routes, want 3", got)
	}
	if r := cfg.PublicRoutes[0]; r.Method != "GET" || r.Path != "/health" || r.Line != 7 {
		t.Errorf("first route = %+v, want GET /health at line 7", r)
	}
	if got := cfg.Severity["openapi/operation-without-auth"]; got != finding.Critical {
		t.Errorf("severity override = %v, want critical", got)
	}
	if got := cfg.Severity["ratelimit/*"]; got != finding.Low {
		t.Errorf("category override = %v, want low", got)
	}
	if want := (Limits{MaxSpecBytes: 64 << 20, MaxFileBytes: 20 << 20, MaxArtifactBytes: 128 << 20, MaxArchiveBytes: 2 << 30, MaxArchiveEntries: 200_000, MaxArchiveDepth: 4}); cfg.Limits != want {
		t.Errorf("limits = %+v, want %+v", cfg.Limits, want)
	}
	if len(cfg.Ignores) != 2 {
		t.Fatalf("got %d ignores, want 2", len(cfg.Ignores))
	}
	wantEnd := time.Date(2026, 6, 30, 23, 59, 59, 999999999, time.UTC)
	wantLine := fileLineOf(t, "testdata/full.launchgate.yml", "- rule: openapi/operation-without-auth")
	if ig := cfg.Ignores[0]; !ig.Expires.Equal(wantEnd) || ig.Line != wantLine || ig.File != "testdata/full.launchgate.yml" {
		t.Errorf("first ignore = %+v, want expiry %v at testdata/full.launchgate.yml:%d", ig, wantEnd, wantLine)
	}
	// A quoted date is the same date.
	if got := cfg.Ignores[1].Expires; !got.Equal(time.Date(2026, 3, 31, 23, 59, 59, 999999999, time.UTC)) {
		t.Errorf("quoted expiry = %v, want the end of 2026-03-31", got)
	}
	if got := cfg.Probe.Identities[1].Headers["Authorization"]; got != "Bearer ${BOB_TOKEN}" {
		t.Errorf("header = %q, want it unexpanded", got)
	}
	if got := cfg.Probe.Objects["globex"]["invoiceId"]; got != "inv_b1" {
		t.Errorf("objects = %v", cfg.Probe.Objects)
	}
	if cfg.Probe.LatencyBudgetMS != 500 || cfg.Probe.Login != "POST /api/login" {
		t.Errorf("probe = %+v", cfg.Probe)
	}
	if cfg.DNS.Domain != "portal.example.com" || strings.Join(cfg.DNS.DKIMSelectors, ",") != "google,s1,k1.eu" {
		t.Errorf("dns = %+v", cfg.DNS)
	}
	if m := cfg.Monitoring; !m.Declared() || m.Provider != "Better Stack" || m.URL != "https://uptime.betterstack.com/team/1/monitors" || m.Reason == "" {
		t.Errorf("monitoring = %+v", m)
	}
	if empty, err := Parse("x.yml", []byte("version: 1\n")); err != nil || empty.Monitoring.Declared() {
		t.Errorf("a file without monitoring declares it: %+v, %v", empty.Monitoring, err)
	}
}

func TestLoadFiles(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.yml")
	if _, err := Load(missing); err == nil || !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(err.Error(), missing+": ") {
		t.Errorf("Load of a missing file: %v, want a not-exist error naming it", err)
	}
	cfg, err := LoadDefault(dir)
	if err != nil || cfg.File != "" || cfg.Version != Version {
		t.Errorf("LoadDefault without a file = %+v, %v; want defaults", cfg, err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("version: 3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDefault(dir); err == nil || !strings.Contains(err.Error(), FileName+":1: version must be 1") {
		t.Errorf("LoadDefault with a bad file: %v", err)
	}
	big := filepath.Join(dir, "big.yml")
	data := []byte("# " + strings.Repeat("x", MaxFileSize) + "\n")
	if err := os.WriteFile(big, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("Load of a file over the limit: %v", err)
	}
}

func TestValidate(t *testing.T) {
	yml := strings.Join([]string{
		"severity:",
		"  openapi/operation-without-auth: high",
		"  openapi/no-such-rule: low",
		"  secret/*: critical",
		"ignores:",
		"  - rule: debug/*",
		"    path: a",
		"    reason: r",
		"    expires: 2026-01-01",
		"  - rule: nope/*",
		"    path: a",
		"    reason: r",
		"    expires: 2026-01-01",
	}, "\n")
	cfg, err := Parse(".launchgate.yml", []byte(yml))
	if err != nil {
		t.Fatal(err)
	}
	known := func(id string) bool { return id == "openapi/operation-without-auth" }
	err = cfg.Validate(known)
	want := ".launchgate.yml:3: severity: unknown rule \"openapi/no-such-rule\" (the rules command lists them)\n" +
		".launchgate.yml:10: ignore of unknown rule \"nope/*\" (the rules command lists them)"
	if err == nil || err.Error() != want {
		t.Errorf("Validate = %v, want %s", err, want)
	}
	delete(cfg.Severity, "openapi/no-such-rule")
	err = cfg.Validate(known)
	want = `.launchgate.yml:10: ignore of unknown rule "nope/*" (the rules command lists them)`
	if err == nil || err.Error() != want {
		t.Errorf("Validate = %v, want %s", err, want)
	}
	cfg.Ignores = cfg.Ignores[:1]
	if err := cfg.Validate(known); err != nil {
		t.Errorf("Validate of known rules: %v", err)
	}
}

// fileLineOf returns the 1-based number of the first line of file holding s.
func fileLineOf(t *testing.T, file, s string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, s) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line with %q", file, s)
	return 0
}

// A secret pasted into the wrong field must not come back in the error,
// which CI prints to its log.
func TestParseErrorsDoNotEchoSecrets(t *testing.T) {
	gh := "ghp_" + testkit.Random(t, testkit.Alnum, 36)
	pw := testkit.Random(t, testkit.Alnum, 30)
	yml := strings.Join([]string{
		gh + ": true",
		"severity:",
		"  openapi/operation-without-auth: " + pw,
		"public_routes:",
		"  - {method: " + gh + ", path: /h, reason: r}",
		"probe:",
		"  login: " + gh + " /login",
		"  identities: [{name: a, headers: {\"Authorization: Bearer " + pw + "\": x}}]",
		"",
	}, "\n")
	_, err := Parse(".launchgate.yml", []byte(yml))
	if err == nil {
		t.Fatal("Parse accepted the file")
	}
	msg := err.Error()
	for _, v := range []string{gh[4:], pw} {
		for i := 0; i+8 <= len(v); i++ {
			if strings.Contains(msg, v[i:i+8]) {
				t.Fatalf("error shows %q:\n%s", v[i:i+8], msg)
			}
		}
	}
	if !strings.Contains(msg, ".launchgate.yml:1: unknown key (a value of 40 characters, not shown)") ||
		!strings.Contains(msg, ".launchgate.yml:3: severity.openapi/operation-without-auth: unknown severity") {
		t.Errorf("error does not say what is wrong:\n%s", msg)
	}
}
