package cli

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/probe/portaltest"
	"github.com/launchgate/launchgate/pkg/report/sariftest"
)

// probeDir writes a spec of one secured operation and a config with one
// identity whose token comes from ${TOKEN}, and returns the folder.
func probeDir(t *testing.T, servers string) string {
	t.Helper()
	return writeTree(t, map[string]string{
		"openapi.yaml": "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n" + servers +
			"components:\n  securitySchemes:\n    bearer: {type: http, scheme: bearer}\nsecurity: [{bearer: []}]\n" +
			"paths:\n  /items:\n    get:\n      responses: {'200': {description: ok}, '401': {description: no}}\n",
		".launchgate.yml": "version: 1\nprobe:\n  identities:\n    - {name: alice, tenant: acme, headers: {Authorization: \"Bearer ${TOKEN}\"}}\n",
	})
}

func tokenEnv(token string) func(*Env) {
	return func(e *Env) {
		e.Getenv = func(k string) string {
			if k == "TOKEN" {
				return token
			}
			return ""
		}
	}
}

// An identity whose variable is unset is exit 2, naming the variable.
func TestProbeUnsetVariable(t *testing.T) {
	dir := probeDir(t, "")
	res := run(t, dir, "probe", "--url", "https://127.0.0.1:1", "--spec", "openapi.yaml")
	if res.code != ExitError || !strings.Contains(res.stderr, "${TOKEN}") || !strings.Contains(res.stderr, "alice") {
		t.Fatalf("exit %d, stderr %q; want 2 naming ${TOKEN} and alice", res.code, res.stderr)
	}
}

// Bad flags are exit 2 with what is wrong.
func TestProbeBadFlags(t *testing.T) {
	dir := probeDir(t, "")
	for _, args := range [][]string{
		{"probe", "--spec", "openapi.yaml"},
		{"probe", "--url", "ftp://example.com"},
		{"probe", "--url", "https://user:pw-9f8e7d@example.com"},
		{"probe", "--url", "https://example.com", "--max-requests", "0"},
		{"probe", "--url", "https://example.com", "--rate", "-1"},
		{"probe", "--url", "https://example.com", "extra"},
	} {
		res := runWith(t, dir, tokenEnv("tok-5c1d9a7e3b"), args...)
		if res.code != ExitError || res.stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a message", args, res.code, res.stderr)
		}
		if strings.Contains(res.stderr, "pw-9f8e7d") {
			t.Errorf("%v: the error shows the URL's password", args)
		}
	}
}

// A target nothing listens on is a blocking probe/unreachable finding,
// not a pass and not a hang.
func TestProbeUnreachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	res := runWith(t, probeDir(t, ""), tokenEnv("tok-5c1d9a7e3b"), "probe", "--url", "http://"+addr, "--rate", "0", "--format", "json")
	if res.code != ExitBlocking || !strings.Contains(res.stdout, "probe/unreachable") {
		t.Fatalf("exit %d, want 1 with probe/unreachable:\n%s\n%s", res.code, res.stdout, res.stderr)
	}
}

// Servers that hang, drip, answer 429 forever or refuse everything end
// the run within its time limit, with a finding that says nothing could
// be tested.
func TestProbeMisbehavingTargets(t *testing.T) {
	hang := make(chan struct{})
	t.Cleanup(func() { close(hang) })
	handlers := map[string]http.HandlerFunc{
		"hangs": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-hang:
			case <-r.Context().Done():
			}
		},
		"drips": func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(200)
			for i := 0; i < 600; i++ {
				if _, err := w.Write([]byte("x")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-time.After(time.Second):
				case <-r.Context().Done():
					return
				}
			}
		},
		"throttles forever": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
		},
		"refuses everything": func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "blocked by policy", http.StatusForbidden)
		},
	}
	for name, h := range handlers {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(h)
			defer srv.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			done := make(chan result, 1)
			go func() {
				done <- runWith(t, probeDir(t, ""), tokenEnv("tok-5c1d9a7e3b"), "probe", "--url", srv.URL, "--rate", "0", "--timeout", "4s", "--format", "json")
			}()
			select {
			case res := <-done:
				if res.code != ExitBlocking || !strings.Contains(res.stdout, "probe/unreachable") {
					t.Errorf("exit %d, want 1 with probe/unreachable:\n%s\n%s", res.code, res.stdout, res.stderr)
				}
			case <-ctx.Done():
				t.Fatal("the probe did not end within a minute of a 4s --timeout")
			}
		})
	}
}

// The request cap holds for the whole run, and the summary says where it
// stopped.
func TestProbeRequestCap(t *testing.T) {
	p := portaltest.Start(t, portaltest.Vulnerable)
	res := runWith(t, portaltest.Dir(), probeEnv(p), "probe", "--url", p.URL, "--spec", "openapi.yaml", "--rate", "0", "--max-requests", "15", "--format", "json", "--fail-on", "never")
	if res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	if n := len(p.Requests()); n > 15 {
		t.Errorf("the portal saw %d requests, over --max-requests 15", n)
	}
	if !strings.Contains(res.stderr, "request cap was reached") {
		t.Errorf("the summary does not say the cap was reached:\n%s", res.stderr)
	}
}

// Only the origin of --url is asked, whatever server the spec names; the
// spec server's path is where its operations are.
func TestProbeStaysOnOrigin(t *testing.T) {
	var asked atomic.Int64
	var mu sync.Mutex
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		http.Error(w, `{"error":"unauthorized"}`, http.StatusUnauthorized)
	}))
	defer srv.Close()
	dir := probeDir(t, "servers: [{url: 'https://api.elsewhere.example/v1'}]\n")
	res := runWith(t, dir, tokenEnv("tok-5c1d9a7e3b"), "probe", "--url", srv.URL, "--rate", "0", "--format", "json", "--fail-on", "never")
	if res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	if asked.Load() == 0 {
		t.Fatal("nothing reached --url")
	}
	mu.Lock()
	defer mu.Unlock()
	found := false
	for _, p := range paths {
		found = found || p == "/v1/items"
	}
	if !found {
		t.Errorf("GET /items was not asked under the spec server's /v1: %v", paths)
	}
}

// The probe's SARIF passes the schema and places findings on the spec.
func TestProbeSARIF(t *testing.T) {
	p := portaltest.Start(t, portaltest.Vulnerable)
	res := runWith(t, portaltest.Dir(), probeEnv(p), "probe", "--url", p.URL, "--spec", "openapi.yaml", "--rate", "0", "--format", "sarif", "--fail-on", "never")
	if res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	doc := sariftest.Check(t, sariftest.Schema(t), []byte(res.stdout))
	n := 0
	for _, r := range doc.Runs[0].Results {
		// The auth rules are about spec operations; the hygiene ones
		// may be about a path (/.env) and are placed on its URL.
		if !strings.HasPrefix(r.RuleID, "probe/") || r.RuleID == "probe/exposed-file" || r.RuleID == "probe/admin-surface-exposed" {
			continue
		}
		n++
		if len(r.Locations) == 0 || r.Locations[0].PhysicalLocation.ArtifactLocation.URI != "openapi.yaml" || r.Locations[0].PhysicalLocation.Region.StartLine < 1 {
			t.Errorf("%s is not placed on the spec: %+v", r.RuleID, r.Locations)
		}
	}
	if n < 5 {
		t.Errorf("only %d probe results", n)
	}
}
