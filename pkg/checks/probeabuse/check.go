// Package probeabuse is the live abuse-resistance check of `launchgate
// probe`: it asks the deployment whether browsers on forged origins may
// read authenticated answers (CORS), whether failed sign-ins are
// throttled, whether critical routes answer within the latency budget,
// whether the health route is up and discreet, and whether a CDN or WAF
// stands in front of the host (rules/abuse.yaml).
//
// It sends GET and OPTIONS only, except the sign-in burst, which needs
// --allow-writes and a probe.login route, and sends credentials a correct
// server refuses only. Every loop is bounded; the client bounds the rate
// and the total.
package probeabuse

import (
	"context"

	"github.com/launchgate/launchgate/pkg/check"
)

// The rule IDs of rules/abuse.yaml.
const (
	ruleCORS    = "cors/forged-origin-allowed"
	ruleLogin   = "ratelimit/login-not-throttled"
	ruleLatency = "probe/latency-over-budget"
	ruleHealth  = "probe/health-endpoint-down"
	ruleEdge    = "probe/no-edge-protection"
)

// Rules lists the rules the check emits.
var Rules = []string{ruleCORS, ruleLogin, ruleLatency, ruleHealth, ruleEdge}

// New returns the check.
func New() *check.Check {
	return &check.Check{
		Name: "probe-abuse",
		Doc: `CORS, rate limiting and monitoring, live

Sends forged Origins to authenticated operations, a bounded burst of failed
sign-ins (with --allow-writes), latency samples of the critical routes and
a request to the health route, and reports forged origins the deployment
trusts, sign-ins it never throttles, routes over the latency budget, a
health route that is down or talkative, and a host with no CDN or WAF.`,
		Areas: []string{"cors", "ratelimit", "monitoring", "edge"},
		Rules: Rules,
		Applies: func(t *check.Target) bool {
			return t.Live != nil
		},
		Run: func(ctx context.Context, t *check.Target, emit func(check.Report)) error {
			return newRun(t, emit).run(ctx, t.Tally)
		},
	}
}
