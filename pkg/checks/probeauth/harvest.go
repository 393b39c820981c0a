package probeauth

import (
	"context"

	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/probe/params"
)

// maxHarvested bounds the values kept per field of one list response.
const maxHarvested = 50

// harvest fetches each identity's view of every secured list operation
// (a GET without path parameters, admin ones left to the privilege
// check), for the IDs object operations are filled with and the list
// leak check compares.
func (r *run) harvest(ctx context.Context) {
	for _, id := range r.lt.Identities {
		r.lists[id.Name] = map[string]*live.Response{}
		for _, p := range r.ops {
			if !p.list() || !p.secured || p.admin || ctx.Err() != nil {
				continue
			}
			resp, _ := r.send(ctx, live.Request{Method: "GET", Path: p.prefix + p.o.Path, Header: identityHeader(id.Headers)})
			if r.accepted(resp) {
				r.lists[id.Name][p.key()] = resp
			}
		}
	}
}

// harvested is what identity name's lists hold under collection: the
// id-like fields of the items of the list at /…/collection.
func (r *run) harvested(name, collection string) map[string][]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string][]string{}
	for key, resp := range r.lists[name] {
		if collection != "" && lastSegment(key) != collection {
			continue
		}
		for f, vs := range params.Harvest(resp.Body, maxHarvested) {
			out[f] = append(out[f], vs...)
		}
	}
	return out
}

// lastSegment is the last path segment of "METHOD /a/b".
func lastSegment(key string) string {
	for i := len(key) - 1; i >= 0; i-- {
		if key[i] == '/' {
			return key[i+1:]
		}
	}
	return key
}

// accepted reports whether resp is access: a 2xx that is not the answer
// the target gives a path that cannot exist.
func (r *run) accepted(resp *live.Response) bool {
	if resp == nil || resp.Status < 200 || resp.Status > 299 {
		return false
	}
	return r.prof == nil || !r.prof.Matches(sample(resp))
}
