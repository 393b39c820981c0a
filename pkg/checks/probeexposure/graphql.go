package probeexposure

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/live"
)

// maxGraphQLPosts bounds the endpoints asked for introspection by POST.
const maxGraphQLPosts = 3

// introspectionBody is the introspection query of introspection, as the
// JSON body of a POST.
const introspectionBody = `{"query":"{__schema{queryType{name}}}"}`

// graphqlPaths are the endpoints asked with POST: the two usual ones and
// every spec operation whose path ends in /graphql.
func (r *run) graphqlPaths() []string {
	out := []string{"/graphql", "/api/graphql"}
	for _, d := range r.lt.Docs {
		prefix := r.lt.SpecPrefix(d)
		for _, o := range d.Operations {
			p := prefix + o.Path
			if strings.HasSuffix(p, "/graphql") && !strings.Contains(p, "{") && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// graphqlPost asks, with --allow-writes only, the GraphQL endpoints for
// the introspection query as a JSON POST, without credentials. Servers
// that refuse queries sent with GET (Apollo Server's CSRF prevention,
// POST-only routes) answer it this way. An endpoint already reported
// from its GET is not asked again.
func (r *run) graphqlPost(ctx context.Context) error {
	if !r.lt.AllowWrites {
		return nil
	}
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	for i, p := range r.graphqlPaths() {
		if i >= maxGraphQLPosts || r.sent >= maxRequests || ctx.Err() != nil {
			break
		}
		if r.reported[p] {
			continue
		}
		r.sent++
		resp, err := r.lt.Client.Do(ctx, live.Request{Method: "POST", Path: p, Header: h, Body: []byte(introspectionBody), Refusable: true})
		if errors.Is(err, live.ErrRequestCap) {
			r.sent = maxRequests
			break
		}
		if err != nil || !r.served(resp) || !graphqlSchema(resp.Body) {
			continue
		}
		r.reportFile(p, "POST "+p+" answers GraphQL introspection without credentials, which hands anyone the whole schema", classOther, nil)
	}
	return nil
}
