package probeexposure

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"net/http"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/probe/calibrate"
	"github.com/launchgate/launchgate/pkg/secrets"
)

// maxRequests bounds the whole pass; each step has its own smaller bound
// too, so that one step cannot starve the next.
const maxRequests = 50

// run is one pass over one deployment. Its steps run one after another,
// so it needs no lock.
type run struct {
	t    *check.Target
	lt   *check.Live
	cfg  *config.Config
	eng  *secrets.Engine
	emit func(check.Report)
	prof *calibrate.Profile
	// sent counts the requests of this pass.
	sent int
	// stacks are the kinds of stack trace already reported.
	stacks map[string]bool
	// reported are the paths already reported as exposed files.
	reported map[string]bool
	// ev is what the pass looked at, for the scorecard.
	ev evidence
}

func newRun(t *check.Target, eng *secrets.Engine, emit func(check.Report)) *run {
	cfg := t.Config
	if cfg == nil {
		cfg = config.Default()
	}
	if t.Live.Coverage == nil {
		t.Live.Coverage = &check.Coverage{}
	}
	return &run{t: t, lt: t.Live, cfg: cfg, eng: eng, emit: emit, stacks: map[string]bool{}, reported: map[string]bool{}}
}

func (r *run) run(ctx context.Context) error {
	if !r.calibrate(ctx) {
		r.lt.Coverage.Note("exposure: the target did not answer, so no exposed file, stack trace or admin page was looked for")
		r.t.Tally.Record("secrets", "%s did not answer: no well-known path, script or source map fetched", r.lt.Client.Origin())
		r.t.Tally.Record("config", "%s did not answer: no stack-trace probe or admin page asked", r.lt.Client.Origin())
		return nil
	}
	defer r.record(r.t.Tally)
	steps := []func(context.Context) error{r.files, r.graphqlPost, r.sourceMaps, r.stackTraces, r.adminSurface}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	if r.sent >= maxRequests {
		r.lt.Coverage.Note(fmt.Sprintf("exposure: the pass stopped at its bound of %d requests", maxRequests))
	}
	return nil
}

// calibrate asks for paths that cannot exist, at the root and under the
// most common API prefix, and keeps the profile of the answers. It
// reports false when nothing answered.
func (r *run) calibrate(ctx context.Context) bool {
	h := fnv.New64a()
	h.Write([]byte(r.lt.Client.Origin() + " exposure"))
	var samples []calibrate.Sample
	for _, p := range calibrate.Paths("", nil, h.Sum64()) {
		if resp := r.get(ctx, p, nil); resp != nil {
			samples = append(samples, sampleOf(resp))
		}
	}
	// A hidden file's name under the root, which some catch-alls treat
	// apart from ordinary paths.
	if resp := r.get(ctx, "/."+strings.TrimPrefix(calibrate.Paths("", nil, h.Sum64()+1)[0], "/"), nil); resp != nil {
		samples = append(samples, sampleOf(resp))
	}
	if len(samples) == 0 {
		return false
	}
	r.prof = calibrate.Build(samples)
	return true
}

// get sends one GET within the pass's bound; nil means no usable answer.
func (r *run) get(ctx context.Context, path string, h http.Header) *live.Response {
	return r.getRoute(ctx, specRoute{method: "GET", path: path}, h)
}

// getRoute is get for a path sent for a spec operation: a stack trace
// in the answer is placed on the operation.
func (r *run) getRoute(ctx context.Context, rt specRoute, h http.Header) *live.Response {
	if r.sent >= maxRequests || ctx.Err() != nil {
		return nil
	}
	r.sent++
	resp, err := r.lt.Client.Do(ctx, live.Request{Method: "GET", Path: rt.path, Header: h})
	if err != nil {
		if errors.Is(err, live.ErrRequestCap) {
			r.sent = maxRequests
		}
		return nil
	}
	r.checkStack(rt, resp)
	return resp
}

// sampleOf is resp as the calibration profile compares it.
func sampleOf(resp *live.Response) calibrate.Sample {
	return calibrate.Sample{Status: resp.Status, Header: resp.Header, Body: resp.Body}
}

// served reports whether resp is a 2xx unlike the host's catch-all.
func (r *run) served(resp *live.Response) bool {
	return resp != nil && resp.Status >= 200 && resp.Status < 300 && !r.prof.Matches(sampleOf(resp))
}

// secretsIn returns the kinds of the secrets in body, each once, in the
// order found; the values never leave the engine.
func (r *run) secretsIn(ctx context.Context, name string, body []byte) ([]string, error) {
	found, err := r.eng.Scan(ctx, secrets.Fragment{Path: name, Content: string(body)})
	if err != nil {
		return nil, err
	}
	var kinds []string
	seen := map[string]bool{}
	for _, s := range found {
		if !seen[s.Title] {
			seen[s.Title] = true
			kinds = append(kinds, s.Title)
		}
	}
	return kinds, nil
}

// url is the absolute URL of path on the target.
func (r *run) url(path string) string {
	return r.lt.Client.Origin() + path
}

// identityHeader is the first identity's headers, nil without one.
func (r *run) identityHeader() http.Header {
	if len(r.lt.Identities) == 0 {
		return nil
	}
	h := http.Header{}
	for k, v := range r.lt.Identities[0].Headers {
		h.Set(k, v)
	}
	return h
}
