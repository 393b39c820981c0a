package openapi

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/spec"
)

// noSecuritySchemes reports, once per document, operations with no scheme
// defined anywhere: nothing in the document can require a credential. It
// names the routes that change data, and it stands for the per-operation
// findings, which are low in such a document. A document
// whose every route is public by nature (a status API) needs no scheme.
func noSecuritySchemes(rc *ruleContext) {
	if len(rc.ops) == 0 || len(rc.doc.Schemes) > 0 {
		return
	}
	var data, writes []string
	for _, f := range rc.ops {
		if f.public {
			continue
		}
		if _, content, ok := rc.publicByDesign(f.op); ok && !content {
			continue
		}
		data = append(data, f.op.Key())
		if f.op.Mutating() {
			writes = append(writes, f.op.Key())
		}
	}
	if len(data) == 0 {
		return
	}
	msg := path.Base(rc.doc.File) + " declares " + plural(len(rc.ops), "operation") + " but defines no security scheme in " +
		schemesSection(rc.doc) + ", so none of them can require authentication"
	if len(writes) > 0 {
		verb := " of them change"
		if len(writes) == 1 {
			verb = " of them changes"
		}
		msg += "; " + strconv.Itoa(len(writes)) + verb + " data (" + examples(writes, 3) + ")"
	}
	msg += ". If the API authenticates callers, model it as a scheme and require it at the root"
	rc.report(rc.locReport(ruleNoSecuritySchemes, rc.rootLoc(), "document", msg))
}

// examples lists the first n of keys, with a count of the rest.
func examples(keys []string, n int) string {
	if len(keys) <= n {
		return strings.Join(keys, ", ")
	}
	return strings.Join(keys[:n], ", ") + " and " + strconv.Itoa(len(keys)-n) + " more"
}

// operationWithoutAuth reports operations no security requirement applies
// to, neither their own nor the root's. Routes public by nature (sign-in,
// sign-up, token, health) are left out, and so are routes that require a
// credential as a plain parameter (authAsParameter reports those). A read
// of public content, and every route of a document that defines no scheme
// at all (noSecuritySchemes reports that once), is low; a read whose
// declared response carries nothing personal, secret or privileged is
// medium.
func operationWithoutAuth(rc *ruleContext) {
	noSchemes := len(rc.doc.Schemes) == 0
	for _, f := range rc.ops {
		if f.auth != authNone || f.public {
			continue
		}
		if _, ok := authParameter(f.op); ok {
			continue
		}
		why, content, byDesign := rc.publicByDesign(f.op)
		if byDesign && !content {
			continue
		}
		r := rc.opReport(ruleOperationWithoutAuth, f.op,
			f.op.Key()+" has no security requirement (none on the operation, none at the root) and is not declared public: anyone can call it")
		if f.op.Mutating() {
			r.MinSeverity = finding.Critical
			r.Message = f.op.Key() + " changes data but has no security requirement (none on the operation, none at the root) and is not declared public: anyone can call it"
		}
		switch {
		case byDesign:
			r = capAt(r, finding.Low)
			r.Message += "; low, since " + why + ": declare it public with " + extPublic + " if it is"
		case noSchemes:
			r = capAt(r, finding.Low)
			r.Message += "; low here, since the document defines no security scheme at all and " + ruleNoSecuritySchemes + " reports that once"
		default:
			if what := rc.harmlessRead(f.op); what != "" {
				r = capAt(r, finding.Medium)
				r.Message += "; medium, since " + what + ": declare it public with " + extPublic + " if it is"
			}
		}
		rc.report(r)
	}
}

// securityDisabled reports operations whose security lets anonymous callers
// through: `security: []`, or an empty `{}` alternative. That is how
// OpenAPI declares a public route, so it is high only where the route
// touches private data (an object, a tenant, a write, an admin route,
// private records); on a route public by nature, or one that touches none
// of that, it is info.
func securityDisabled(rc *ruleContext) {
	for _, f := range rc.ops {
		if f.auth != authDisabled || f.public {
			continue
		}
		if _, ok := authParameter(f.op); ok {
			continue
		}
		var why string
		switch {
		case len(f.sec.Requirements) == 0 && f.inherited:
			why = "inherits `security: []` from the root, which turns authentication off"
		case len(f.sec.Requirements) == 0:
			why = "sets `security: []`, which turns authentication off"
		case f.inherited:
			why = "inherits root security " + describeSecurity(f.sec) + ": the empty {} alternative makes authentication optional"
		default:
			why = "has security " + describeSecurity(f.sec) + ": the empty {} alternative makes authentication optional"
		}
		if reason, _, ok := rc.publicByDesign(f.op); ok {
			rc.report(capAt(rc.opReport(ruleSecurityDisabled, f.op,
				f.op.Key()+" "+why+"; info only: "+reason+", so this is public by design (record the reason with "+extPublic+")"), finding.Info))
			continue
		}
		if data, ok := rc.privateData(f.op); ok {
			rc.report(rc.opReport(ruleSecurityDisabled, f.op,
				f.op.Key()+" "+why+", and the route "+data+" and is not declared public: anyone can reach it without a credential"))
			continue
		}
		rc.report(capAt(rc.opReport(ruleSecurityDisabled, f.op,
			f.op.Key()+" "+why+"; info only: the route addresses no object, changes nothing and names no tenant, admin or private records (declare it public with "+extPublic+" if that is intended)"), finding.Info))
	}
}

// undefinedSecurityScheme reports each requirement that names a scheme the
// document does not define, at the requirement.
func undefinedSecurityScheme(rc *ruleContext) {
	defined := definedNames(rc.doc)
	check := func(sec *spec.Security, owner string, fallback spec.Location) {
		if sec == nil {
			return
		}
		for _, req := range sec.Requirements {
			for _, u := range req.Schemes {
				if rc.doc.Schemes[u.Name] != nil {
					continue
				}
				loc := firstLoc(req.Loc, sec.Loc, fallback)
				msg := owner + " requires security scheme \"" + u.Name + "\", which " + schemesSection(rc.doc) + " does not define"
				if defined != "" {
					msg += " (defined: " + defined + ")"
				}
				rc.report(rc.locReport(ruleUndefinedScheme, loc, "security:"+u.Name+"@"+owner,
					msg+"; a misspelt or missing scheme is not authentication"))
			}
		}
	}
	if rc.doc.Security != nil {
		check(rc.doc.Security, "the root security", rc.rootLoc())
	}
	for _, f := range rc.ops {
		check(f.op.Security, f.op.Key(), f.op.Loc)
	}
}

// definedNames lists a few defined scheme names for messages.
func definedNames(doc *spec.Document) string {
	names := make([]string, 0, len(doc.Schemes))
	for n := range doc.Schemes {
		names = append(names, n)
	}
	slices.Sort(names)
	if len(names) > 5 {
		names = append(names[:5], "…")
	}
	return strings.Join(names, ", ")
}

// firstLoc is the first location that has a line.
func firstLoc(locs ...spec.Location) spec.Location {
	for _, l := range locs {
		if l.Line > 0 {
			return l
		}
	}
	return spec.Location{}
}

// missingAuthErrorResponses reports authenticated operations that declare
// neither 401 nor 403 (a 4XX range counts; `default` does not, since it
// says nothing about refusing a caller).
func missingAuthErrorResponses(rc *ruleContext) {
	for _, f := range rc.ops {
		if f.auth != authRequired || f.public {
			continue
		}
		if f.op.Response("401") || f.op.Response("403") {
			continue
		}
		rc.report(rc.opReport(ruleMissingAuthErrors, f.op,
			f.op.Key()+" requires authentication but declares neither a 401 nor a 403 response, so clients and tests cannot tell how it refuses a caller"))
	}
}
