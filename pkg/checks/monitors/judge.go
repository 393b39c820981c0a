package monitors

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/checks/openapi"
	"github.com/launchgate/launchgate/pkg/spec"
)

// judge holds one run's monitors and reports on them.
type judge struct {
	in    inputs
	found found
	emit  func(check.Report)
	// specFile is the first spec document read, for findings about the
	// health route when no monitor file is there to point at.
	specFile string
	specLine int
}

func (j *judge) run(ctx context.Context) {
	declared := j.in.cfg.Monitoring.Declared()
	if declared {
		m := j.in.cfg.Monitoring
		j.record("monitoring declared in .launchgate.yml: %s (%s)%s; route coverage is not judged for monitors kept outside the repository", m.Provider, m.Reason, urlNote(m.URL))
	}
	for _, b := range j.found.broken {
		j.record("%s", b)
	}
	if len(j.found.monitors) == 0 {
		if !declared {
			j.notConfigured()
		}
		return
	}
	for _, f := range j.found.files {
		j.record("%s: %d %s in %s", f.provider, f.count, plural(f.count, "monitor", "monitors"), f.name)
	}
	slow := map[*monitor][]string{}
	if !declared {
		health, why := j.healthRoute(ctx)
		if health == nil {
			j.noHealthRoute(why)
		} else {
			j.cover(*health, "health", ruleHealth, slow)
		}
		for _, c := range j.in.cfg.Probe.Critical {
			if r, ok := parseRoute(c); ok {
				r.why = "probe.critical"
				j.cover(r, "critical route", ruleCritical, slow)
			}
		}
	}
	for _, m := range j.found.monitors {
		if routes := slow[m]; len(routes) > 0 {
			j.emit(check.Report{Rule: ruleSlow, File: m.file, Line: m.line, Key: key(ruleSlow, m),
				Message: fmt.Sprintf("%s, the fastest alerting monitor of %s, alerts only after %s (%s): more than %s into an outage",
					m.label(), strings.Join(routes, " and "), dur(m.alertAfter), m.arithmetic, dur(maxAlertDelay))})
		}
	}
	j.noChannels()
}

// cover reports a route no monitor calls, or records which monitor
// does and how fast it alerts, marking it slow past maxAlertDelay.
func (j *judge) cover(r route, what, rule string, slow map[*monitor][]string) {
	var calling, alerting []*monitor
	for _, m := range j.found.monitors {
		if m.hasPath && (covers(r.path, m.path) || r.alt != "" && covers(r.alt, m.path)) {
			calling = append(calling, m)
			if m.alerts() {
				alerting = append(alerting, m)
			}
		}
	}
	desc := fmt.Sprintf("%s %s (%s)", what, r, r.why)
	if len(calling) == 0 {
		first := j.found.monitors[0]
		j.emit(check.Report{Rule: rule, File: first.file, Line: first.line, Key: rule + "\x00" + r.String(),
			Message: fmt.Sprintf("no monitor calls the %s: of the %d %s defined, the paths called are %s%s",
				desc, len(j.found.monitors), plural(len(j.found.monitors), "monitor", "monitors"), monitoredPaths(j.found.monitors), j.brokenNote())})
		return
	}
	if len(alerting) == 0 {
		j.record("%s is checked by %s, which alerts no one", desc, calling[0].label())
		return
	}
	best := alerting[0]
	for _, m := range alerting[1:] {
		if m.alertAfter < best.alertAfter {
			best = m
		}
	}
	j.record("%s checked by %s in %s: %s, to %s", desc, best.label(), best.file, best.arithmetic, strings.Join(best.channels, ", "))
	if best.alertAfter > maxAlertDelay {
		slow[best] = append(slow[best], "the "+what+" "+r.String())
	}
}

// healthRoute is probe.health, else the spec's first health route; nil
// and why when neither names one.
func (j *judge) healthRoute(ctx context.Context) (*route, string) {
	if h := j.in.cfg.Probe.Health; h != "" {
		if r, ok := parseRoute(h); ok {
			r.why = "probe.health"
			return &r, ""
		}
		return nil, fmt.Sprintf("probe.health %q is not METHOD /path", trim(h))
	}
	for _, name := range j.in.specs {
		if ctx.Err() != nil {
			return nil, "the scan was stopped"
		}
		doc, _ := spec.Load(ctx, name, j.in.readSpec, j.in.specOpts)
		if doc == nil {
			continue
		}
		if j.specFile == "" {
			j.specFile, j.specLine = doc.File, max(doc.Loc.Line, 1)
		}
		prefix := serverPrefix(doc)
		for _, o := range doc.Operations {
			if openapi.HealthRoute(o.Method, o.Path) && !strings.Contains(o.Path, "{") {
				r := route{method: o.Method, path: o.Path, why: "the spec's health route", file: o.Loc.File, line: o.Loc.Line}
				if prefix != "" {
					r.alt = prefix + o.Path
				}
				return &r, ""
			}
		}
	}
	if len(j.in.specs) == 0 {
		return nil, "no health route is known: probe.health is not set and there is no OpenAPI document"
	}
	return nil, "no health route is known: probe.health is not set and the spec declares no GET /health, /healthz or /readyz"
}

// serverPrefix is the path of a document's first server ("/v1"), or "".
func serverPrefix(d *spec.Document) string {
	if len(d.Servers) == 0 || strings.Contains(d.Servers[0].URL, "{") {
		return ""
	}
	u, err := url.Parse(d.Servers[0].URL)
	if err != nil {
		return ""
	}
	return strings.TrimRight(u.Path, "/")
}

// noHealthRoute reports monitors that cannot be shown to watch the
// health route because none is known, at the spec when there is one.
func (j *judge) noHealthRoute(why string) {
	file, line := j.specFile, j.specLine
	if file == "" {
		first := j.found.monitors[0]
		file, line = first.file, first.line
	}
	j.emit(check.Report{Rule: ruleHealth, File: file, Line: line, Key: ruleHealth + "\x00(unknown)",
		Message: why + ", so no monitor can be shown to watch it; the monitored paths are " + monitoredPaths(j.found.monitors) + ". Declare the health route (probe.health in .launchgate.yml, or GET /health in the spec) and monitor it"})
}

// notConfigured reports a service with no monitors at all. The finding
// is about the whole checkout, so it sits at its root (SARIF writes the
// root as the artifact), not at a line of any file.
func (j *judge) notConfigured() {
	msg := "no monitors-as-code (Gatus, Checkly, Terraform UptimeRobot, Better Stack or Datadog Synthetics) were found in the checkout, and .launchgate.yml declares no monitoring: an outage of the service alerts no one" + j.brokenNote()
	j.emit(check.Report{Rule: ruleNotConfigured, Key: ruleNotConfigured, Message: msg})
}

// noChannels reports monitors that alert no one: once for a file none
// of whose monitors alerts, else once per such monitor.
func (j *judge) noChannels() {
	byFile := map[string][]*monitor{}
	for _, m := range j.found.monitors {
		byFile[m.file] = append(byFile[m.file], m)
	}
	for _, f := range j.found.files {
		ms := byFile[f.name]
		var silent []*monitor
		for _, m := range ms {
			if !m.alerts() {
				silent = append(silent, m)
			}
		}
		if len(silent) == 0 {
			continue
		}
		if len(silent) == len(ms) && len(ms) > 1 {
			j.emit(check.Report{Rule: ruleNoChannel, File: f.name, Line: ms[0].line, Key: ruleNoChannel + "\x00" + f.name,
				Message: fmt.Sprintf("none of the %d %s monitors in %s has an alert channel: %s", len(ms), f.provider, f.name, silentWhy(f.provider))})
			continue
		}
		for _, m := range silent {
			j.emit(check.Report{Rule: ruleNoChannel, File: m.file, Line: m.line, Key: key(ruleNoChannel, m),
				Message: fmt.Sprintf("%s has no alert channel: %s", m.label(), silentWhy(m.provider))})
		}
	}
}

// silentWhy says, per provider, what a monitor without alerts lacks.
func silentWhy(provider string) string {
	switch provider {
	case "Gatus":
		return "no enabled alerts: entry whose type is configured under alerting:, so an outage is seen and reported to nobody"
	case "Checkly":
		return "no alertChannels on the check, its group or the project's checkly.config, so an outage alerts nobody"
	case "UptimeRobot":
		return "no alert_contact block, so an outage alerts nobody"
	case "Better Stack":
		return "email, sms, call and push are all off and no policy_id is set, so an outage alerts nobody"
	case "Datadog":
		return "its message notifies no @slack-, @pagerduty-, @opsgenie-, @webhook- handle or email, so an outage alerts nobody"
	}
	return "an outage alerts nobody"
}

func (j *judge) record(format string, args ...any) { j.in.tally.Record(area, format, args...) }

// brokenNote names the monitor files that could not be read.
func (j *judge) brokenNote() string {
	if len(j.found.broken) == 0 {
		return ""
	}
	return "; " + strings.Join(j.found.broken, "; ")
}

// monitoredPaths lists the paths the monitors call, for messages.
func monitoredPaths(ms []*monitor) string {
	var paths []string
	for _, m := range ms {
		if m.hasPath {
			paths = append(paths, m.path)
		}
	}
	paths = unique(paths)
	if len(paths) == 0 {
		return "none (no monitor calls an http or https URL)"
	}
	if len(paths) > 8 {
		paths = append(paths[:8], "…")
	}
	return strings.Join(paths, ", ")
}

func key(rule string, m *monitor) string {
	return rule + "\x00" + m.file + "\x00" + m.name + "\x00" + m.url
}

func urlNote(u string) string {
	if u == "" {
		return ""
	}
	return " at " + u
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
