package probeabuse

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/live"
)

// Latency sampling bounds.
const (
	warmups    = 3
	minSamples = 30
	// defaultBudgetMS is the p95 budget when probe.latency_budget_ms is 0.
	defaultBudgetMS = 500
	// maxFailures is how many requests of one route may fail before it
	// is given up.
	maxFailures = 3
)

// latency measures each probe.critical read route for each identity (or
// anonymously when there is none): warm-ups, then minSamples requests,
// and reports a p95 over the budget. Writes are not sampled.
func (r *run) latency(ctx context.Context) {
	budget := r.budget()
	for _, rt := range r.cfg.Probe.Critical {
		method, path, ok := route(rt)
		if !ok || hasParam(path) || (method != "GET" && method != "HEAD") {
			r.lt.Coverage.Skipped(rt, "latency is sampled on GET and HEAD routes without path parameters only")
			continue
		}
		for _, id := range r.sampleIdentities() {
			r.sampleRoute(ctx, rt, id, live.Request{Method: method, Path: path, Header: id.header}, budget)
		}
	}
}

// sampler is who a route is sampled as.
type sampler struct {
	name   string
	header http.Header
}

// sampleIdentities are the identities, or one anonymous caller.
func (r *run) sampleIdentities() []sampler {
	if len(r.lt.Identities) == 0 {
		return []sampler{{name: "anonymous"}}
	}
	var out []sampler
	for _, id := range r.lt.Identities {
		h := http.Header{}
		for k, v := range id.Headers {
			h.Set(k, v)
		}
		out = append(out, sampler{name: id.Name, header: h})
	}
	return out
}

// sampleRoute warms the route up and samples it; the client spaces the
// requests by its rate and stops at its cap. A request that fails is
// not a sample; at most maxFailures may fail before the route is given
// up, so the loop is bounded.
func (r *run) sampleRoute(ctx context.Context, rt string, id sampler, req live.Request, budget time.Duration) {
	var samples []time.Duration
	ok, failed := 0, 0
	for ok < warmups+minSamples && failed <= maxFailures && ctx.Err() == nil && !r.capped {
		resp := r.send(ctx, req)
		if resp == nil {
			failed++
			continue
		}
		if ok >= warmups {
			samples = append(samples, resp.Elapsed)
		}
		ok++
	}
	if len(samples) < minSamples {
		r.lt.Coverage.Note(fmt.Sprintf("probe-abuse: %s as %s: only %d latency samples; not judged", rt, id.name, len(samples)))
		r.ev.latency = append(r.ev.latency, sampled{route: rt, who: id.name, n: len(samples)})
		return
	}
	p50, p95, p99 := percentile(samples, 50), percentile(samples, 95), percentile(samples, 99)
	r.ev.latency = append(r.ev.latency, sampled{route: rt, who: id.name, p50: p50, p95: p95, p99: p99, n: len(samples)})
	r.lt.Coverage.Note(fmt.Sprintf("latency %s as %s: n=%d p50=%s p95=%s p99=%s budget=%s",
		rt, id.name, len(samples), ms(p50), ms(p95), ms(p99), ms(budget)))
	if p95 > budget {
		loc := r.lt.Locate(req.Method, req.Path)
		r.emit(check.Report{Rule: ruleLatency, URL: r.lt.Client.Origin() + req.Path, File: loc.File, Line: loc.Line,
			Message: fmt.Sprintf("%s as %s: p95 %s over the %s budget (p50 %s, p99 %s, %d samples)", rt, id.name, ms(p95), ms(budget), ms(p50), ms(p99), len(samples)),
			Key:     ruleLatency + "\x00" + rt + "\x00" + id.name})
	}
}

// percentile is the nearest-rank p-th percentile of d (not empty).
func percentile(d []time.Duration, p int) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	rank := (p*len(s) + 99) / 100
	return s[max(rank, 1)-1]
}

// ms prints d in milliseconds: whole ones from 10 ms, tenths below.
func ms(d time.Duration) string {
	if d < 10*time.Millisecond {
		return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000)
	}
	return fmt.Sprintf("%dms", d.Milliseconds())
}
