// Package probetransport is the live transport check of `launchgate
// probe`: it looks at how the deployment speaks HTTP and TLS — whether
// its certificate verifies and for how long, whether it still accepts TLS
// 1.0/1.1 or a weak key, whether plain http redirects to https, and what
// the responses of a few GETs say in their headers (HSTS, the headers
// browsers need, session cookies, version banners) — and reports what a
// hardened deployment would not do (rules/transport-live.yaml).
//
// It sends a handful of GET requests through the run's client, at most
// a few to the plain-http origin through its own capped client, and one
// extra TLS handshake of its own, verified against the same roots as the
// client, to see whether TLS 1.1 or older is accepted.
package probetransport

import (
	"context"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
)

// The rule IDs of rules/transport-live.yaml.
const (
	ruleInvalid   = "transport/certificate-invalid"
	ruleExpiring  = "transport/certificate-expiring"
	ruleWeakTLS   = "transport/weak-tls"
	ruleHSTS      = "transport/hsts-missing"
	ruleHeaders   = "transport/security-headers-missing"
	ruleCookie    = "transport/insecure-cookie"
	ruleVersion   = "transport/version-disclosed"
	ruleHTTPPlain = "transport/http-not-redirected"
)

// Rules lists the rules the check emits.
var Rules = []string{ruleInvalid, ruleExpiring, ruleWeakTLS, ruleHSTS, ruleHeaders, ruleCookie, ruleVersion, ruleHTTPPlain}

// New returns the check. now tells certificate expiry (time.Now when nil).
func New(now func() time.Time) *check.Check {
	if now == nil {
		now = time.Now
	}
	return &check.Check{
		Name: "probe-transport",
		Doc: `TLS and HTTP transport hygiene, live

Verifies the deployment's certificate and how long it stays valid, tries
a TLS 1.1 handshake, follows plain http to see whether it redirects to
https on the same host, and reads the headers of a few GET responses:
HSTS, frame, content-type and referrer policies, caching of
authenticated JSON, session cookie attributes and version banners.`,
		Areas: []string{"transport"},
		Rules: Rules,
		Applies: func(t *check.Target) bool {
			return t.Live != nil
		},
		Run: func(ctx context.Context, t *check.Target, emit func(check.Report)) error {
			r := newRun(t, now(), emit)
			r.run(ctx, t.Tally)
			return nil
		},
	}
}
