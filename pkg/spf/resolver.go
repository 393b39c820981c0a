package spf

import (
	"context"
	"net/netip"
)

// Resolver is the DNS this package asks. Another package adapts a real DNS
// client to it; tests use a map.
//
// Every method follows one convention. A name that does not exist
// (NXDOMAIN), or exists without records of the asked type (NOERROR with an
// empty answer), returns (nil, nil): that is a void lookup in the sense of
// RFC 7208 §4.6.4. Any other failure — a timeout, SERVFAIL, REFUSED, a
// cancelled context — returns a non-nil error, which Evaluate treats as a
// temporary error: what it blocks is reported as could not check, never as
// a pass.
type Resolver interface {
	// TXT returns the TXT records of name, one string per record. A record
	// made of several character-strings (each at most 255 bytes) is
	// returned as one string: its character-strings joined with nothing
	// between them, as RFC 7208 §3.3 requires. Returning the pieces as
	// separate strings would cut an SPF record short.
	TXT(ctx context.Context, name string) ([]string, error)
	// MX returns the exchange host names of name's MX records.
	MX(ctx context.Context, name string) ([]string, error)
	// Addrs returns the A and AAAA addresses of name.
	Addrs(ctx context.Context, name string) ([]netip.Addr, error)
}
