package probeabuse

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/spec"
)

// maxCORSOps is how many authenticated GET operations get forged Origins.
const maxCORSOps = 5

// forgedHost is the domain forged origins are built on: it cannot
// resolve (.test is reserved), so no browser ever really sends it.
const forgedHost = "evil.launchgate-probe.test"

// corsOp is one operation the CORS probe sends forged Origins to.
type corsOp struct {
	o *spec.Operation
	// path is where the operation is asked: its path under the spec's
	// prefix on the target.
	path string
}

// corsOps picks up to maxCORSOps secured GET operations without path
// parameters, in spec order.
func (r *run) corsOps() []corsOp {
	var out []corsOp
	for _, d := range r.lt.Docs {
		for _, o := range d.Operations {
			if len(out) == maxCORSOps {
				return out
			}
			if o.Method != "GET" || hasParam(o.Path) || o.Effective(d).Disabled() {
				continue
			}
			out = append(out, corsOp{o: o, path: r.lt.SpecPrefix(d) + o.Path})
		}
	}
	return out
}

// forgedOrigins are the Origins a correct server does not trust, given
// the target's base URL: an attacker's site, the opaque "null" origin,
// look-alikes that a suffix or prefix match accepts, and the plain-http
// twin of an https origin. Origins the configuration allows are left out.
func forgedOrigins(base *url.URL, allowed []string) []string {
	host := base.Hostname()
	out := []string{"https://" + forgedHost, "null",
		"https://" + host + "." + forgedHost, "https://evil" + host}
	if base.Scheme == "https" {
		out = append(out, "http://"+base.Host)
	}
	return slices.DeleteFunc(out, func(o string) bool { return originAllowed(o, allowed) })
}

// originAllowed reports whether o is one of the allowed origins.
func originAllowed(o string, allowed []string) bool {
	for _, a := range allowed {
		if strings.EqualFold(strings.TrimRight(strings.TrimSpace(a), "/"), o) {
			return true
		}
	}
	return false
}

// corsVerdict is what the forged Origins of one operation got back.
type corsVerdict struct {
	echoed      map[string]bool // forged origins echoed in Access-Control-Allow-Origin
	credentials bool            // an echo came with Access-Control-Allow-Credentials: true
	wildcard    bool            // "*" came with credentials allowed
}

// judge adds what one response to a forged origin says.
func (v *corsVerdict) judge(origin string, h http.Header) {
	acao := strings.TrimSpace(h.Get("Access-Control-Allow-Origin"))
	creds := strings.EqualFold(strings.TrimSpace(h.Get("Access-Control-Allow-Credentials")), "true")
	switch {
	case acao == "*" && creds:
		v.wildcard = true
	case acao != "" && strings.EqualFold(acao, origin):
		v.echoed[origin] = true
		v.credentials = v.credentials || creds
	}
}

// cors sends, for each picked operation and forged origin, a simple GET
// and a preflight, and reports one finding per kind of trust (credentialed
// echo, echo, wildcard with credentials) naming the operations and the
// forged origins: one CORS policy applied to every route is one problem,
// not one per route.
func (r *run) cors(ctx context.Context) {
	ops := r.corsOps()
	if len(ops) == 0 || r.lt.Base == nil {
		return
	}
	origins := forgedOrigins(r.lt.Base, r.cfg.CORS.AllowedOrigins)
	for _, o := range origins {
		r.ev.origins = append(r.ev.origins, originLabel(o, r.lt.Base))
	}
	var judged []corsJudged
	defer func() { r.reportCORS(judged) }()
	for _, p := range ops {
		v := corsVerdict{echoed: map[string]bool{}}
		answered := false
		for _, origin := range origins {
			for _, req := range corsRequests(p.path, origin, r.identityHeader()) {
				if ctx.Err() != nil {
					return
				}
				if resp := r.send(ctx, req); resp != nil {
					answered = true
					v.judge(origin, resp.Header)
				}
			}
		}
		if !answered {
			r.lt.Coverage.Skipped(p.o.Key(), "no answer to the forged Origins (CORS not judged)")
			continue
		}
		r.lt.Coverage.Probed(p.o.Key())
		judged = append(judged, corsJudged{p, v})
		r.ev.corsOps++
		switch v.kind() {
		case "credentials":
			r.ev.corsAllowed++
			r.ev.corsCredentialed++
		case "echo":
			r.ev.corsAllowed++
		}
	}
}

// corsJudged is one operation's verdict.
type corsJudged struct {
	p corsOp
	v corsVerdict
}

// corsKind is how a verdict trusts forged origins: "credentials", "echo",
// "wildcard", or "" when it trusts none.
func (v corsVerdict) kind() string {
	switch {
	case len(v.echoed) > 0 && v.credentials:
		return "credentials"
	case len(v.echoed) > 0:
		return "echo"
	case v.wildcard:
		return "wildcard"
	}
	return ""
}

// corsRequests are the simple request and the preflight for one origin.
func corsRequests(path, origin string, id http.Header) []live.Request {
	simple := id.Clone()
	simple.Set("Origin", origin)
	pre := http.Header{}
	pre.Set("Origin", origin)
	pre.Set("Access-Control-Request-Method", "GET")
	pre.Set("Access-Control-Request-Headers", "authorization")
	return []live.Request{
		{Method: "GET", Path: path, Header: simple},
		{Method: "OPTIONS", Path: path, Header: pre},
	}
}

// reportCORS emits one finding per kind of trust, on the first operation
// that showed it: high when an echo came with credentials allowed, low
// otherwise (without credentials a browser sends no cookies, and it
// refuses "*" with credentials).
func (r *run) reportCORS(judged []corsJudged) {
	for _, kind := range []string{"credentials", "echo", "wildcard"} {
		var keys []string
		echoed := map[string]bool{}
		var first *corsOp
		for i := range judged {
			j := &judged[i]
			if j.v.kind() != kind {
				continue
			}
			if first == nil {
				first = &j.p
			}
			keys = append(keys, j.p.o.Key())
			for o := range j.v.echoed {
				echoed[o] = true
			}
		}
		if first == nil {
			continue
		}
		names := make([]string, 0, len(echoed))
		for o := range echoed {
			names = append(names, o)
		}
		sort.Strings(names)
		rep := check.Report{Rule: ruleCORS, File: first.o.Loc.File, Line: first.o.Loc.Line,
			URL: r.lt.Client.Origin() + first.path, Key: ruleCORS + "\x00" + kind}
		ops := strings.Join(keys, ", ")
		switch kind {
		case "credentials":
			rep.Message = ops + " allow credentialed reads from forged origins: " + strings.Join(names, ", ")
		case "echo":
			rep.Message = ops + " echo forged origins in Access-Control-Allow-Origin, without credentials: " + strings.Join(names, ", ")
			rep.Capped, rep.MaxSeverity = true, finding.Low
		default:
			rep.Message = ops + " answer Access-Control-Allow-Origin: * with credentials allowed (browsers refuse this pair, but the intent is wrong)"
			rep.Capped, rep.MaxSeverity = true, finding.Low
		}
		r.emit(rep)
	}
}
