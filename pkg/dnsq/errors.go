package dnsq

import (
	"errors"
	"strings"
)

// The kinds of failure a Lookup can end in. Test for them with errors.Is;
// the error itself is a *QueryError that names the query and the servers.
var (
	// ErrTimeout: no server answered within the attempt timeouts.
	ErrTimeout = errors.New("no answer in time")
	// ErrServFail: a server answered SERVFAIL (its own lookup failed).
	ErrServFail = errors.New("SERVFAIL")
	// ErrRefused: a server answered REFUSED.
	ErrRefused = errors.New("REFUSED")
	// ErrRcode: a server answered with a response code other than
	// NOERROR, NXDOMAIN, SERVFAIL and REFUSED (FORMERR, NOTIMP, ...).
	ErrRcode = errors.New("unexpected response code")
	// ErrNetwork: a server could not be reached (connection refused,
	// no route).
	ErrNetwork = errors.New("server unreachable")
	// ErrMalformed: a reply could not be parsed, or its ID or question
	// did not match the query.
	ErrMalformed = errors.New("malformed reply")
	// ErrBudget: the client's query budget (Options.MaxQueries) is spent.
	ErrBudget = errors.New("query budget spent")
	// ErrCNAMELoop: the CNAME chain loops or is longer than
	// Options.MaxCNAME.
	ErrCNAMELoop = errors.New("CNAME loop or chain too long")
	// ErrName: the name cannot be asked (empty, too long, not ASCII).
	ErrName = errors.New("invalid name")
)

// Attempt is how one server failed one query.
type Attempt struct {
	// Server is the server's HOST:PORT.
	Server string
	// Err is the kind of failure, one of the Err values above.
	Err error
	// Detail says what happened, for example "answered SERVFAIL".
	Detail string
}

// QueryError is the error of a Lookup that got no usable answer.
type QueryError struct {
	// Query is the type and name asked, "TXT _dmarc.example.com".
	Query string
	// Err is the kind that ended the Lookup: one of the Err values above,
	// or the context's error.
	Err error
	// Detail says why when no server is to blame (budget, loop, name).
	Detail string
	// Attempts lists each server that failed, in the order asked.
	Attempts []Attempt
}

// Error reads like "TXT _dmarc.example.com: server 127.0.0.1:5353
// answered SERVFAIL; server 127.0.0.1:5354 answered REFUSED".
func (e *QueryError) Error() string {
	var b strings.Builder
	b.WriteString(e.Query)
	b.WriteString(": ")
	parts := make([]string, 0, len(e.Attempts)+1)
	for _, a := range e.Attempts {
		parts = append(parts, "server "+a.Server+" "+a.Detail)
	}
	if e.Detail != "" {
		parts = append(parts, e.Detail)
	}
	if len(parts) == 0 && e.Err != nil {
		parts = append(parts, e.Err.Error())
	}
	b.WriteString(strings.Join(parts, "; "))
	return b.String()
}

// Unwrap returns the kind that ended the Lookup and the kind of every
// failed attempt, so errors.Is matches any of them.
func (e *QueryError) Unwrap() []error {
	out := make([]error, 0, len(e.Attempts)+1)
	if e.Err != nil {
		out = append(out, e.Err)
	}
	for _, a := range e.Attempts {
		if a.Err != nil && a.Err != e.Err {
			out = append(out, a.Err)
		}
	}
	return out
}
