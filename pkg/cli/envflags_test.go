package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/report/sariftest"
	"github.com/launchgate/launchgate/pkg/testkit"
)

// runEnviron runs the CLI in process with environ as the process
// environment.
func runEnviron(t *testing.T, dir string, environ []string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{
		Stdout:  &out,
		Stderr:  &errb,
		Getenv:  func(string) string { return "" },
		Environ: func() []string { return environ },
		Now:     func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) },
		WorkDir: dir,
		Version: "v0.0.0-test",
	}
	code := Run(context.Background(), args, env)
	return result{code, out.String(), errb.String()}
}

// envFinding is a finding of the JSON report, as these tests read it.
type envFinding struct {
	RuleID  string `json:"rule_id"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	URL     string `json:"url"`
	Message string `json:"message"`
}

func envFindings(t *testing.T, report string) []envFinding {
	t.Helper()
	var rep struct {
		Findings []envFinding `json:"findings"`
	}
	if err := json.Unmarshal([]byte(report), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, report)
	}
	return rep.Findings
}

// TestEnvFlagsNeverPrintValues checks an --env file outside the checkout
// and the process environment, in every format, and holds every output
// to never showing a value: each is random, made at test time.
func TestEnvFlagsNeverPrintValues(t *testing.T) {
	weakFile := testkit.Random(t, testkit.Alnum, 14)
	dbPassword := testkit.Random(t, testkit.Alnum, 16)
	weakProcess := testkit.Random(t, testkit.Alnum, 12)
	runnerToken := testkit.Random(t, testkit.Alnum, 40)
	values := []string{weakFile, dbPassword, weakProcess, runnerToken}

	dir := writeTree(t, map[string]string{
		".env.example": "SESSION_SECRET=\nDATABASE_URL=\nSTRIPE_SECRET_KEY=\n",
		"server.js":    "require('express')().listen(3000)\n",
	})
	outside := writeTree(t, map[string]string{
		"prod.env": "export SESSION_SECRET=" + weakFile + "\r\n" +
			"DATABASE_URL=\"postgres://portal:" + dbPassword + "@localhost:5432/portal\"\r\n" +
			"NODE_ENV=development\r\n",
	})
	envFile := filepath.Join(outside, "prod.env")
	environ := []string{
		"SESSION_SECRET=" + weakProcess,
		"DATABASE_URL=postgres://db.portal.example.org/portal",
		"API_URL=http://localhost:4000",
		"DEBUG=true",
		"GITHUB_TOKEN=" + runnerToken,
		"PATH=/usr/bin",
	}
	args := []string{"scan", "--checks", "env", "--env", envFile, "--env-from-process"}

	for _, format := range []string{"text", "json", "sarif", "markdown"} {
		r := runEnviron(t, dir, environ, append(args, "--format", format, "--verbose")...)
		if r.code != ExitBlocking {
			t.Fatalf("%s: exit %d, want 1\n%s%s", format, r.code, r.stdout, r.stderr)
		}
		for _, v := range values {
			if strings.Contains(r.stdout+r.stderr, v) {
				t.Errorf("%s output shows a value", format)
			}
		}
		if format == "sarif" {
			doc := sariftest.Check(t, sariftest.Schema(t), []byte(r.stdout))
			uris := map[string]bool{}
			for _, res := range doc.Runs[0].Results {
				uris[res.Locations[0].PhysicalLocation.ArtifactLocation.URI] = true
			}
			// The process environment has no file: its results sit at the
			// root of the checkout; the outside file is a file: URI.
			if !uris["."] || !uris[".env.example"] {
				t.Errorf("SARIF locations %v lack the root or .env.example", uris)
			}
			fileURI := false
			for u := range uris {
				fileURI = fileURI || strings.HasPrefix(u, "file://") && strings.HasSuffix(u, "/prod.env")
			}
			if !fileURI {
				t.Errorf("SARIF locations %v lack the outside env file", uris)
			}
		}
	}

	// The test means something only if the findings are there.
	r := runEnviron(t, dir, environ, append(args, "--format", "json")...)
	var got []string
	for _, f := range envFindings(t, r.stdout) {
		place := f.File
		if place == "" && f.URL != "" {
			place = "outside"
		}
		if place == "" {
			if !strings.Contains(f.Message, "the process environment") {
				t.Errorf("%s without a location does not name the process environment: %q", f.RuleID, f.Message)
			}
			place = "process"
		}
		got = append(got, f.RuleID+"@"+place)
	}
	for _, want := range []string{
		"env/weak-secret@outside", "env/local-url@outside", "env/dev-mode@outside",
		"env/missing-required-key@.env.example",
		"env/weak-secret@process", "env/local-url@process", "env/dev-mode@process",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("no %s in %v", want, got)
		}
	}
	// STRIPE_SECRET_KEY is missing from both production environments.
	if n := strings.Count(strings.Join(got, " "), "env/missing-required-key@.env.example"); n != 2 {
		t.Errorf("%d missing-key findings, want 2 (the file and the process): %v", n, got)
	}
	// The runner's own variables are not the application's.
	for _, f := range envFindings(t, r.stdout) {
		if strings.Contains(f.Message, "GITHUB_TOKEN") || strings.Contains(f.Message, "PATH") {
			t.Errorf("finding about a runner variable: %q", f.Message)
		}
	}

	// Without --env-from-process the process environment is not read.
	quiet := runEnviron(t, dir, environ, "scan", "--checks", "env", "--format", "json")
	for _, f := range envFindings(t, quiet.stdout) {
		if f.File == "" && f.URL == "" {
			t.Errorf("process finding without --env-from-process: %q", f.Message)
		}
	}
}

func TestEnvFlagErrors(t *testing.T) {
	dir := writeTree(t, map[string]string{".env.example": "A=\n"})
	tests := []struct {
		name string
		arg  string
		want string
	}{
		{"missing file", "nope.env", "--env nope.env"},
		{"folder", ".", "is a folder"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runEnviron(t, dir, nil, "scan", "--env", tc.arg)
			if r.code != ExitError {
				t.Fatalf("exit %d, want %d\n%s", r.code, ExitError, r.stderr)
			}
			if !strings.Contains(r.stderr, tc.want) {
				t.Errorf("stderr %q lacks %q", r.stderr, tc.want)
			}
		})
	}
}

// TestEnvFileInsideCheckout names an ignored production env file inside
// the checkout: findings carry its path, and an empty process environment
// still counts as one (every required key is missing from it).
func TestEnvFileInsideCheckout(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".env.example":  "SESSION_SECRET=\n",
		"ops/.env.live": "SESSION_SECRET=changeme\n",
	})
	r := runEnviron(t, dir, nil, "scan", "--checks", "env", "--env", filepath.Join("ops", ".env.live"), "--env-from-process", "--format", "json")
	var got []string
	for _, f := range envFindings(t, r.stdout) {
		got = append(got, f.RuleID+"@"+f.File)
	}
	for _, want := range []string{"env/placeholder-secret@ops/.env.live", "env/missing-required-key@.env.example"} {
		if !slices.Contains(got, want) {
			t.Errorf("no %s in %v", want, got)
		}
	}
}
