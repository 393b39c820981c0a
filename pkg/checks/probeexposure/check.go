// Package probeexposure is the exposure check of `launchgate probe`: it
// asks the deployment for a short, curated list of files and consoles that
// must never be served (environment files, version-control metadata,
// database dumps, framework debug consoles), follows the JavaScript the
// home page loads to its source maps, provokes error responses on the
// spec's routes and looks for stack traces in them, and looks for admin
// pages open to anonymous callers (rules/exposure.yaml).
//
// Nothing is judged by status alone: each file has a content signature,
// and an answer that looks like what the host gives a path that cannot
// exist (a single-page app's index.html, a soft 404) is never a finding.
// Everything fetched goes through the secrets engine; a secret makes the
// finding critical and is named by its kind, never its value. It sends GET
// requests only, at most maxRequests of them.
package probeexposure

import (
	"context"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/secrets"
)

// The rule IDs of rules/exposure.yaml.
const (
	ruleFile  = "probe/exposed-file"
	ruleStack = "probe/stack-trace-exposed"
	ruleAdmin = "probe/admin-surface-exposed"
)

// Rules lists the rules the check emits.
var Rules = []string{ruleFile, ruleStack, ruleAdmin}

// New returns the check, scanning what it fetches with the engine engine
// returns (the registry's shared one).
func New(engine func() (*secrets.Engine, error)) *check.Check {
	return &check.Check{
		Name: "probe-exposure",
		Doc: `exposed files, source maps, stack traces and admin pages, live

Asks the deployment for environment files, version-control metadata,
dumps and framework debug consoles, judged by their content and against
the host's catch-all page; follows the home page's JavaScript to source
maps that carry the original sources; provokes error responses on the
spec's routes and reports stack traces and debug pages; and reports admin
pages anonymous callers can open. Secrets in anything fetched are
reported by kind, redacted.`,
		Areas: []string{"secrets", "config"},
		Rules: Rules,
		Applies: func(t *check.Target) bool {
			return t.Live != nil
		},
		Run: func(ctx context.Context, t *check.Target, emit func(check.Report)) error {
			eng, err := engine()
			if err != nil {
				return err
			}
			return newRun(t, eng, emit).run(ctx)
		},
	}
}
