package openapi

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/spec"
)

const weakenedBase = `openapi: 3.0.3
info: {title: portal, version: "1"}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://auth.example.com/authorize
          tokenUrl: https://auth.example.com/token
          scopes: {invoices:read: r, invoices:write: w, files:read: f, projects:read: p}
paths:
  /invoices/{invoiceId}:
    get:
      security: [{oauth: [invoices:read]}]
      responses: {"200": {description: ok}}
  /invoices:
    post:
      security: [{oauth: [invoices:write]}]
      responses: {"201": {description: ok}}
  /files/{fileId}:
    get:
      security: [{oauth: [files:read]}]
      responses: {"200": {description: ok}}
  /projects:
    get:
      security: [{oauth: [projects:read]}]
      responses: {"200": {description: ok}}
  /projects/{projectId}:
    delete:
      security: [{oauth: [projects:read]}]
      responses: {"204": {description: ok}}
  /status:
    get:
      security: [{oauth: []}]
      responses: {"200": {description: ok}}
`

// weakenedHead loosens four routes, tightens none, removes one and adds one.
const weakenedHead = `openapi: 3.0.3
info: {title: portal, version: "1"}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://auth.example.com/authorize
          tokenUrl: https://auth.example.com/token
          scopes: {invoices:read: r, invoices:write: w, files:read: f, projects:read: p}
paths:
  /invoices/{invoiceId}:
    get:
      responses: {"200": {description: ok}}
  /invoices:
    post:
      security: [{oauth: []}]
      responses: {"201": {description: ok}}
  /files/{fileId}:
    get:
      security: [{oauth: [files:read]}, {}]
      responses: {"200": {description: ok}}
  /projects:
    get:
      security: [{oauth: [projects:read]}]
      responses: {"200": {description: ok}}
  /status:
    get:
      security: []
      x-launchgate-public: "status page"
      responses: {"200": {description: ok}}
  /me:
    get:
      responses: {"200": {description: ok}}
`

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestAuthWeakenedGit commits a base and a head spec in a real repository
// whose root is above the scan root, and checks the range.
func TestAuthWeakenedGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is not installed; the diff tests need it (apt-get install git)")
	}
	repo := t.TempDir()
	root := filepath.Join(repo, "services", "portal")
	git(t, repo, "init", "-q", "-b", "main")
	writeFile(t, filepath.Join(root, "api", "openapi.yaml"), weakenedBase)
	git(t, repo, "add", ".")
	git(t, repo, "commit", "-q", "-m", "base")
	writeFile(t, filepath.Join(root, "api", "openapi.yaml"), weakenedHead)
	writeFile(t, filepath.Join(root, "api", "new.yaml"), weakenedHead)
	git(t, repo, "add", ".")
	git(t, repo, "commit", "-q", "-m", "head")

	target := &check.Target{
		Root:   root,
		Specs:  []string{"api/openapi.yaml", "api/new.yaml"},
		Config: config.Default(),
		Diff:   &check.Range{Base: "HEAD~1", Head: "HEAD"},
	}
	var got []string
	err := New().Run(context.Background(), target, func(r check.Report) {
		if r.Rule != ruleAuthWeakened {
			return
		}
		if r.File != "api/openapi.yaml" || r.Line == 0 || r.EndLine < r.Line {
			t.Errorf("%s placed at %s:%d-%d", r.Key, r.File, r.Line, r.EndLine)
		}
		got = append(got, r.Message)
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	want := []string{
		"GET /files/{fileId}: security was oauth[files:read], now oauth[files:read] or {} (anonymous)",
		"GET /invoices/{invoiceId}: security was oauth[invoices:read], now none",
		"GET /status: security was oauth, now [] (disabled); newly declared public with x-launchgate-public (\"status page\"), so the auth checks no longer cover it",
		"POST /invoices: security was oauth[invoices:write], now oauth",
	}
	if !slices.Equal(got, want) {
		t.Errorf("auth-weakened reports:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAuthWeakenedNotAGitRepo makes a diff scan outside git an error, not
// a silent pass.
func TestAuthWeakenedNotAGitRepo(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is not installed; the diff tests need it (apt-get install git)")
	}
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "openapi.yaml"), weakenedHead)
	target := &check.Target{Root: root, Specs: []string{"openapi.yaml"}, Config: config.Default(),
		Diff: &check.Range{Base: "main", Head: "HEAD"}}
	if err := New().Run(context.Background(), target, func(check.Report) {}); err == nil {
		t.Error("Run outside a git work tree succeeded")
	}
}

// TestAuthWeakenedRouteWrittenTwice: a route written twice is compared
// with every writing of it at base, so an unchanged document reports
// nothing, and a writing weaker than all of base's still does.
func TestAuthWeakenedRouteWrittenTwice(t *testing.T) {
	op := func(security *spec.Security, public string) *spec.Operation {
		o := &spec.Operation{Method: "GET", Path: "/invoices", Security: security, Extensions: map[string]any{}}
		if public != "" {
			o.Extensions[extPublic] = public
		}
		return o
	}
	bearer := &spec.Security{Requirements: []spec.Requirement{{Schemes: []spec.SchemeUse{{Name: "bearer"}}}}}
	none := &spec.Security{Requirements: []spec.Requirement{}}
	doc := func(ops ...*spec.Operation) *spec.Document {
		return &spec.Document{File: "openapi.yaml", Version: "3.0.3", Operations: ops,
			Schemes: map[string]*spec.SecurityScheme{"bearer": {Name: "bearer", Type: "http", Scheme: "bearer"}}}
	}
	tests := []struct {
		name       string
		base, head *spec.Document
		want       int
	}{
		{"unchanged, public then private", doc(op(none, "status"), op(bearer, "")), doc(op(none, "status"), op(bearer, "")), 0},
		{"unchanged, private then public", doc(op(bearer, ""), op(none, "status")), doc(op(bearer, ""), op(none, "status")), 0},
		{"writings swapped", doc(op(bearer, ""), op(none, "status")), doc(op(none, "status"), op(bearer, "")), 0},
		{"one writing weaker than both", doc(op(bearer, ""), op(bearer, "")), doc(op(bearer, ""), op(none, "")), 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			compareDocs(tc.base, tc.head, config.Default(), func(r check.Report) { got = append(got, r.Message) })
			if len(got) != tc.want {
				t.Errorf("got %d reports %q, want %d", len(got), got, tc.want)
			}
		})
	}
}

// The split documents of TestAuthWeakenedAcrossFiles: a root document
// whose path items live in paths/reports.yaml.
const (
	splitRoot = `openapi: 3.0.3
info: {title: split, version: "1"}
security:
  - bearerAuth: []
components:
  securitySchemes:
    bearerAuth: {type: http, scheme: bearer}
    apiKey: {type: apiKey, in: header, name: X-API-Key}
paths:
  /reports:
    $ref: "paths/reports.yaml#/reports"
  /reports/{reportId}:
    $ref: "paths/reports.yaml#/report"
  /exports:
    get:
      responses: {"200": {description: ok}}
`
	splitPaths = `reports:
  get:
    responses: {"200": {description: ok}}
report:
  get:
    security: [{bearerAuth: []}]
    parameters: [{name: reportId, in: path, required: true, schema: {type: string}}]
    responses: {"200": {description: ok}}
`
)

// TestAuthWeakenedAcrossFiles commits a split spec, then changes only the
// file a path item is $ref'd from, then only the root security: each
// weakens the operations it reaches, and each is reported in the file the
// operation is written in.
func TestAuthWeakenedAcrossFiles(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is not installed; the diff tests need it (apt-get install git)")
	}
	tests := []struct {
		name       string
		root, refd string
		want       []string
	}{
		{"path item in another file", splitRoot,
			strings.Replace(splitPaths, "    security: [{bearerAuth: []}]\n", "    security: [{}]\n", 1),
			[]string{"paths/reports.yaml GET /reports/{reportId}: security was bearerAuth, now {} (anonymous)"}},
		{"root security", strings.Replace(splitRoot, "  - bearerAuth: []\n", "  - bearerAuth: []\n  - apiKey: []\n  - {}\n", 1), splitPaths,
			[]string{
				"openapi.yaml GET /exports: security was bearerAuth, now bearerAuth or apiKey or {} (anonymous)",
				"paths/reports.yaml GET /reports: security was bearerAuth, now bearerAuth or apiKey or {} (anonymous)",
			}},
		{"unchanged", splitRoot, splitPaths, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			repo := t.TempDir()
			git(t, repo, "init", "-q", "-b", "main")
			writeFile(t, filepath.Join(repo, "openapi.yaml"), splitRoot)
			writeFile(t, filepath.Join(repo, "paths", "reports.yaml"), splitPaths)
			git(t, repo, "add", ".")
			git(t, repo, "commit", "-q", "-m", "base")
			writeFile(t, filepath.Join(repo, "openapi.yaml"), tc.root)
			writeFile(t, filepath.Join(repo, "paths", "reports.yaml"), tc.refd)
			git(t, repo, "add", ".")
			git(t, repo, "commit", "-q", "--allow-empty", "-m", "head")
			target := &check.Target{Root: repo, Specs: []string{"openapi.yaml"}, Config: config.Default(),
				Diff: &check.Range{Base: "HEAD~1", Head: "HEAD"}}
			var got []string
			err := New().Run(context.Background(), target, func(r check.Report) {
				if r.Rule == ruleAuthWeakened {
					got = append(got, r.File+" "+r.Message)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("auth-weakened reports:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
