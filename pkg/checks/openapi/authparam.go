package openapi

import (
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/spec"
)

// isAuthHeaderName reports header and query parameter names (folded by
// normalName, without a leading x) that carry the caller's credential.
func isAuthHeaderName(w string) bool {
	switch w {
	case "authorization", "apikey", "apitoken", "apisecret", "authtoken", "accesstoken", "token", "auth", "sessiontoken", "usertoken", "idtoken", "jwt", "bearer", "accesskey", "authkey":
		return true
	}
	return false
}

// authParameter returns the first required parameter of op that carries a
// credential: an Authorization, X-Api-Key or X-Auth-Token header (or the
// same names in the query), or a session, token or API-key cookie.
func authParameter(op *spec.Operation) (spec.Parameter, bool) {
	for _, p := range op.Parameters {
		if p.Required && authParamName(p.Name, p.In) {
			return p, true
		}
	}
	return spec.Parameter{}, false
}

// authParamName reports whether a parameter of the given location is named
// like a credential.
func authParamName(name, in string) bool {
	n := normalName(name)
	switch strings.ToLower(in) {
	case "header", "query":
		return isAuthHeaderName(n) || (strings.HasPrefix(n, "x") && isAuthHeaderName(n[1:]))
	case "cookie":
		if notCredentials[n] {
			return false
		}
		return strings.Contains(n, "session") || strings.Contains(n, "token") || strings.Contains(n, "auth") ||
			strings.Contains(n, "apikey") || strings.Contains(n, "jwt") || strings.HasSuffix(n, "sid")
	}
	return false
}

// authAsParameter reports operations without a security requirement (or
// with security turned off) that require a credential as a plain
// parameter: the API does authenticate, but the spec does not say so in
// the language tools read, so generated clients, gateways and this gate
// cannot check it. One finding per place the parameter is written, so a
// shared component parameter is reported once.
func authAsParameter(rc *ruleContext) {
	type written struct {
		p   spec.Parameter
		ops []string
	}
	var order []string
	byLoc := map[string]*written{}
	for _, f := range rc.ops {
		if (f.auth != authNone && f.auth != authDisabled) || f.public {
			continue
		}
		p, ok := authParameter(f.op)
		if !ok {
			continue
		}
		k := rc.fileOf(p.Loc) + ":" + strconv.Itoa(p.Loc.Line) + ":" + p.In + ":" + p.Name
		w := byLoc[k]
		if w == nil {
			w = &written{p: p}
			byLoc[k] = w
			order = append(order, k)
		}
		w.ops = append(w.ops, f.op.Key())
	}
	for _, k := range order {
		w := byLoc[k]
		where := w.ops[0]
		if len(w.ops) > 1 {
			where += " and " + plural(len(w.ops)-1, "other operation")
		}
		loc := w.p.Loc
		if loc.Line == 0 {
			loc = rc.opLoc(w.ops[0])
		}
		rc.report(rc.locReport(ruleAuthAsParameter, loc, "auth-param:"+w.p.In+":"+w.p.Name+"@"+w.ops[0],
			where+" require"+pluralVerb(len(w.ops))+" the "+w.p.In+" parameter "+w.p.Name+": that is authentication, but the spec writes it as a parameter instead of a security scheme, so clients, gateways and this gate cannot tell the route is protected; define it in "+schemesSection(rc.doc)+" and require it with `security`"))
	}
}

// pluralVerb is "s" for one subject and "" for several (requires, require).
func pluralVerb(n int) string {
	if n == 1 {
		return "s"
	}
	return ""
}

// opLoc is the location of the operation with the given key.
func (rc *ruleContext) opLoc(key string) spec.Location {
	for _, f := range rc.ops {
		if f.op.Key() == key {
			return f.op.Loc
		}
	}
	return rc.rootLoc()
}
