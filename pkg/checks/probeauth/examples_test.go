package probeauth

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/probe/portaltest"
	"github.com/launchgate/launchgate/pkg/spec"

	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// scenario is the input of a rule example of rules/probe.yaml: a twin of
// the test portal, or a target that does not answer (closed) or refuses
// everything (forbidden).
type scenario struct {
	Twin   string   `yaml:"twin"`
	Target string   `yaml:"target"`
	Flags  []string `yaml:"flags"`
}

// TestExamples runs every example of the probe rules through the check,
// against the test portal over HTTPS or a target that cannot be probed:
// an example that must match fires its rule, one that must not does not.
func TestExamples(t *testing.T) {
	checktest.LiveExamples(t, Rules, rulesFired)
}

// rulesFired probes the scenario and returns the rules it reported.
func rulesFired(t *testing.T, sc scenario) []string {
	t.Helper()
	var base, caFile string
	var env []string
	switch {
	case sc.Twin != "":
		twin := map[string]portaltest.Twin{"vulnerable": portaltest.Vulnerable, "hardened": portaltest.Hardened, "catchall": portaltest.CatchAll}[sc.Twin]
		if twin == 0 {
			t.Fatalf("unknown twin %q", sc.Twin)
		}
		p := portaltest.Start(t, twin)
		base, caFile, env = p.URL, p.CAFile, p.Env()
	case sc.Target == "closed":
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		base = "http://" + l.Addr().String()
		l.Close()
	case sc.Target == "forbidden":
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "<html><title>Access denied</title></html>", http.StatusForbidden)
		}))
		t.Cleanup(srv.Close)
		base = srv.URL
	default:
		t.Fatalf("scenario %+v names no target", sc)
	}
	return probeRules(t, base, caFile, env, slices.Contains(sc.Flags, "--allow-writes"), nil)
}

// probeRules runs the check against base with the portal's spec and
// configuration, the identities' tokens taken from env, recording into
// tally (which may be nil).
func probeRules(t *testing.T, base, caFile string, env []string, allowWrites bool, tally *check.Tally) []string {
	t.Helper()
	dir := portaltest.Dir()
	cfg, err := config.Load(filepath.Join(dir, ".launchgate.yml"))
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		vars[k] = v
	}
	ids, err := cfg.Probe.ExpandIdentities(func(k string) (string, bool) {
		if v, ok := vars[k]; ok {
			return v, true
		}
		return "placeholder-" + k, true
	})
	if err != nil {
		t.Fatal(err)
	}
	doc, problems := spec.Load(context.Background(), "openapi.yaml", spec.DirReader(dir), spec.Options{})
	if doc == nil || len(problems) > 0 {
		t.Fatalf("the portal's spec: %v", problems)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	client, err := live.New(live.Options{Base: u, RootsFile: caFile, RequestTimeout: 2 * time.Second, AllowWrites: allowWrites})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	target := &check.Target{Root: dir, Config: cfg,
		Live: &check.Live{Base: u, Client: client, Docs: []*spec.Document{doc}, Identities: ids, AllowWrites: allowWrites}, Tally: tally}
	var got []string
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := New(nil).Run(ctx, target, func(r check.Report) { got = append(got, r.Rule) }); err != nil {
		t.Fatal(err)
	}
	return got
}
