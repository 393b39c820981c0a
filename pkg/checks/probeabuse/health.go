package probeabuse

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/checks/openapi"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/live"
)

// health calls the health route once, anonymously: high when it is not a
// 2xx within the budget, low when its JSON tells versions, hosts or
// database details.
func (r *run) health(ctx context.Context) {
	method, path, ok := r.healthRoute()
	if !ok {
		r.lt.Coverage.Note("probe-abuse: no health route to call (set probe.health, or declare one in the spec)")
		r.ev.health = "no health route called (set probe.health, or declare one in the spec)"
		return
	}
	rt := method + " " + path
	loc := r.lt.Locate(method, path)
	base := check.Report{Rule: ruleHealth, URL: r.lt.Client.Origin() + path, File: loc.File, Line: loc.Line, Key: ruleHealth + "\x00" + rt}
	resp, err := r.lt.Client.Do(ctx, live.Request{Method: method, Path: path, Header: http.Header{}})
	switch {
	case ctx.Err() != nil:
		return
	case errors.Is(err, live.ErrRequestCap):
		r.capped = true
		return
	case err != nil:
		r.ev.health = "health " + rt + " did not answer"
		base.Message = rt + " did not answer: " + err.Error()
		r.emit(base)
		return
	}
	if len(r.headers) < maxHeaders {
		r.headers = append(r.headers, resp.Header)
	}
	budget := r.budget()
	r.ev.health = fmt.Sprintf("health %s answered %d in %s", rt, resp.Status, spaced(resp.Elapsed))
	switch {
	case resp.Status < 200 || resp.Status > 299:
		base.Message = fmt.Sprintf("%s answered %d, not a 2xx", rt, resp.Status)
	case r.lt.Base != nil && r.lt.Base.Scheme != "https":
		base.Message = rt + " answered over plain HTTP, not HTTPS"
	case resp.Elapsed > budget:
		base.Message = fmt.Sprintf("%s took %s, over the %s budget", rt, ms(resp.Elapsed), ms(budget))
	default:
		if keys := leakyKeys(resp.Body); len(keys) > 0 {
			base.Message = rt + " tells anonymous callers: " + strings.Join(keys, ", ")
			base.Capped, base.MaxSeverity = true, finding.Low
			r.emit(base)
		}
		return
	}
	r.emit(base)
}

// budget is probe.latency_budget_ms, or the default.
func (r *run) budget() time.Duration {
	if r.cfg.Probe.LatencyBudgetMS > 0 {
		return time.Duration(r.cfg.Probe.LatencyBudgetMS) * time.Millisecond
	}
	return defaultBudgetMS * time.Millisecond
}

// healthRoute is probe.health, else the first spec operation the static
// check takes for a health route.
func (r *run) healthRoute() (method, path string, ok bool) {
	if r.cfg.Probe.Health != "" {
		method, path, ok = route(r.cfg.Probe.Health)
		return method, path, ok && !hasParam(path)
	}
	for _, d := range r.lt.Docs {
		for _, o := range d.Operations {
			if openapi.HealthRoute(o.Method, o.Path) && !hasParam(o.Path) {
				return o.Method, r.lt.SpecPrefix(d) + o.Path, true
			}
		}
	}
	return "", "", false
}
