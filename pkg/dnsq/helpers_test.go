package dnsq

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/dnstest"
)

const zoneFile = "../../testdata/dns/dnsq/example.test.zone"

// client returns a Client for the given servers with short timeouts.
func client(t *testing.T, o Options, servers ...*dnstest.Server) *Client {
	t.Helper()
	for _, s := range servers {
		o.Servers = append(o.Servers, s.Addr)
	}
	if o.Timeout == 0 {
		o.Timeout = 500 * time.Millisecond
	}
	c, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// testCtx is a context that ends well before the test binary's timeout,
// so a hung lookup fails with a deadline instead of hanging the run.
func testCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// wantKind fails the test unless err is of kind.
func wantKind(t *testing.T, err, kind error) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("error %v, want %v", err, kind)
	}
}
