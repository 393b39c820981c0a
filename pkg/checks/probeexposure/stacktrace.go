package probeexposure

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/spec"
)

// maxStackRoutes bounds the spec routes asked for an unknown object.
const maxStackRoutes = 4

// unknownID is the path parameter value the probe sends: no object has
// it, and it is a string where an integer ID is expected.
const unknownID = "launchgate-probe-0"

// stackTraces asks the spec's GET routes that address one object by one
// path parameter for an object that does not exist, with a value of the
// wrong type, as the first identity when there is one; get looks for a
// stack trace in every error answer of the pass.
func (r *run) stackTraces(ctx context.Context) error {
	h := r.identityHeader()
	for i, rt := range r.objectRoutes() {
		if i >= maxStackRoutes {
			break
		}
		if r.getRoute(ctx, rt, h) != nil {
			r.ev.stackRoutes++
		}
	}
	if r.lt.AllowWrites {
		r.malformedBodies(ctx)
	}
	return nil
}

// specRoute is a concrete path sent for a spec operation, and where the
// operation is written; loc is zero for a path the spec does not name.
type specRoute struct {
	method, path string
	loc          spec.Location
}

// maxBodyRoutes bounds the writes sent a malformed body.
const maxBodyRoutes = 2

// malformedBody is JSON cut short: no parser accepts it.
const malformedBody = `{"launchgate-probe": [`

// malformedBodies sends, with --allow-writes only, a JSON body cut short
// to the first spec operations that take a body and have no path
// parameter, without credentials: a correct server refuses it whatever
// it parses first, and one that parses before it authenticates shows
// what its parser does with bad input.
func (r *run) malformedBodies(ctx context.Context) {
	n := 0
	for _, d := range r.lt.Docs {
		prefix := r.lt.SpecPrefix(d)
		for _, o := range d.Operations {
			if n >= maxBodyRoutes || r.sent >= maxRequests || ctx.Err() != nil {
				return
			}
			if !o.TakesBody() || strings.Contains(o.Path, "{") {
				continue
			}
			n++
			r.sent++
			h := http.Header{}
			h.Set("Content-Type", "application/json")
			resp, err := r.lt.Client.Do(ctx, live.Request{Method: o.Method, Path: prefix + o.Path, Header: h,
				Body: []byte(malformedBody), Refusable: true})
			if err == nil {
				r.ev.bodies++
				r.checkStack(specRoute{o.Method, prefix + o.Path, o.Loc}, resp)
			}
		}
	}
}

// objectRoutes are the spec's GET operations with exactly one path
// parameter, the parameter replaced by unknownID.
func (r *run) objectRoutes() []specRoute {
	var out []specRoute
	seen := map[string]bool{}
	for _, d := range r.lt.Docs {
		prefix := r.lt.SpecPrefix(d)
		for _, o := range d.Operations {
			if o.Method != "GET" || strings.Count(o.Path, "{") != 1 {
				continue
			}
			i, j := strings.IndexByte(o.Path, '{'), strings.IndexByte(o.Path, '}')
			if j < i {
				continue
			}
			p := prefix + o.Path[:i] + unknownID + o.Path[j+1:]
			if !seen[p] {
				seen[p] = true
				out = append(out, specRoute{"GET", p, o.Loc})
			}
		}
	}
	return out
}

// checkStack reports a stack trace or debug page in an error answer,
// once per kind of trace: a host that shows one on every unknown path is
// one finding, at the first path that showed it, placed on the spec
// operation the path was sent for when there is one.
func (r *run) checkStack(rt specRoute, resp *live.Response) {
	if resp.Status < 400 {
		return
	}
	what := stackTrace(resp.Body)
	if what == "" || r.stacks[what] {
		return
	}
	r.stacks[what] = true
	r.emit(check.Report{Rule: ruleStack, URL: r.url(rt.path), File: rt.loc.File, Line: rt.loc.Line, Key: ruleStack + " " + what,
		Message: rt.method + " " + rt.path + " answered " + strconv.Itoa(resp.Status) + " with " + what +
			"; turn debug output off in production and answer errors with a generic body"})
}
