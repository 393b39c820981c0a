package probeauth

import (
	"net/url"
	"slices"

	"github.com/launchgate/launchgate/pkg/probe/params"
	"github.com/launchgate/launchgate/pkg/spec"
)

// query builds the query string of p's required query parameters
// (GET /reports?report_id=…), each from the same sources as a path
// parameter: probe.objects, the parameter's example or default, the
// identity's own lists. A parameter with no value is left out: the
// server then refuses the request for everyone, which hides nothing and
// reports nothing. It returns the values that address the identity's own
// objects too.
func query(p *op, look params.Lookup, mine []string) (string, []string) {
	q := url.Values{}
	var owned []string
	for _, prm := range p.o.Parameters {
		if prm.In != "query" || !prm.Required {
			continue
		}
		v, src, ok := look(prm.Name)
		if !ok {
			v, ok = queryExample(prm)
		}
		if !ok {
			continue
		}
		q.Set(prm.Name, v)
		if src == params.SourceConfig || src == params.SourceHarvested || slices.Contains(mine, v) {
			owned = append(owned, v)
		}
	}
	if len(q) == 0 {
		return "", nil
	}
	return "?" + q.Encode(), owned
}

// queryExample is a query parameter's own example or default.
func queryExample(prm spec.Parameter) (string, bool) {
	for _, v := range []string{prm.Example, prm.Default} {
		if v != "" {
			return v, true
		}
	}
	return "", false
}
