// Package spf parses Sender Policy Framework records (RFC 7208) and judges a
// sending domain's SPF the way a security reviewer does: it walks every
// include and redirect, counts the DNS-querying terms and void lookups that
// RFC 7208 §4.6.4 limits, finds the effective final "all", and reports each
// problem under a stable rule id.
//
// The package never talks to the network itself: Evaluate asks a Resolver,
// which another package adapts to a real DNS client. A lookup that fails for
// any reason other than "no such name or no such records" is a temporary
// error; it makes the part of the judgement it blocks "could not check",
// never a pass.
package spf
