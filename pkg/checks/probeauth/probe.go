package probeauth

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/probe/calibrate"
	"github.com/launchgate/launchgate/pkg/probe/credential"
	"github.com/launchgate/launchgate/pkg/probe/params"
)

// filled is an operation's concrete path for one identity.
type filled struct {
	id   config.Identity
	path string
	// owned are the values that came from the identity's own tenant
	// (probe.objects or its own lists), which another tenant must not
	// see.
	owned []string
	// byQuery says a required query parameter addresses the object
	// (GET /reports?report_id=…).
	byQuery bool
}

// probe runs the matrix on one operation.
func (r *run) probe(ctx context.Context, p *op) {
	switch {
	case p.public != "":
		r.skippedOp(p, p.public)
		return
	case p.o.Method == "OPTIONS" || p.o.Method == "TRACE":
		r.skippedOp(p, "not a method the probe sends")
		return
	case p.o.Mutating() && !r.lt.AllowWrites:
		r.skippedOp(p, "a write: sent only with --allow-writes")
		return
	}
	owner, ok := r.fill(p)
	if !ok {
		r.skippedOp(p, "no value for "+strings.Join(r.missing(p), ", ")+" (give one in probe.objects or as an example in the spec)")
		return
	}
	if p.o.Mutating() {
		r.probeWrite(ctx, p, owner)
		return
	}
	var own *live.Response
	if owner.id.Name != "" {
		own, _ = r.send(ctx, r.request(p, owner.path, identityHeader(owner.id.Headers), false))
	}
	refused := r.probeCredentials(ctx, p, owner, own)
	if refused && own != nil && r.accepted(own) {
		r.probeOtherTenant(ctx, p, owner, own)
	}
	r.probeRoles(ctx, p, owner)
}

// probeCredentials sends the operation without credentials and with
// each invalid variant, and reports what was accepted. own is the
// owner's answer with valid credentials, or nil. It reports whether the
// missing credentials were refused.
func (r *run) probeCredentials(ctx context.Context, p *op, owner filled, own *live.Response) bool {
	none, err := r.send(ctx, r.request(p, owner.path, nil, true))
	if !r.decides(p, none, err) {
		return false
	}
	if r.grants(none, own) {
		r.report(r.unauthReport(p, owner.path, none))
		return false
	}
	r.count(func(e *evidence) { e.refusedNone++ })
	var h http.Header
	if owner.id.Name != "" {
		h = identityHeader(owner.id.Headers)
	}
	var took []string
	tried := false
	for _, v := range credential.Invalid(h, r.now, p.basic) {
		if v.Kind == credential.KindNone {
			continue
		}
		tried = true
		resp, _ := r.send(ctx, r.request(p, owner.path, v.Header, true))
		if r.grants(resp, own) {
			took = append(took, fmt.Sprintf("%s (%d)", v.Name, resp.Status))
		}
	}
	if tried {
		r.count(func(e *evidence) {
			e.invalidTried++
			if len(took) == 0 {
				e.refusedInvalid++
			}
		})
	}
	if len(took) > 0 {
		r.report(r.newReport(ruleInvalid, p, owner.path,
			fmt.Sprintf("%s answered 2xx to %s, credentials a correct server refuses; the request without credentials was refused, so the route checks that a token is there, not that it is valid",
				p.key(), strings.Join(took, ", "))))
	}
	return true
}

// grants reports whether resp, to a request that should have been
// refused, is access: accepted, not moved to another path by a redirect
// (a login page), and of the same media type as the owner's own answer
// when there is one (an HTML login page served with 200 where the owner
// gets JSON is a refusal).
func (r *run) grants(resp, own *live.Response) bool {
	if !r.accepted(resp) {
		return false
	}
	if resp.Redirects > 0 && (own == nil || own.URL == nil || resp.URL == nil || resp.URL.Path != own.URL.Path) {
		return false
	}
	if own != nil && r.accepted(own) && mediaType(own) != mediaType(resp) {
		return false
	}
	return true
}

// decides reports whether the answer to p's request without credentials
// decides anything, and records the operation as probed or not.
func (r *run) decides(p *op, resp *live.Response, err error) bool {
	switch {
	case resp != nil && resp.Status != 429 && resp.Status < 500:
		r.count(func(*evidence) { r.judged++ })
		r.probedOp(p)
		return true
	case resp != nil:
		r.skippedOp(p, fmt.Sprintf("answered %d without credentials, which decides nothing", resp.Status))
	case err != nil:
		r.skippedOp(p, "no answer: "+err.Error())
	default:
		r.skippedOp(p, "no answer within the run's request or time limit")
	}
	return false
}

// probeOtherTenant sends the owner's object request with the credentials
// of an identity of another tenant.
func (r *run) probeOtherTenant(ctx context.Context, p *op, owner filled, own *live.Response) {
	if !p.object() && !owner.byQuery || len(owner.owned) == 0 {
		return
	}
	for _, other := range r.lt.Identities {
		if other.Tenant == owner.id.Tenant || other.Admin() {
			continue
		}
		resp, _ := r.send(ctx, r.request(p, owner.path, identityHeader(other.Headers), true))
		if resp == nil {
			continue
		}
		if !r.accepted(resp) || !sameData(own, resp, owner.owned) {
			r.count(func(e *evidence) { e.crossRefused++ })
			continue
		}
		r.count(func(e *evidence) { e.crossServed++ })
		r.report(r.newReport(ruleCross, p, owner.path,
			fmt.Sprintf("%s: %s (tenant %s) got %d and %s's object in the body, for an object of tenant %s that %s gets the same way",
				p.key(), other.Name, other.Tenant, resp.Status, owner.id.Tenant, owner.id.Tenant, owner.id.Name)))
		return
	}
}

// probeRoles sends an admin operation with each identity that is not an
// admin.
func (r *run) probeRoles(ctx context.Context, p *op, owner filled) {
	if !p.admin {
		return
	}
	var let []string
	asked := false
	for _, id := range r.lt.Identities {
		if id.Admin() {
			continue
		}
		resp, _ := r.send(ctx, r.request(p, owner.path, identityHeader(id.Headers), true))
		asked = asked || resp != nil
		if r.accepted(resp) {
			let = append(let, fmt.Sprintf("%s (%d)", id.Name, resp.Status))
		}
	}
	if asked {
		r.count(func(e *evidence) {
			e.adminOps++
			if len(let) == 0 {
				e.adminRefused++
			}
		})
	}
	if len(let) > 0 {
		r.report(r.newReport(rulePrivilege, p, owner.path,
			fmt.Sprintf("%s is an admin operation, and identities without the admin role got 2xx: %s", p.key(), strings.Join(let, ", "))))
	}
}

// probeWrite sends a mutating operation with credentials a correct
// server refuses only: none, invalid ones and another tenant's.
func (r *run) probeWrite(ctx context.Context, p *op, owner filled) {
	if !r.probeCredentials(ctx, p, owner, nil) || !p.object() || len(owner.owned) == 0 {
		return
	}
	for _, other := range r.lt.Identities {
		if other.Tenant == owner.id.Tenant || other.Admin() {
			continue
		}
		resp, _ := r.send(ctx, r.request(p, owner.path, identityHeader(other.Headers), true))
		if resp == nil {
			continue
		}
		if !r.accepted(resp) {
			r.count(func(e *evidence) { e.writeRefused++ })
			continue
		}
		r.count(func(e *evidence) { e.writeAccepted++ })
		r.report(r.newReport(ruleCross, p, owner.path,
			fmt.Sprintf("%s: %s (tenant %s) wrote to an object of tenant %s and got %d", p.key(), other.Name, other.Tenant, owner.id.Tenant, resp.Status)))
		return
	}
}

// request builds the request for p at path. refusable says the
// credentials are ones a correct server refuses; a write is sent only
// then, with an empty JSON body when the operation takes one.
func (r *run) request(p *op, path string, h http.Header, refusable bool) live.Request {
	req := live.Request{Method: p.o.Method, Path: p.prefix + path, Header: h, Refusable: refusable}
	if p.o.TakesBody() {
		if req.Header == nil {
			req.Header = http.Header{}
		} else {
			req.Header = req.Header.Clone()
		}
		req.Header.Set("Content-Type", "application/json")
		req.Body = []byte("{}")
	}
	return req
}

// fill finds the concrete path of p for the first identity whose values
// fill it, or with the spec's examples alone when there is no identity.
func (r *run) fill(p *op) (filled, bool) {
	if len(r.lt.Identities) == 0 {
		path, missing := params.Fill(p.o.Path, p.pathParams, params.Sources(nil, p.o.Parameters, nil, ""))
		return filled{path: path}, len(missing) == 0
	}
	for _, id := range r.lt.Identities {
		objects := r.cfg.Probe.Objects[id.Tenant]
		harvested := r.harvested(id.Name, p.collection())
		look := params.Sources(objects, p.o.Parameters, harvested, p.collection())
		var owned []string
		mine := values(harvested)
		track := func(name string) (string, params.Source, bool) {
			v, src, ok := look(name)
			// A spec example is the identity's own object when its own
			// list holds it; otherwise it may be anyone's, or everyone's.
			if ok && (src == params.SourceConfig || src == params.SourceHarvested || slices.Contains(mine, v)) {
				owned = append(owned, v)
			}
			return v, src, ok
		}
		if path, missing := params.Fill(p.o.Path, p.pathParams, track); len(missing) == 0 {
			qs, qOwned := query(p, look, mine)
			return filled{id: id, path: path + qs, owned: append(owned, qOwned...), byQuery: len(qOwned) > 0}, true
		}
	}
	return filled{}, false
}

// missing lists the parameters of p no identity could fill.
func (r *run) missing(p *op) []string {
	var id config.Identity
	if len(r.lt.Identities) > 0 {
		id = r.lt.Identities[0]
	}
	_, missing := params.Fill(p.o.Path, p.pathParams,
		params.Sources(r.cfg.Probe.Objects[id.Tenant], p.o.Parameters, r.harvested(id.Name, p.collection()), p.collection()))
	return missing
}

// sameData reports whether other's answer carries the owner's data: the
// same body, or one of the owner's object IDs.
func sameData(own, other *live.Response, owned []string) bool {
	if len(other.Body) > 0 && bytes.Equal(own.Body, other.Body) {
		return true
	}
	for _, v := range owned {
		if len(v) >= 3 && bytes.Contains(other.Body, []byte(v)) {
			return true
		}
	}
	return false
}

// sample is a response as calibration compares it.
func sample(resp *live.Response) calibrate.Sample {
	return calibrate.Sample{Status: resp.Status, Header: resp.Header, Body: resp.Body}
}

// unauthReport is the finding of an operation that answered without
// credentials: critical when it addresses an object or a tenant's data.
func (r *run) unauthReport(p *op, path string, resp *live.Response) check.Report {
	what := "the spec requires credentials for it"
	rep := r.newReport(ruleUnauth, p, path, fmt.Sprintf("%s answered %d (%s, %d bytes) to a request with no credentials; %s",
		p.key(), resp.Status, mediaType(resp), len(resp.Body), what))
	if p.object() || r.tenantScoped(p) {
		rep.MinSeverity = finding.Critical
		rep.Message += "; it addresses one object, so anyone can read any object by its ID"
	}
	return rep
}

// tenantScoped reports whether p names a tenant parameter.
func (r *run) tenantScoped(p *op) bool {
	for _, prm := range p.o.Parameters {
		if r.cfg.IsTenantParam(prm.Name) {
			return true
		}
	}
	return false
}

// newReport places a finding of rule on p's spec operation, at the URL
// it requested (the concrete path, never a query or a credential), with
// a fingerprint of the rule, the method and the path template.
func (r *run) newReport(rule string, p *op, path, msg string) check.Report {
	path, _, _ = strings.Cut(path, "?")
	return check.Report{
		Rule:    rule,
		File:    p.o.Loc.File,
		Line:    p.o.Loc.Line,
		URL:     r.lt.Client.Origin() + p.prefix + path,
		Message: msg,
		Key:     rule + "\x00" + p.o.Method + " " + p.o.Path,
	}
}

// mediaType is a response's content type without parameters.
func mediaType(resp *live.Response) string {
	ct := resp.Header.Get("Content-Type")
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	if ct == "" {
		return "no content type"
	}
	return strings.TrimSpace(ct)
}
