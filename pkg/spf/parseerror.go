package spf

import (
	"errors"
	"strconv"
)

// ErrSyntax is what every ParseError unwraps to, so callers can tell a
// malformed record from other failures with errors.Is.
var ErrSyntax = errors.New("SPF syntax error")

// ParseError is a syntax error in a record: the term it is about (empty for
// the record as a whole) and why.
type ParseError struct {
	Term   string
	Reason string
}

// Error names the term and the reason, as in
// "ip4:10.0.0.300: not an IPv4 address". A term holding characters that
// are not printable ASCII is quoted so it cannot disturb a terminal.
func (e *ParseError) Error() string {
	if e.Term == "" {
		return e.Reason
	}
	return printable(e.Term) + ": " + e.Reason
}

// Unwrap returns ErrSyntax.
func (e *ParseError) Unwrap() error { return ErrSyntax }

// printable returns s unchanged when it is printable ASCII, else quoted.
func printable(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return strconv.QuoteToASCII(s)
		}
	}
	return s
}

// syntaxError builds a *ParseError.
func syntaxError(term, reason string) error {
	return &ParseError{Term: term, Reason: reason}
}
