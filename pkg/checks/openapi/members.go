package openapi

import (
	"strings"

	"github.com/launchgate/launchgate/pkg/spec"
)

// enumParam returns a test of whether a path parameter of op is limited
// to an enum of values: {format} with enum [pdf, csv] picks one of a fixed
// set, never a customer's object.
func enumParam(op *spec.Operation) func(name string) bool {
	return func(name string) bool {
		for _, p := range op.Parameters {
			if p.Enum && p.Name == name && strings.EqualFold(p.In, "path") {
				return true
			}
		}
		return false
	}
}

// pluralSegment reports whether a literal path segment names a collection:
// its last word is a plural (vehicles, time-entries), not a word that only
// ends in s (status, analysis, access, news).
func pluralSegment(text string) bool {
	ws := splitWords(text)
	if len(ws) == 0 {
		return false
	}
	w := ws[len(ws)-1]
	if len(w) < 4 || !strings.HasSuffix(w, "s") {
		return false
	}
	for _, end := range []string{"ss", "us", "is", "ws", "ics"} {
		if strings.HasSuffix(w, end) {
			return false
		}
	}
	return true
}

// memberInPath returns the last path parameter that follows a plural
// collection (/vehicles/{vin}, /repos/{repo}) when it is neither an ID
// nor a key, the way objectInPath reads those: one item of the
// collection, by whatever name. Variants (formats, locales, types),
// slugs, enum-limited parameters and tenant scopes are not items.
func memberInPath(op *spec.Operation) (objectRef, bool) {
	fixed := enumParam(op)
	segs := pathSegments(op.Path)
	for i := len(segs) - 1; i >= 0; i-- {
		s := segs[i]
		if !s.param || fixed(s.text) || !memberName(s.text) || !afterPlural(segs, i) {
			continue
		}
		ref := objectRef{param: s.text, member: true, noun: objectNoun(segs, i)}
		for _, a := range segs[i+1:] {
			if !a.param {
				ref.after = append(ref.after, a.text)
			}
		}
		return ref, true
	}
	return objectRef{}, false
}

// memberName reports whether a path parameter's name may name an item:
// not a variant, a slug, a tenant, or a credential (an invite token in
// the path is a capability, which credentials-in-url judges).
func memberName(name string) bool {
	ws := splitWords(name)
	if len(ws) == 0 || isNonObjectParam(normalName(name)) || tenantNamed(name) || credentialParam(name, "path") {
		return false
	}
	last := ws[len(ws)-1]
	return !isNonObjectParam(last) && !callerSegments[last]
}

// afterPlural reports whether the segment before segs[i], past version
// segments, is a plural literal.
func afterPlural(segs []segment, i int) bool {
	for j := i - 1; j >= 0; j-- {
		s := segs[j]
		if s.param {
			return false
		}
		if versionSegment(strings.ToLower(s.text)) {
			continue
		}
		return pluralSegment(s.text)
	}
	return false
}

// ownedObjectOf is the object the ownership rule looks at: an ID, key or
// query ID (objectOf), else an item of a collection (memberInPath).
func ownedObjectOf(op *spec.Operation, rc *ruleContext) (objectRef, bool) {
	if o, ok := objectOf(op, rc.cfg); ok {
		return o, true
	}
	return memberInPath(op)
}
