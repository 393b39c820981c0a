package openapi

import (
	"strings"

	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/spec"
)

// objectRef is how an operation addresses one stored object.
type objectRef struct {
	// param is the parameter's name; inQuery tells ?report_id= from a
	// path segment.
	param   string
	inQuery bool
	// key is set for a non-ID key (/users/{username}), which addresses
	// the object as surely as an ID but is easier to guess.
	key bool
	// member is set for a parameter that is neither an ID nor a key but
	// follows a plural collection (/vehicles/{vin}): one item of it,
	// addressed by a name the document does not explain.
	member bool
	// noun is what the object is, singular ("invoice").
	noun string
	// after are the literal segments written after the parameter
	// (/invoices/{id}/pdf → pdf).
	after []string
}

// label is how messages name the parameter: {invoiceId} or ?report_id.
func (o objectRef) label() string {
	if o.inQuery {
		return "?" + o.param
	}
	return "{" + o.param + "}"
}

// objectInPath returns the last path parameter that addresses an object:
// an ID ({invoiceId}, {id}) or a key of the collection before it
// ({username} after /users, {project} after /projects). A parameter fixed
// reports (one limited to an enum of values) chooses a variant, not an
// object; fixed may be nil.
func objectInPath(p string, fixed func(name string) bool) (objectRef, bool) {
	segs := pathSegments(p)
	for i := len(segs) - 1; i >= 0; i-- {
		s := segs[i]
		if !s.param || (fixed != nil && fixed(s.text)) {
			continue
		}
		id := objectIDParam(s.text)
		if !id && !objectKeyParam(segs, i) {
			continue
		}
		ref := objectRef{param: s.text, key: !id, noun: objectNoun(segs, i)}
		for _, a := range segs[i+1:] {
			if !a.param {
				ref.after = append(ref.after, a.text)
			}
		}
		return ref, true
	}
	return objectRef{}, false
}

// objectNoun names what segs[i] addresses: the words of its name before
// the ID or key word (invoiceId → invoice, book_title → book), else the
// collection before it, else "object".
func objectNoun(segs []segment, i int) string {
	words := splitWords(segs[i].text)
	if len(words) > 1 && (isIDWord(words[len(words)-1]) || isKeyWord(words[len(words)-1])) {
		return strings.Join(words[:len(words)-1], " ")
	}
	if c, ok := collectionBefore(segs, i); ok {
		return c
	}
	if len(words) > 0 && !isIDWord(words[0]) && !isKeyWord(words[0]) {
		return strings.Join(words, " ")
	}
	return "object"
}

func isIDWord(w string) bool { return w == "id" || w == "uuid" || w == "guid" }

// collectionBefore is the literal segment before segs[i], singular and in
// words, skipping API version segments (/books/v1/{book_title}).
func collectionBefore(segs []segment, i int) (string, bool) {
	for j := i - 1; j >= 0; j-- {
		s := segs[j]
		if s.param {
			return "", false
		}
		if versionSegment(strings.ToLower(s.text)) {
			continue
		}
		return singular(strings.Join(splitWords(s.text), " ")), true
	}
	return "", false
}

// objectKeyParam reports whether the non-ID path parameter segs[i]
// addresses one object of the collection written before it: it is named
// after the collection (/projects/{project}) or ends in a key word
// (/users/{username}, /books/v1/{book_title}). Slugs, formats, locales and
// the like choose a variant, not a customer's object.
func objectKeyParam(segs []segment, i int) bool {
	name := segs[i].text
	if isNonObjectParam(normalName(name)) {
		return false
	}
	coll, ok := collectionBefore(segs, i)
	if !ok {
		return false
	}
	words := splitWords(name)
	if len(words) == 0 {
		return false
	}
	if strings.Join(words, " ") == coll {
		return true
	}
	return isKeyWord(words[len(words)-1])
}

// isNotObjectQueryID reports query parameters (folded by normalName) that
// end like an object ID but name a request, a trace or an OAuth client.
func isNotObjectQueryID(w string) bool {
	switch w {
	case "requestid", "traceid", "correlationid", "idempotencyid", "clientid", "sessionid", "externalid", "spanid":
		return true
	}
	return false
}

// objectInQuery returns a query parameter that addresses one object: an
// object ID that is required, or whose noun the path names
// (/mechanic_report?report_id=). An optional filter such as ?user_id= on
// a list narrows a listing and is left out.
func objectInQuery(op *spec.Operation, cfg *config.Config) (objectRef, bool) {
	pathWords := map[string]bool{}
	for _, s := range pathSegments(op.Path) {
		if !s.param {
			for _, w := range splitWords(s.text) {
				pathWords[singular(w)] = true
			}
		}
	}
	for _, p := range op.Parameters {
		if !strings.EqualFold(p.In, "query") || !objectIDParam(p.Name) || cfg.IsTenantParam(p.Name) || isNotObjectQueryID(normalName(p.Name)) {
			continue
		}
		words := splitWords(p.Name)
		noun := ""
		if len(words) > 1 {
			noun = strings.Join(words[:len(words)-1], " ")
		}
		named := noun != "" && pathWords[singular(words[len(words)-2])]
		if !p.Required && !named {
			continue
		}
		if noun == "" {
			noun = lastCollection(op.Path)
		}
		return objectRef{param: p.Name, inQuery: true, noun: noun}, true
	}
	return objectRef{}, false
}

// lastCollection is the last literal segment of a path, singular, for a
// bare ?id= parameter.
func lastCollection(p string) string {
	segs := pathSegments(p)
	for i := len(segs) - 1; i >= 0; i-- {
		if !segs[i].param && !versionSegment(strings.ToLower(segs[i].text)) {
			return singular(strings.Join(splitWords(segs[i].text), " "))
		}
	}
	return "object"
}

// objectOf is the object an operation addresses: in the path first, then
// in the query.
func objectOf(op *spec.Operation, cfg *config.Config) (objectRef, bool) {
	if o, ok := objectInPath(op.Path, enumParam(op)); ok {
		return o, true
	}
	return objectInQuery(op, cfg)
}

// tenantNamed reports whether a path parameter scopes the route to a
// tenant by its name: a tenant noun, alone or with an ID or key word
// ({organization}, {workspace_slug}, {teamId}).
func tenantNamed(name string) bool {
	words := splitWords(name)
	if len(words) > 1 {
		last := words[len(words)-1]
		if isIDWord(last) || last == "slug" || isKeyWord(last) {
			words = words[:len(words)-1]
		}
	}
	return isTenantNoun(strings.Join(words, ""))
}
