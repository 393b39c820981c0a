// Package probeauth is the live authentication and tenant-isolation
// check of `launchgate probe`: it replays every operation of the spec
// against the deployment with no credentials, with credentials a correct
// server refuses (malformed, expired, alg none, tampered, garbage Basic),
// with each identity's own token and with another tenant's, and reports
// what answered when it should have refused (rules/probe.yaml).
//
// It sends GET and HEAD only, unless --allow-writes; then mutating
// operations are sent with refusable credentials only, so a correct
// deployment changes nothing. A response that looks like what the host
// answers for a path that cannot exist (a single-page app's index.html, a
// soft 404) is never counted as access: the run calibrates against such
// paths first.
package probeauth

import (
	"context"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
)

// The rule IDs of rules/probe.yaml.
const (
	ruleUnauth      = "probe/unauthenticated-access"
	ruleInvalid     = "probe/invalid-token-accepted"
	ruleCross       = "probe/cross-tenant-access"
	ruleListLeak    = "probe/cross-tenant-list-leak"
	rulePrivilege   = "probe/privilege-escalation"
	ruleUnreachable = "probe/unreachable"
)

// Rules lists the rules the check emits.
var Rules = []string{ruleUnauth, ruleInvalid, ruleCross, ruleListLeak, rulePrivilege, ruleUnreachable}

// New returns the check. now dates the expired JWTs it builds.
func New(now func() time.Time) *check.Check {
	if now == nil {
		now = time.Now
	}
	return &check.Check{
		Name: "probe-auth",
		Doc: `authentication and tenant isolation, live

Replays each spec operation against the deployment without credentials,
with invalid ones, and with another tenant's, and reports what answered
when it should have refused: unauthenticated access, accepted invalid
tokens, cross-tenant reads and writes, list leaks and admin operations
open to ordinary users.`,
		Areas: []string{"auth", "tenant"},
		Rules: Rules,
		Applies: func(t *check.Target) bool {
			return t.Live != nil && len(t.Live.Docs) > 0
		},
		Run: func(ctx context.Context, t *check.Target, emit func(check.Report)) error {
			r := newRun(t, now(), emit)
			return r.run(ctx, t.Tally)
		},
	}
}
