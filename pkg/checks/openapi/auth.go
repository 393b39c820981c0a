package openapi

import (
	"path"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/spec"
)

// noSecuritySchemes reports, once per document, operations with no scheme
// defined anywhere: nothing in the document can require a credential.
func noSecuritySchemes(rc *ruleContext) {
	if len(rc.ops) == 0 || len(rc.doc.Schemes) > 0 {
		return
	}
	rc.report(rc.locReport(ruleNoSecuritySchemes, rc.rootLoc(), "document",
		path.Base(rc.doc.File)+" declares "+plural(len(rc.ops), "operation")+" but defines no security scheme in "+
			schemesSection(rc.doc)+", so none of them can require authentication"))
}

// operationWithoutAuth reports operations no security requirement applies
// to, neither their own nor the root's.
func operationWithoutAuth(rc *ruleContext) {
	for _, f := range rc.ops {
		if f.auth != authNone || f.public {
			continue
		}
		r := rc.opReport(ruleOperationWithoutAuth, f.op,
			f.op.Key()+" has no security requirement (none on the operation, none at the root) and is not declared public: anyone can call it")
		if f.op.Mutating() {
			r.MinSeverity = finding.Critical
			r.Message = f.op.Key() + " changes data but has no security requirement (none on the operation, none at the root) and is not declared public: anyone can call it"
		}
		rc.report(r)
	}
}

// securityDisabled reports operations whose security lets anonymous callers
// through: `security: []`, or an empty `{}` alternative.
func securityDisabled(rc *ruleContext) {
	for _, f := range rc.ops {
		if f.auth != authDisabled || f.public {
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
		rc.report(rc.opReport(ruleSecurityDisabled, f.op, f.op.Key()+" "+why+", and the route is not declared public"))
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
