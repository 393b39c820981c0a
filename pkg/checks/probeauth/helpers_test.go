package probeauth

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/spec"
)

// probeServed runs the check on the operations of specYAML served by h
// over plain HTTP on loopback, with cfg and ids, and returns its reports.
func probeServed(t *testing.T, specYAML string, h http.Handler, cfg *config.Config, ids []config.Identity) []check.Report {
	t.Helper()
	return probeServedTally(t, specYAML, h, cfg, ids, nil)
}

// probeServedTally is probeServed recording into tally.
func probeServedTally(t *testing.T, specYAML string, h http.Handler, cfg *config.Config, ids []config.Identity, tally *check.Tally) []check.Report {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	client, err := live.New(live.Options{Base: u, RequestTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	doc, problems := spec.Load(context.Background(), "api.yaml", spec.MapReader(map[string]string{"api.yaml": specYAML}), spec.Options{})
	if doc == nil || len(problems) > 0 {
		t.Fatal(problems)
	}
	if cfg == nil {
		cfg = config.Default()
	}
	target := &check.Target{Config: cfg, Live: &check.Live{Base: u, Client: client, Docs: []*spec.Document{doc}, Identities: ids}, Tally: tally}
	var got []check.Report
	if err := New(nil).Run(context.Background(), target, func(r check.Report) { got = append(got, r) }); err != nil {
		t.Fatal(err)
	}
	return got
}
