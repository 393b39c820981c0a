package portaltest

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/spec"
	"go.yaml.in/yaml/v4"
)

// portalDir is testdata/probe/portal, the portal's spec, config and
// expected findings.
var portalDir = filepath.Join("..", "..", "..", "testdata", "probe", "portal")

// loadSpec loads the portal's spec with the project's loader and fails the
// test on any problem.
func loadSpec(t *testing.T) *spec.Document {
	t.Helper()
	doc, problems := spec.Load(context.Background(), "openapi.yaml", spec.DirReader(portalDir), spec.Options{})
	if len(problems) > 0 || doc == nil || doc.Partial {
		t.Fatalf("openapi.yaml does not load cleanly: %v", problems)
	}
	return doc
}

// probeConfig is the part of .launchgate.yml the portal's tests check.
type probeConfig struct {
	AdminPaths []string `yaml:"admin_paths"`
	Probe      struct {
		Identities []struct {
			Name    string            `yaml:"name"`
			Tenant  string            `yaml:"tenant"`
			Role    string            `yaml:"role"`
			Headers map[string]string `yaml:"headers"`
		} `yaml:"identities"`
		Objects map[string]map[string]string `yaml:"objects"`
	} `yaml:"probe"`
}

// loadConfig reads the portal's .launchgate.yml.
func loadConfig(t *testing.T) probeConfig {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(portalDir, ".launchgate.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var c probeConfig
	if err := yaml.Unmarshal(data, &c); err != nil {
		t.Fatalf(".launchgate.yml: %v", err)
	}
	return c
}

// loadExpected reads the portal's expected.txt, through Dir.
func loadExpected(t *testing.T) Expected {
	t.Helper()
	if abs, err := filepath.Abs(portalDir); err != nil || filepath.Clean(Dir()) != abs {
		t.Fatalf("Dir() = %s, want %s", Dir(), portalDir)
	}
	e, err := LoadExpected()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// credential is one way of (not) authenticating a request.
type credential struct {
	name string
	// header is the Authorization value; "" sends none.
	header func(a *API) string
	// condition is the expected.txt condition under which a probe has
	// this credential ("" for always).
	condition string
}

// invalidCredentials are what a correct server refuses on every secured
// operation: no credentials, and each kind of bad token built from
// alice's real one.
func invalidCredentials() []credential {
	return []credential{
		{name: "none", header: func(*API) string { return "" }},
		{name: "malformed", header: func(a *API) string { return "Bearer " + garbleLetters(a.tokens["alice"]) }},
		{name: "not a JWT", header: func(*API) string { return "Bearer not-a-token" }},
		{name: "expired forged", header: func(a *API) string {
			return "Bearer " + withClaims(a.tokens["alice"], func(c *claims) { c.Exp = time.Now().Add(-time.Hour).Unix() })
		}},
		{name: "alg none", header: func(a *API) string { return "Bearer " + algNone(a.tokens["alice"]) }},
		{name: "tampered signature", header: func(a *API) string { return "Bearer " + tamperSignature(a.tokens["alice"]) }},
		{name: "garbage basic", header: func(*API) string {
			return "Basic " + base64.StdEncoding.EncodeToString([]byte("garbage:garbage"))
		}},
		{name: "undecodable basic", header: func(*API) string { return "Basic %%%not-base64" }},
		{name: "signed expired", header: func(a *API) string { return "Bearer " + a.expired["alice"] }, condition: "signed-expired-token"},
	}
}

// identity is the credential of a named identity's own valid token.
func identity(name string) credential {
	return credential{name: name, header: func(a *API) string { return "Bearer " + a.tokens[name] }}
}

// garbleLetters replaces every letter and digit, keeping the dots.
func garbleLetters(tok string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '.':
			return r
		case r == 'x':
			return 'y'
		}
		return 'x'
	}, tok)
}

// withClaims rewrites tok's payload through edit and keeps its (now
// stale) signature, as a forger who lacks the key must.
func withClaims(tok string, edit func(*claims)) string {
	parts := strings.Split(tok, ".")
	var c claims
	if err := decodeSegment(parts[1], &c); err != nil {
		panic(err)
	}
	edit(&c)
	return parts[0] + "." + encodeSegment(c) + "." + parts[2]
}

// algNone is tok's payload under a header saying alg "none", unsigned.
func algNone(tok string) string {
	parts := strings.Split(tok, ".")
	return encodeSegment(jwtHeader{Alg: "none", Typ: "JWT"}) + "." + parts[1] + "."
}

// tamperSignature changes the first character of tok's signature.
func tamperSignature(tok string) string {
	i := strings.LastIndexByte(tok, '.') + 1
	c := byte('A')
	if tok[i] == 'A' {
		c = 'B'
	}
	return tok[:i] + string(c) + tok[i+1:]
}

// send answers one request with a's handler and returns its status and
// body.
func send(t *testing.T, a http.Handler, method, path, auth string) (int, string) {
	t.Helper()
	var body io.Reader
	if method == http.MethodPost || method == http.MethodPut {
		body = strings.NewReader(`{"name":"changed by the test","subject":"changed by the test"}`)
	}
	req := httptest.NewRequest(method, path, body)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	rec := httptest.NewRecorder()
	a.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// fill replaces the path parameters of template with tenant's objects
// from the configuration.
func fill(template string, objects map[string]string) string {
	for name, id := range objects {
		template = strings.ReplaceAll(template, "{"+name+"}", id)
	}
	return template
}

// listIDs returns the "id" of every item of a {"items": […]} body.
func listIDs(t *testing.T, body string) []string {
	t.Helper()
	var v struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("list body is not {\"items\": […]}: %v", err)
	}
	var ids []string
	for _, it := range v.Items {
		ids = append(ids, it.ID)
	}
	return ids
}

// ok reports a 2xx status.
func ok(status int) bool { return status >= 200 && status < 300 }

// basic is the base64 of user:pass, as Basic credentials carry it.
func basic(user, pass string) string {
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
}

// Short names for the spec model's types in function literals.
type (
	specOperation = spec.Operation
	specSchemeUse = spec.SchemeUse
)
