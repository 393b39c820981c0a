package probeabuse

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/live"
)

// run is one abuse probe of one deployment. Its steps run one after the
// other, so it needs no lock.
type run struct {
	lt   *check.Live
	cfg  *config.Config
	emit func(check.Report)
	// headers are the header blocks of the responses seen so far, for
	// the edge judgement.
	headers []http.Header
	// capped says the request cap was reached.
	capped bool
	// ev is what the run verified, for the scorecard.
	ev evidence
}

func newRun(t *check.Target, emit func(check.Report)) *run {
	cfg := t.Config
	if cfg == nil {
		cfg = config.Default()
	}
	if t.Live.Coverage == nil {
		t.Live.Coverage = &check.Coverage{}
	}
	return &run{lt: t.Live, cfg: cfg, emit: emit}
}

func (r *run) run(ctx context.Context, t *check.Tally) error {
	defer r.record(t)
	r.cors(ctx)
	r.latency(ctx)
	r.health(ctx)
	r.edge()
	// Last: a throttle it trips pauses the client (Retry-After), which
	// would stall and skew whatever came after it.
	r.login(ctx)
	if r.capped {
		r.lt.Coverage.Note(fmt.Sprintf("probe-abuse: the request cap was reached after %d requests; raise --max-requests to probe the rest", r.lt.Client.Sent()))
	}
	return nil
}

// maxHeaders bounds the header blocks kept for the edge judgement.
const maxHeaders = 64

// send makes one request and keeps its response headers. A nil response
// means nothing usable came back (an error, the cap, the time limit).
func (r *run) send(ctx context.Context, req live.Request) *live.Response {
	resp, err := r.lt.Client.Do(ctx, req)
	if errors.Is(err, live.ErrRequestCap) {
		r.capped = true
	}
	if err != nil || resp == nil {
		return nil
	}
	if len(r.headers) < maxHeaders {
		r.headers = append(r.headers, resp.Header)
	}
	return resp
}

// identityHeader is the first identity's headers, or none.
func (r *run) identityHeader() http.Header {
	h := http.Header{}
	if len(r.lt.Identities) > 0 {
		for k, v := range r.lt.Identities[0].Headers {
			h.Set(k, v)
		}
	}
	return h
}

// route splits a "METHOD /path" of the configuration.
func route(s string) (method, path string, ok bool) {
	method, path, ok = strings.Cut(strings.TrimSpace(s), " ")
	path = strings.TrimSpace(path)
	if !ok || method == "" || !strings.HasPrefix(path, "/") {
		return "", "", false
	}
	return strings.ToUpper(method), path, true
}

// hasParam reports a {param} in a path template: such a path names no
// one URL, and the probe does not guess objects for it.
func hasParam(path string) bool { return strings.Contains(path, "{") }
