package spf

import (
	"errors"
	"fmt"
)

// ErrQueryLimit is the temporary error recorded when an evaluation reaches
// its cap on DNS queries and stops asking.
var ErrQueryLimit = errors.New("query cap reached; the rest of the policy was not fetched")

// ErrNotExpanded is recorded in TempErrors for an include or redirect whose
// domain holds macros: what it points at depends on the message being
// checked, so the records under it are unknown.
var ErrNotExpanded = errors.New("domain has macros, which are not expanded; the records it points at were not checked")

// Result is the judgement of one domain's SPF.
type Result struct {
	// Domain is the domain evaluated, in canonical form.
	Domain string
	// Records are the v=spf1 TXT records found at Domain (at most 16 are
	// kept).
	Records []string
	// Tree is the lookup tree: the domain's record and every include and
	// redirect under it. Nil when no record could be fetched.
	Tree *Tree
	// Lookups counts the DNS-querying terms over the whole tree, as RFC
	// 7208 §4.6.4 does; VoidLookups the lookups that returned nothing.
	// Both are lower bounds when TempErrors is not empty.
	Lookups     int
	VoidLookups int
	// FinalAll is the all the domain's policy ends in, through redirect=.
	FinalAll FinalAll
	// Problems are in a stable order: the order of a depth-first walk of
	// the tree, then the limits on the totals.
	Problems []Problem
	// TempErrors lists what could not be checked: failed queries, the
	// query cap, includes and redirects with macros. When it is not empty,
	// what those would have shown is unknown.
	TempErrors []TempError
}

// FinalAll is the all a policy ends in.
type FinalAll struct {
	// Qualifier is zero when the final all could not be determined (a
	// temporary error, an invalid redirect, a redirect with macros).
	Qualifier Qualifier
	// Domain is the domain whose record the all is in; it differs from the
	// evaluated domain when reached through redirect=.
	Domain string
	// Implicit is set when no record in the redirect chain has an all:
	// receivers then give senders not listed "neutral", as ?all does.
	Implicit bool
}

// TempError is a query that failed with something other than "no such
// name or records".
type TempError struct {
	// Query is the record type and name asked, such as "TXT example.com".
	Query string
	Err   error
}

// Error names the query and the failure.
func (e TempError) Error() string { return fmt.Sprintf("%s: %v", e.Query, e.Err) }

// Unwrap returns the failure.
func (e TempError) Unwrap() error { return e.Err }

// Status is the overall outcome of an evaluation. The zero value is
// Unknown, so a Result nobody filled in never reads as a pass.
type Status int

// The statuses.
const (
	// Unknown: no problem found, but some query failed, so the policy
	// could not be checked in full.
	Unknown Status = iota
	// Failed: at least one problem.
	Failed
	// Passed: every query answered and no problem found.
	Passed
)

// String returns "unknown", "failed" or "passed".
func (s Status) String() string {
	switch s {
	case Failed:
		return "failed"
	case Passed:
		return "passed"
	}
	return "unknown"
}

// Status is Failed when there are problems, else Unknown when anything
// could not be checked, else Passed.
func (r *Result) Status() Status {
	switch {
	case len(r.Problems) > 0:
		return Failed
	case len(r.TempErrors) > 0:
		return Unknown
	}
	return Passed
}
