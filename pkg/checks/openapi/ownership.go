package openapi

import (
	"slices"
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
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
// enforced: a tenant parameter anywhere (or a path parameter named after a
// tenant, such as {organization}), a caller segment such as /me, or a
// tenant-scope extension.
func (rc *ruleContext) tenantScoped(op *spec.Operation) bool {
	if tenantScopeExtension(op) {
		return true
	}
	for _, s := range pathSegments(op.Path) {
		if s.param && (rc.cfg.IsTenantParam(s.text) || tenantNamed(s.text)) {
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

// article is "a" or "an" for noun, well enough for messages: "an
// invoice", "an upload", "a user".
func article(noun string) string {
	vowel := func(i int) bool { return i < len(noun) && strings.ContainsRune("aeiou", rune(noun[i])) }
	if !vowel(0) || (noun[0] == 'u' && len(noun) > 2 && !vowel(1) && vowel(2)) {
		return "a"
	}
	return "an"
}

// ownershipMedium is how many objects of one document are reported at the
// rule's severity: the ones a reviewer tests first. The rest are low, so
// a large API gets a short list to start with instead of every route.
const ownershipMedium = 5

// objectRoutes are the operations of one document that address the same
// kind of object (every route on invoices by ID), with the best score of
// any of them.
type objectRoutes struct {
	noun string
	// ops are the routes, the best scored (then the first written) first.
	ops   []*spec.Operation
	score int
	// first is the index of the first operation in document order, for a
	// stable ranking.
	first int
}

// ownershipScore ranks how much a reviewer would want to test an
// operation for cross-customer access: private records first, an ID
// before a key and a key before a query parameter, a write before a
// read; a read of public content ranks last.
func ownershipScore(op *spec.Operation, obj objectRef) int {
	score := 2
	switch {
	case obj.member:
		score = 0
	case obj.inQuery:
		score = 1
	case obj.key:
		score = 1
	}
	ws := append(routeWords(op.Path), splitWords(obj.noun)...)
	_, private := firstIn(ws, isPrivateWord)
	_, content := firstIn(ws, isPublicContentWord)
	switch {
	case private:
		score += 3
	case content && !changesObject(op, obj):
		score -= 3
	}
	if op.Mutating() {
		score++
	}
	return score
}

// changesObject reports whether op changes or deletes the addressed
// object itself, not a child added under it (a comment on a post).
func changesObject(op *spec.Operation, obj objectRef) bool {
	switch op.Method {
	case "PUT", "PATCH", "DELETE":
		return len(obj.after) == 0
	}
	return false
}

// refusesOthers reports whether op declares how it refuses a caller who
// does not own the object: a 403, or a 404 whose description says it is
// also the answer for someone else's object ("no such invoice for this
// caller"). A bare "not found" is what a missing object returns too, and
// proves nothing.
func refusesOthers(op *spec.Operation) bool {
	for _, r := range op.Responses {
		switch r.Code {
		case "403":
			return true
		case "404":
			if _, ok := firstIn(splitWords(r.Description), isOwnershipWord); ok {
				return true
			}
		}
	}
	return false
}

// isOwnershipWord reports words that, in a 404's description, tie the
// refusal to the caller ("not this caller's", "not yours").
func isOwnershipWord(w string) bool {
	switch w {
	case "caller", "yours", "owner", "owned", "own", "another", "other", "tenant", "permission",
		"access", "accessible", "belong", "belongs", "visible", "authorized", "authorised", "allowed":
		return true
	}
	return false
}

// ownershipCandidates groups the authenticated operations that address an
// object without declaring a tenant or ownership scope. Admin routes are
// left out (reaching every customer's object is their job; admin-without-role
// checks who may call them), and so are actions on the caller's own relation
// to an object (/profiles/{username}/follow).
func (rc *ruleContext) ownershipCandidates() []*objectRoutes {
	var groups []*objectRoutes
	byNoun := map[string]*objectRoutes{}
	for i, f := range rc.ops {
		if f.auth != authRequired || f.public || rc.cfg.IsAdminPath(f.op.Path, f.op.Tags) {
			continue
		}
		obj, ok := ownedObjectOf(f.op, rc)
		if !ok || relationAction(obj) {
			continue
		}
		rc.ev.objects++
		if rc.tenantScoped(f.op) || refusesOthers(f.op) {
			rc.ev.scoped++
			continue
		}
		score := ownershipScore(f.op, obj)
		g := byNoun[obj.noun]
		if g == nil {
			g = &objectRoutes{noun: obj.noun, first: i, score: score}
			byNoun[obj.noun] = g
			groups = append(groups, g)
		}
		if score > g.score || (score == g.score && len(g.ops) > 0 && f.op.Loc.File == g.ops[0].Loc.File && f.op.Loc.Line < g.ops[0].Loc.Line) {
			g.ops = append([]*spec.Operation{f.op}, g.ops...)
		} else {
			g.ops = append(g.ops, f.op)
		}
		g.score = max(g.score, score)
	}
	slices.SortStableFunc(groups, func(a, b *objectRoutes) int {
		if a.score != b.score {
			return b.score - a.score
		}
		if len(a.ops) != len(b.ops) {
			return len(b.ops) - len(a.ops)
		}
		return a.first - b.first
	})
	return groups
}

// relationAction reports an object route whose literal segments after the
// object act on the caller's relation to it.
func relationAction(obj objectRef) bool {
	for _, a := range obj.after {
		for _, w := range splitWords(a) {
			if isRelationAction(w) {
				return true
			}
		}
	}
	return false
}

// objectWithoutOwnershipCheck lists the IDOR/BOLA hot spots: the kinds of
// object an authenticated caller reaches by ID, key or query parameter
// without a declared tenant or ownership scope, one finding per kind of
// object at its best-ranked route, ranked, so that the few a reviewer would
// test first are medium and the rest low.
func objectWithoutOwnershipCheck(rc *ruleContext) {
	groups := rc.ownershipCandidates()
	medium := 0
	for _, g := range groups {
		if g.score >= 1 && medium < ownershipMedium {
			medium++
		}
	}
	for i, g := range groups {
		op := g.ops[0]
		obj, _ := ownedObjectOf(op, rc)
		msg := op.Key() + " " + verb(op.Method) + " " + article(obj.noun) + " " + obj.noun + " by " + obj.label()
		if len(g.ops) > 1 {
			others := make([]string, 0, len(g.ops)-1)
			for _, o := range g.ops[1:] {
				others = append(others, o.Key())
			}
			msg += " (so do " + examples(others, 3) + ")"
		}
		msg += " but declares no tenant or ownership scope"
		if hasCode(op, "404") {
			msg += "; its 404 does not say that another customer's " + obj.noun + " is refused"
		}
		r := rc.opReport(ruleObjectWithoutOwnership, op, msg)
		if i < medium {
			r.Message += ": test it with two customers' accounts first (object " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(groups)) + " to test in this document)"
		} else {
			r = capAt(r, finding.Low)
			r.Message += ": low, ranked below the " + plural(medium, "object") + " reported at medium in this document; test it after those"
		}
		rc.report(r)
	}
}
