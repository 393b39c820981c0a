package probeabuse

import (
	"context"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/spec"
)

// testSpec is the API the test server serves.
const testSpec = `openapi: 3.0.3
info: {title: t, version: "1"}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
security: [{bearer: []}]
paths:
  /api/invoices:
    get:
      responses: {"200": {description: ok}}
  /api/invoices/{id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
  /healthz:
    get:
      security: []
      responses: {"200": {description: ok}}
  /api/login:
    post:
      security: []
      responses: {"200": {description: ok}}
`

// allowedOrigin is the origin the test configuration allows.
const allowedOrigin = "https://app.example.test"

// scenario says how the test server answers and how the probe is set up.
// It is also the input of the rule examples in rules/abuse.yaml.
type scenario struct {
	CORS     string            `yaml:"cors"`      // reflect-credentials, reflect, allowlist, null, wildcard-credentials; else none
	Login    string            `yaml:"login"`     // open (401 always), throttle (429 after 5), page (200 HTML)
	DelayMS  int               `yaml:"delay_ms"`  // delay of GET /api/invoices
	BudgetMS int               `yaml:"budget_ms"` // probe.latency_budget_ms
	Health   string            `yaml:"health"`    // ok (default), down (503), leaky
	Headers  map[string]string `yaml:"headers"`   // added to every response
	Host     string            `yaml:"host"`      // the public host --url names; loopback when empty
	Allowed  []string          `yaml:"allowed_origins"`
	Flags    []string          `yaml:"flags"`
}

// counts are the requests the test server got, by method.
type counts struct{ get, options, post, other atomic.Int64 }

// handler serves sc.
func (sc scenario) handler(n *counts) http.Handler {
	var logins atomic.Int64
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet:
			n.get.Add(1)
		case http.MethodOptions:
			n.options.Add(1)
		case http.MethodPost:
			n.post.Add(1)
		default:
			n.other.Add(1)
		}
		for k, v := range sc.Headers {
			w.Header().Set(k, v)
		}
		sc.corsHeaders(w, r.Header.Get("Origin"))
		switch {
		case r.Method == http.MethodOptions:
			w.WriteHeader(http.StatusNoContent)
		case r.URL.Path == "/api/login" && r.Method == http.MethodPost:
			if sc.Login == "page" {
				w.Header().Set("Content-Type", "text/html")
				w.Write([]byte("<!doctype html><div id=root></div>"))
				return
			}
			if sc.Login == "throttle" && logins.Add(1) > 5 {
				w.Header().Set("Retry-After", "60")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			http.Error(w, `{"error":"invalid credentials"}`, http.StatusUnauthorized)
		case r.URL.Path == "/healthz":
			sc.healthAnswer(w)
		case r.URL.Path == "/api/invoices":
			if sc.DelayMS > 0 {
				time.Sleep(time.Duration(sc.DelayMS) * time.Millisecond)
			}
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`[{"id":"inv_1"}]`))
		default:
			http.NotFound(w, r)
		}
	})
}

// corsHeaders answers origin as sc.CORS says.
func (sc scenario) corsHeaders(w http.ResponseWriter, origin string) {
	if origin == "" {
		return
	}
	h := w.Header()
	switch sc.CORS {
	case "reflect-credentials":
		h.Set("Access-Control-Allow-Origin", origin)
		h.Set("Access-Control-Allow-Credentials", "true")
	case "reflect":
		h.Set("Access-Control-Allow-Origin", origin)
	case "allowlist":
		if origin == allowedOrigin {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Credentials", "true")
		}
	case "null":
		if origin == "null" {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Credentials", "true")
		}
	case "wildcard-credentials":
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Access-Control-Allow-Credentials", "true")
	}
}

// healthAnswer answers the health route as sc.Health says.
func (sc scenario) healthAnswer(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	switch sc.Health {
	case "down":
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(`{"status":"down"}`))
	case "leaky":
		w.Write([]byte(`{"status":"ok","version":"4.2.1","database":{"status":"up","host":"db-primary.internal"}}`))
	default:
		w.Write([]byte(`{"status":"ok","database":"up"}`))
	}
}

// result is what one probe of a scenario did.
type result struct {
	reports  []check.Report
	counts   *counts
	coverage *check.Coverage
	// tally is what the run recorded for the scorecard.
	tally *check.Tally
}

// fired lists the rules reported.
func (res result) fired() []string {
	var out []string
	for _, r := range res.reports {
		out = append(out, r.Rule)
	}
	return out
}

// probeScenario serves sc over HTTPS on loopback and runs the check
// against it.
func probeScenario(t *testing.T, sc scenario) result {
	t.Helper()
	n := &counts{}
	srv := httptest.NewTLSServer(sc.handler(n))
	t.Cleanup(srv.Close)
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(srv.URL)
	allowWrites := false
	for _, f := range sc.Flags {
		allowWrites = allowWrites || f == "--allow-writes"
	}
	client, err := live.New(live.Options{Base: u, RootsFile: caFile, RequestTimeout: 2 * time.Second, AllowWrites: allowWrites})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	doc, problems := spec.Load(context.Background(), "api.yaml", spec.MapReader(map[string]string{"api.yaml": testSpec}), spec.Options{})
	if doc == nil || len(problems) > 0 {
		t.Fatal(problems)
	}
	cfg := config.Default()
	cfg.CORS.AllowedOrigins = append([]string{allowedOrigin}, sc.Allowed...)
	cfg.Probe.Login = "POST /api/login"
	cfg.Probe.Critical = []string{"GET /api/invoices"}
	cfg.Probe.LatencyBudgetMS = sc.BudgetMS
	base := u
	if sc.Host != "" {
		// The deployment as reached through its public name; the client
		// still sends to the loopback server, as DNS would map it.
		base = &url.URL{Scheme: u.Scheme, Host: sc.Host}
	}
	cov := &check.Coverage{}
	ids := []config.Identity{{Name: "alice", Tenant: "a", Headers: map[string]string{"Authorization": "Bearer test-token-alice"}}}
	target := &check.Target{Config: cfg, Live: &check.Live{Base: base, Client: client, Docs: []*spec.Document{doc},
		Identities: ids, AllowWrites: allowWrites, Coverage: cov}, Tally: &check.Tally{}}
	var got []check.Report
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := New().Run(ctx, target, func(r check.Report) { got = append(got, r) }); err != nil {
		t.Fatal(err)
	}
	return result{reports: got, counts: n, coverage: cov, tally: target.Tally}
}

// reportsOf are the reports of rule.
func reportsOf(res result, rule string) []check.Report {
	var out []check.Report
	for _, r := range res.reports {
		if r.Rule == rule {
			out = append(out, r)
		}
	}
	return out
}
