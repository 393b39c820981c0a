package probeauth

import (
	"context"
	"hash/fnv"
	"net/http"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/probe/calibrate"
)

// calibrate asks the target for paths that cannot exist, with and without
// credentials, and keeps the profile of its answers. It reports false when
// the target could not be reached at all, after reporting that.
func (r *run) calibrate(ctx context.Context) bool {
	paths := calibrate.Paths(r.apiPrefix(), r.collections(), r.seed())
	headers := []http.Header{nil}
	if len(r.lt.Identities) > 0 {
		headers = append(headers, identityHeader(r.lt.Identities[0].Headers))
	}
	var samples []calibrate.Sample
	var firstErr error
	for _, p := range paths {
		for _, h := range headers {
			resp, err := r.send(ctx, live.Request{Method: "GET", Path: p, Header: h})
			if err != nil && firstErr == nil {
				firstErr = err
			}
			if resp != nil {
				samples = append(samples, calibrate.Sample{Status: resp.Status, Header: resp.Header, Body: resp.Body})
			}
		}
	}
	if len(samples) == 0 {
		msg := "the target did not answer the probe's first requests"
		switch {
		case firstErr != nil:
			msg += ": " + firstErr.Error()
		case ctx.Err() != nil:
			msg += " within the run's time limit (--timeout)"
		}
		r.report(check.Report{Rule: ruleUnreachable, URL: r.lt.Client.Origin(), Key: ruleUnreachable,
			Message: msg + "; nothing was tested"})
		return false
	}
	r.prof = calibrate.Build(samples)
	r.lt.Coverage.Note("catch-all profile: " + r.prof.String())
	if r.prof.CatchAll() {
		r.lt.Coverage.Note("the host answers paths that cannot exist with 2xx (a single-page app's catch-all): only answers unlike that page count as access")
	}
	return true
}

// apiPrefix is the first literal path segment most operations share
// ("/api"), under the server path: where unknown paths are asked.
func (r *run) apiPrefix() string {
	count := map[string]int{}
	best, prefix := "", ""
	for _, p := range r.ops {
		seg, _, _ := strings.Cut(strings.TrimPrefix(p.o.Path, "/"), "/")
		if seg == "" || strings.HasPrefix(seg, "{") {
			continue
		}
		count[seg]++
		if count[seg] > count[best] {
			best, prefix = seg, p.prefix
		}
	}
	if best == "" {
		if len(r.ops) > 0 {
			return r.ops[0].prefix
		}
		return ""
	}
	return prefix + "/" + best
}

// collections are the paths of secured collections whose items a GET
// addresses by one trailing parameter ("/api/invoices" for GET
// /api/invoices/{invoiceId}): where unknown IDs are asked.
func (r *run) collections() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range r.ops {
		if p.o.Method != "GET" || !p.secured || len(p.pathParams) != 1 || !strings.HasSuffix(p.o.Path, "}") {
			continue
		}
		c := p.prefix + p.o.Path[:strings.LastIndexByte(p.o.Path, '/')]
		if !seen[c] && !strings.Contains(c, "{") {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// seed makes the calibration paths of one target the same from run to
// run, so two runs ask the same things.
func (r *run) seed() uint64 {
	h := fnv.New64a()
	h.Write([]byte(r.lt.Client.Origin()))
	return h.Sum64()
}

// identityHeader turns configured headers into an http.Header.
func identityHeader(m map[string]string) http.Header {
	h := http.Header{}
	for k, v := range m {
		h.Set(k, v)
	}
	return h
}
