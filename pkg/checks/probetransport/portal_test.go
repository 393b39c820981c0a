package probetransport

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/probe/portaltest"
	"github.com/launchgate/launchgate/pkg/spec"
)

// probePortal runs the check against a twin of the test portal with its
// spec and identities, and returns the reports and the requests sent.
func probePortal(t *testing.T, twin portaltest.Twin) ([]check.Report, int) {
	t.Helper()
	return probePortalTally(t, twin, nil)
}

// probePortalTally is probePortal, recording into tally.
func probePortalTally(t *testing.T, twin portaltest.Twin, tally *check.Tally) ([]check.Report, int) {
	t.Helper()
	p := portaltest.Start(t, twin)
	dir := portaltest.Dir()
	cfg, err := config.Load(filepath.Join(dir, ".launchgate.yml"))
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{}
	for _, kv := range p.Env() {
		k, v, _ := strings.Cut(kv, "=")
		vars[k] = v
	}
	ids, err := cfg.Probe.ExpandIdentities(func(k string) (string, bool) { v, ok := vars[k]; return v, ok })
	if err != nil {
		t.Fatal(err)
	}
	doc, problems := spec.Load(context.Background(), "openapi.yaml", spec.DirReader(dir), spec.Options{})
	if doc == nil || len(problems) > 0 {
		t.Fatalf("the portal's spec: %v", problems)
	}
	base, _ := url.Parse(p.URL)
	client, err := live.New(live.Options{Base: base, RootsFile: p.CAFile, RequestTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	got := runCheck(t, &check.Target{Root: dir, Config: cfg,
		Live: &check.Live{Base: base, Client: client, Docs: []*spec.Document{doc}, Identities: ids, Coverage: &check.Coverage{}}, Tally: tally})
	return got, client.Sent()
}

// TestPortalTwins: no twin of the test portal plants a transport
// problem, so none gives anything at high or above (the portal's expected
// findings list none of these rules), within a handful of requests.
func TestPortalTwins(t *testing.T) {
	for name, twin := range map[string]portaltest.Twin{"hardened": portaltest.Hardened, "vulnerable": portaltest.Vulnerable, "catchall": portaltest.CatchAll} {
		t.Run(name, func(t *testing.T) {
			got, sent := probePortal(t, twin)
			for _, rep := range got {
				if severity(t, rep) >= finding.High {
					t.Errorf("%s at %v: %s", rep.Rule, severity(t, rep), rep.Message)
				}
			}
			if sent > 3 {
				t.Errorf("%d requests sent, want at most 3", sent)
			}
		})
	}
}
