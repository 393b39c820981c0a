package spf

import "net/netip"

// Record is a parsed SPF record: its text and its terms in the order they
// were written, without the version tag.
type Record struct {
	Text  string
	Terms []Term
}

// Term is one mechanism or modifier of a record.
type Term struct {
	// Text is the term as written, qualifier included.
	Text string
	// Modifier is set for name=value terms (redirect=, exp= and unknown
	// modifiers); otherwise the term is a mechanism.
	Modifier bool
	// Qualifier is the mechanism's qualifier (Pass when none was written);
	// zero for modifiers.
	Qualifier Qualifier
	// Name is the mechanism or modifier name in lower case: all, include,
	// a, mx, ptr, ip4, ip6, exists, redirect, exp or an unknown modifier's
	// name.
	Name string
	// Value is the domain-spec of a mechanism (empty when a, mx or ptr use
	// the current domain), or the value of a modifier.
	Value string
	// Net is the network of ip4 and ip6.
	Net netip.Prefix
	// V4Len and V6Len are the dual-cidr-length of a and mx, -1 when absent.
	V4Len, V6Len int
	// Macro is set when Value holds macros (RFC 7208 §7), which this package
	// validates but never expands.
	Macro bool
}

// CausesLookup reports whether the term is one of the DNS-querying terms
// RFC 7208 §4.6.4 counts: include, a, mx, ptr, exists and redirect.
func (t Term) CausesLookup() bool {
	if t.Modifier {
		return t.Name == "redirect"
	}
	switch t.Name {
	case "include", "a", "mx", "ptr", "exists":
		return true
	}
	return false
}

// Modifier returns the first modifier of the given name, if any. Parse
// rejects a record with redirect= or exp= given twice.
func (r *Record) Modifier(name string) (Term, bool) {
	for _, t := range r.Terms {
		if t.Modifier && t.Name == name {
			return t, true
		}
	}
	return Term{}, false
}
