package openapi

import (
	"strings"

	"github.com/launchgate/launchgate/pkg/spec"
)

// tenantScopeExtensions mark an operation whose server checks that the
// caller owns the object or belongs to its tenant.
var tenantScopeExtensions = []string{"x-launchgate-tenant-scoped", "x-tenant-scoped", "x-owner-check"}

// callerSegments are literal path segments that scope a route to the
// caller (/me/invoices/{invoiceId}, /users/me/files/{fileId}).
var callerSegments = map[string]bool{"me": true, "my": true, "self": true}

// objectIDParam reports whether a path parameter name addresses one object:
// id, uuid or guid, or a name ending in Id, ID, Uuid, _id, -id or _uuid.
// Slugs are left out: they usually name public content, not a customer's
// records. A lowercase "id" ending without a separator (paid, grid) is a
// word, not an identifier.
func objectIDParam(name string) bool {
	switch strings.ToLower(name) {
	case "id", "uuid", "guid":
		return true
	}
	for _, suffix := range []string{"Id", "ID", "Uuid", "UUID", "Guid", "GUID"} {
		if len(name) > len(suffix) && strings.HasSuffix(name, suffix) {
			return true
		}
	}
	lower := strings.ToLower(name)
	for _, suffix := range []string{"_id", "-id", ".id", "_uuid", "-uuid", "_guid"} {
		if len(lower) > len(suffix) && strings.HasSuffix(lower, suffix) {
			return true
		}
	}
	return false
}

// addressedObject returns the last object-ID parameter of a path and the
// noun it addresses ("invoice" for {invoiceId}, or the segment before a
// bare {id}).
func addressedObject(p string) (param, noun string, ok bool) {
	segs := pathSegments(p)
	for i := len(segs) - 1; i >= 0; i-- {
		s := segs[i]
		if !s.param || !objectIDParam(s.text) {
			continue
		}
		words := splitWords(s.text)
		if len(words) > 1 {
			return s.text, strings.Join(words[:len(words)-1], " "), true
		}
		if i > 0 && !segs[i-1].param {
			return s.text, singular(strings.Join(splitWords(segs[i-1].text), " ")), true
		}
		return s.text, "object", true
	}
	return "", "", false
}

// singular strips a plural s well enough for messages.
func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies"):
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "xes"):
		return s[:len(s)-2]
	case strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss"):
		return s[:len(s)-1]
	}
	return s
}

// hasCode reports whether op declares exactly one of codes; unlike
// Operation.Response, a 4XX range does not count, since it says nothing
// about the specific refusal.
func hasCode(op *spec.Operation, codes ...string) bool {
	for _, r := range op.Responses {
		for _, c := range codes {
			if r.Code == c {
				return true
			}
		}
	}
	return false
}

// tenantScoped reports whether op declares how the caller's ownership is
// enforced: a tenant parameter anywhere, a caller segment such as /me, or a
// tenant-scope extension.
func (rc *ruleContext) tenantScoped(op *spec.Operation) bool {
	for _, ext := range tenantScopeExtensions {
		if v, ok := op.Extensions[ext]; ok && extTruthy(v) {
			return true
		}
	}
	for _, s := range pathSegments(op.Path) {
		if s.param && rc.cfg.IsTenantParam(s.text) {
			return true
		}
		if !s.param && callerSegments[strings.ToLower(s.text)] {
			return true
		}
	}
	for _, p := range op.Parameters {
		if rc.cfg.IsTenantParam(p.Name) {
			return true
		}
	}
	return false
}

// objectWithoutOwnershipCheck lists the IDOR/BOLA hot spots: authenticated
// operations that address an object by ID without declaring a tenant or
// ownership scope and without a 403 or 404 for someone else's object.
func objectWithoutOwnershipCheck(rc *ruleContext) {
	for _, f := range rc.ops {
		if f.auth != authRequired || f.public {
			continue
		}
		param, noun, ok := addressedObject(f.op.Path)
		if !ok || hasCode(f.op, "403", "404") || rc.tenantScoped(f.op) {
			continue
		}
		rc.report(rc.opReport(ruleObjectWithoutOwnership, f.op,
			f.op.Key()+" "+verb(f.op.Method)+" "+article(noun)+" "+noun+" by {"+param+"} but declares no tenant or ownership scope and no 403/404 response: make sure one customer cannot reach another customer's "+noun))
	}
}

func verb(method string) string {
	switch method {
	case "GET", "HEAD":
		return "reads"
	case "PUT", "PATCH":
		return "changes"
	case "DELETE":
		return "deletes"
	}
	return "acts on"
}

func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an"
	}
	return "a"
}
