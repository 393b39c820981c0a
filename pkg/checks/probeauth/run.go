package probeauth

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/probe/calibrate"
)

// workers is how many operations are probed at once; the client bounds
// what is in flight and the rate.
const workers = 4

// run is one probe of one deployment.
type run struct {
	lt   *check.Live
	cfg  *config.Config
	now  time.Time
	ops  []*op
	prof *calibrate.Profile

	mu   sync.Mutex
	emit func(check.Report)
	// lists holds what each identity's list requests returned, by
	// identity name and operation key.
	lists map[string]map[string]*live.Response
	// seen counts responses by how they answered, to tell a target
	// that refuses everything.
	seen tally
	// capped says the request cap was reached.
	capped bool
	// judged counts the operations whose request without credentials got
	// an answer that decides something (not a 429 or a server error);
	// firstErr is the first request that failed.
	judged   int
	firstErr error
	// ev is what the run verified, for the scorecard.
	ev evidence
}

func newRun(t *check.Target, now time.Time, emit func(check.Report)) *run {
	cfg := t.Config
	if cfg == nil {
		cfg = config.Default()
	}
	lt := t.Live
	if lt.Coverage == nil {
		lt.Coverage = &check.Coverage{}
	}
	return &run{lt: lt, cfg: cfg, now: now, emit: emit, ev: newEvidence(),
		ops: collectOps(lt, cfg), lists: map[string]map[string]*live.Response{}}
}

// report emits r, safely from several goroutines.
func (r *run) report(rep check.Report) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.emit(rep)
}

func (r *run) run(ctx context.Context, t *check.Tally) error {
	if !r.calibrate(ctx) {
		t.Record("auth", "%s: no answer to the first requests; no operation probed", r.lt.Client.Origin())
		return nil
	}
	defer r.record(t)
	r.harvest(ctx)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for _, p := range r.ops {
		g.Go(func() error {
			r.probe(gctx, p)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	r.listLeaks()
	if r.capped {
		r.lt.Coverage.Note(fmt.Sprintf("the request cap was reached after %d requests; raise --max-requests to probe the rest", r.lt.Client.Sent()))
	}
	if ctx.Err() != nil {
		r.lt.Coverage.Note("the run's time limit (--timeout) ended it before every operation was probed")
	}
	if why := r.untested(ctx); why != "" {
		r.report(check.Report{Rule: ruleUnreachable, URL: r.lt.Client.Origin(), Key: ruleUnreachable,
			Message: why + ": nothing could be tested"})
	}
	return nil
}

// untested says why no operation could be judged, or "" when one was (or
// there was nothing to probe). A run that tested nothing must not pass.
func (r *run) untested(ctx context.Context) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if why := r.seen.refusesAll(); why != "" {
		return "every request the probe sent was refused the same way (" + why + "); allow the probe through for this host"
	}
	if r.judged > 0 {
		return ""
	}
	probeable := false
	for _, p := range r.ops {
		probeable = probeable || p.public == "" && (!p.o.Mutating() || r.lt.AllowWrites)
	}
	switch {
	case !probeable:
		return ""
	case ctx.Err() != nil:
		return "the run's time limit (--timeout) ended before any operation got an answer"
	case r.capped:
		return "the request cap (--max-requests) was reached before any operation got an answer"
	case r.firstErr != nil:
		return "no operation got an answer: " + r.firstErr.Error()
	case r.seen.throttled > 0 || r.seen.server > 0:
		return "no operation got an answer but 429 or a server error"
	}
	return "no operation could be probed (see the operations not probed)"
}

// send makes one request and records how it went. A nil response means
// nothing usable came back; the error says why (nil when the run simply
// ran out of requests or time).
func (r *run) send(ctx context.Context, req live.Request) (*live.Response, error) {
	resp, err := r.lt.Client.Do(ctx, req)
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case errors.Is(err, live.ErrRequestCap):
		r.capped = true
		return nil, nil
	case ctx.Err() != nil:
		return nil, nil
	case err != nil:
		if r.firstErr == nil {
			r.firstErr = err
		}
		return nil, err
	}
	r.seen.add(resp.Status)
	return resp, nil
}
