// Package dnsq is the resolver behind `launchgate dns`: a stub client that
// asks one or more recursive servers and keeps every outcome apart.
//
// The email-trust checks count SPF "void lookups" and must never take a
// failure for an absence, so a Lookup ends in exactly one of: an Answer
// with records, an Answer for a name that does not exist (NXDomain), an
// Answer for a name that exists without records of the type (Empty), or a
// typed error (ErrTimeout, ErrServFail, ErrRefused, ErrRcode, ErrBudget,
// ErrCNAMELoop, ErrMalformed, ErrName) that names the query and the server.
//
// Queries go over UDP with EDNS0 first and over TCP when the answer comes
// back truncated. Every packet sent counts against a whole-run budget, and
// answers are cached for the client's lifetime, so asking twice costs one
// query.
package dnsq
