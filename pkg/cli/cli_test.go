package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// result is what one in-process run of the command line produced.
type result struct {
	code           int
	stdout, stderr string
}

// run runs the CLI in process in dir, as a user would from a shell there.
func run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runWith(t, dir, nil, args...)
}

// runWith is run with the environment changed by edit first.
func runWith(t *testing.T, dir string, edit func(*Env), args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{
		Stdout:  &out,
		Stderr:  &errb,
		Getenv:  func(string) string { return "" },
		Now:     func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) },
		WorkDir: dir,
		Version: "v0.0.0-test",
	}
	if edit != nil {
		edit(&env)
	}
	code := Run(context.Background(), args, env)
	return result{code, out.String(), errb.String()}
}

// writeTree creates files (path → content) under a new temp dir.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	testkit.WriteFiles(t, dir, files)
	return dir
}

const openSpec = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /invoices:
    post:
      responses:
        "201": {description: created}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
`

const securedSpec = `openapi: 3.0.3
info: {title: t, version: "1"}
servers:
  - url: https://api.example.com
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
security:
  - bearer: []
paths:
  /me:
    get:
      responses:
        "200": {description: ok}
        "401": {description: no token}
`

func TestExitCodes(t *testing.T) {
	vuln := writeTree(t, map[string]string{"api/openapi.yaml": openSpec})
	clean := writeTree(t, map[string]string{"openapi.yaml": securedSpec})
	tests := []struct {
		name       string
		dir        string
		args       []string
		code       int
		stdoutHas  string
		stderrHas  string
		stdoutNone bool
	}{
		{name: "no command", dir: clean, args: nil, code: ExitError, stderrHas: "no command"},
		{name: "unknown command", dir: clean, args: []string{"scna"}, code: ExitError, stderrHas: `unknown command "scna"`},
		{name: "version", dir: clean, args: []string{"version"}, code: ExitOK, stdoutHas: "launchgate v0.0.0-test"},
		{name: "help", dir: clean, args: []string{"help"}, code: ExitOK, stdoutHas: "launchgate scan [PATH]"},
		{name: "scan -h", dir: clean, args: []string{"scan", "-h"}, code: ExitOK, stdoutHas: "-fail-on"},
		{name: "blocking finding", dir: vuln, args: []string{"scan"}, code: ExitBlocking, stdoutHas: "openapi/operation-without-auth"},
		{name: "path after flags", dir: t.TempDir(), args: []string{"scan", "--fail-on", "critical", vuln}, code: ExitBlocking, stdoutHas: "api/openapi.yaml"},
		{name: "flags after path", dir: t.TempDir(), args: []string{"scan", vuln, "--fail-on", "never"}, code: ExitOK, stdoutHas: "openapi/operation-without-auth"},
		{name: "clean spec passes", dir: clean, args: []string{"scan"}, code: ExitOK},
		{name: "bad fail-on", dir: clean, args: []string{"scan", "--fail-on", "severe"}, code: ExitError, stderrHas: "--fail-on", stdoutNone: true},
		{name: "bad format", dir: clean, args: []string{"scan", "--format", "xml"}, code: ExitError, stderrHas: "--format", stdoutNone: true},
		{name: "unknown flag", dir: clean, args: []string{"scan", "--spce", "x"}, code: ExitError, stderrHas: "-spce", stdoutNone: true},
		{name: "missing path", dir: clean, args: []string{"scan", "nope"}, code: ExitError, stderrHas: "nope", stdoutNone: true},
		{name: "missing spec", dir: clean, args: []string{"scan", "--spec", "missing.yaml"}, code: ExitError, stderrHas: "missing.yaml", stdoutNone: true},
		{name: "two paths", dir: clean, args: []string{"scan", "a", "b"}, code: ExitError, stderrHas: "one PATH"},
		{name: "explain", dir: clean, args: []string{"explain", "openapi/operation-without-auth"}, code: ExitOK, stdoutHas: "How to fix"},
		{name: "explain unknown", dir: clean, args: []string{"explain", "openapi/nope"}, code: ExitError, stderrHas: "no rule"},
		{name: "only the openapi check", dir: vuln, args: []string{"scan", "--checks", "openapi", "--format", "markdown"}, code: ExitBlocking, stdoutHas: "| Secrets | ⚪ not run"},
		{name: "unknown check", dir: clean, args: []string{"scan", "--checks", "openapi,sast"}, code: ExitError, stderrHas: `unknown check "sast"`},
		{name: "rules", dir: clean, args: []string{"rules"}, code: ExitOK, stdoutHas: "openapi/admin-without-role"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.dir, tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tt.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, tt.stdoutHas) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdoutHas, r.stdout)
			}
			if !strings.Contains(r.stderr, tt.stderrHas) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderrHas, r.stderr)
			}
			if tt.stdoutNone && r.stdout != "" {
				t.Errorf("stdout should be empty on a usage error, got:\n%s", r.stdout)
			}
			if tt.code == ExitError && strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 && tt.args != nil {
				t.Errorf("a usage error is one line, got:\n%s", r.stderr)
			}
		})
	}
}

func TestConfigErrorNamesFileAndLine(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"openapi.yaml":    securedSpec,
		".launchgate.yml": "version: 1\npublc_routes: []\n",
	})
	r := run(t, dir, "scan")
	if r.code != ExitError {
		t.Fatalf("exit %d, want 2; stderr: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, ".launchgate.yml:2") {
		t.Errorf("stderr should name .launchgate.yml:2, got %q", r.stderr)
	}
}

// jsonFinding is a finding as the JSON report spells it.
type jsonFinding struct {
	RuleID      string `json:"rule_id"`
	Category    string
	Severity    string
	File        string
	Line        int
	Fingerprint string
	Suppressed  bool
}

func TestJSONReportShape(t *testing.T) {
	dir := writeTree(t, map[string]string{"api/openapi.yaml": openSpec})
	r := run(t, dir, "scan", "--format", "json")
	if r.code != ExitBlocking {
		t.Fatalf("exit %d, want 1; stderr: %s", r.code, r.stderr)
	}
	var rep struct {
		Tool     struct{ Name, Version string }
		Findings []jsonFinding
		Summary  struct {
			Total, Blocking int
			Passed          bool
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, r.stdout)
	}
	if rep.Tool.Name != "launchgate" || rep.Tool.Version != "v0.0.0-test" {
		t.Errorf("tool = %+v", rep.Tool)
	}
	var got *jsonFinding
	for i := range rep.Findings {
		if rep.Findings[i].RuleID == "openapi/operation-without-auth" {
			got = &rep.Findings[i]
		}
	}
	if got == nil {
		t.Fatalf("no operation-without-auth finding in %s", r.stdout)
	}
	if got.File != "api/openapi.yaml" || got.Line != 5 || got.Severity != "critical" || got.Category != "openapi" || got.Fingerprint == "" {
		t.Errorf("finding = %+v, want api/openapi.yaml:5 critical (POST without auth)", *got)
	}
	if rep.Summary.Passed || rep.Summary.Blocking == 0 || rep.Summary.Total < rep.Summary.Blocking {
		t.Errorf("summary = %+v", rep.Summary)
	}
}

func TestOutputFileAndBaseline(t *testing.T) {
	dir := writeTree(t, map[string]string{"openapi.yaml": openSpec})
	first := run(t, dir, "scan", "--format", "json", "--output", "base.json")
	if first.code != ExitBlocking || first.stdout != "" {
		t.Fatalf("exit %d stdout %q, want 1 and nothing on stdout", first.code, first.stdout)
	}
	if !strings.Contains(first.stderr, "base.json") {
		t.Errorf("stderr should say where the report went: %q", first.stderr)
	}
	// The same findings against their own baseline no longer block.
	second := run(t, dir, "scan", "--baseline", "base.json")
	if second.code != ExitOK {
		t.Fatalf("with baseline: exit %d, want 0\n%s%s", second.code, second.stdout, second.stderr)
	}
	// A SARIF report works as a baseline too.
	run(t, dir, "scan", "--format", "sarif", "--output", "base.sarif")
	if third := run(t, dir, "scan", "--baseline", "base.sarif"); third.code != ExitOK {
		t.Fatalf("with SARIF baseline: exit %d, want 0\n%s%s", third.code, third.stdout, third.stderr)
	}
	if bad := run(t, dir, "scan", "--baseline", "openapi.yaml"); bad.code != ExitError {
		t.Fatalf("a baseline that is not a report: exit %d, want 2", bad.code)
	}
}

func TestSpecOutsideRoot(t *testing.T) {
	specDir := writeTree(t, map[string]string{"openapi.yaml": securedSpec})
	r := run(t, t.TempDir(), "scan", "--spec", filepath.Join(specDir, "openapi.yaml"))
	if r.code != ExitError || !strings.Contains(r.stderr, "outside the scanned folder") {
		t.Fatalf("exit %d stderr %q, want 2 with a hint", r.code, r.stderr)
	}
}

// decodeJSON decodes a report or fails the test.
func decodeJSON(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, s)
	}
}
