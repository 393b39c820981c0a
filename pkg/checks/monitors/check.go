// Package monitors is the monitors check: it reads the uptime monitors a
// checkout keeps as code (Gatus configuration, Checkly constructs,
// Terraform resources of UptimeRobot, Better Stack and Datadog
// Synthetics), and reports a service without any, a health route or
// probe.critical route no monitor calls, a monitor of those routes that
// alerts more than 5 minutes into an outage, and monitors that alert no
// one (rules/monitoring.yaml).
//
// Monitors call production hosts the repository does not name, so a
// monitor covers a route when its URL's path matches the route's path
// template, whatever the host. Files under test, fixture, example and
// docs folders are not monitors. A project whose monitors live in a
// vendor's UI declares them under monitoring: in .launchgate.yml; the
// check then does not ask for monitors-as-code, and judges no route
// coverage, since it cannot see those monitors.
package monitors

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/spec"
)

// The rule IDs of the monitors check, described in rules/monitoring.yaml.
const (
	ruleNotConfigured = "monitoring/not-configured"
	ruleHealth        = "monitoring/health-not-monitored"
	ruleCritical      = "monitoring/critical-route-not-monitored"
	ruleSlow          = "monitoring/alert-too-slow"
	ruleNoChannel     = "monitoring/no-alert-channel"
)

// Rules lists the rules the check emits.
var Rules = []string{ruleSlow, ruleCritical, ruleHealth, ruleNoChannel, ruleNotConfigured}

// area is the scorecard row the check records its evidence under.
const area = "monitoring"

// inputs is everything one run looks at.
type inputs struct {
	files check.Files
	// specs are the OpenAPI documents, read through readSpec, that name
	// the health route when probe.health does not.
	specs    []string
	readSpec spec.ReadFunc
	specOpts spec.Options
	cfg      *config.Config
	tally    *check.Tally
	log      *slog.Logger
}

// New returns the monitors check.
func New() *check.Check {
	return &check.Check{
		Name: "monitors",
		Doc: `monitors-as-code cover the health and critical routes

Reads Gatus configuration, Checkly constructs and Terraform monitors
(UptimeRobot, Better Stack, Datadog Synthetics): a deployable service with
no monitor, a health or probe.critical route no monitor calls, monitors
that alert more than 5 minutes into an outage, and monitors that alert no
one. Monitors kept in a vendor's UI are declared under monitoring: in
.launchgate.yml.`,
		Areas: []string{area},
		Rules: Rules,
		Applies: func(t *check.Target) bool {
			if t.Tree == nil {
				return false
			}
			return t.Config != nil && t.Config.Monitoring.Declared() || hasMonitorFiles(t.Tree.Files()) || deployable(t.Tree.Files(), len(t.Specs) > 0)
		},
		Run: func(ctx context.Context, t *check.Target, emit func(check.Report)) error {
			cfg := t.Config
			if cfg == nil {
				cfg = config.Default()
			}
			in := inputs{files: t.Tree, specs: t.Specs, readSpec: spec.DirReader(t.Root),
				specOpts: spec.Options{MaxBytes: int64(cfg.Limits.MaxSpecBytes)}, cfg: cfg,
				tally: t.Tally, log: t.Logger}
			return run(ctx, in, emit)
		},
	}
}

// hasMonitorFiles reports a file that by its name is monitors-as-code:
// Checkly's config or checks, or a gatus.yaml.
func hasMonitorFiles(files []string) bool {
	for _, f := range files {
		if skipped(f) {
			continue
		}
		if maybeCheckly(f) || gatusNames[filepath.Base(f)] && strings.HasPrefix(filepath.Base(f), "gatus") {
			return true
		}
	}
	return false
}

// run reads the monitors and judges them.
func run(ctx context.Context, in inputs, emit func(check.Report)) error {
	if in.log == nil {
		in.log = slog.New(slog.DiscardHandler)
	}
	if in.cfg == nil {
		in.cfg = config.Default()
	}
	found, err := readMonitors(ctx, in, emit)
	if err != nil {
		return err
	}
	j := &judge{in: in, found: found, emit: emit}
	j.run(ctx)
	return nil
}
