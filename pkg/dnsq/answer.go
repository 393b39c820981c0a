package dnsq

import "github.com/miekg/dns"

// Answer is the outcome of a Lookup that a server answered with NOERROR
// or NXDOMAIN.
type Answer struct {
	// Name is the name the records belong to: the name asked, or the last
	// target of its CNAME chain.
	Name string
	// Chain lists the CNAME targets followed, in order; empty when the
	// name had no CNAME.
	Chain []string
	// Rcode is the response code of the last reply (dns.RcodeSuccess or
	// dns.RcodeNameError).
	Rcode int
	// Records are the records of the type asked that belong to Name.
	Records []dns.RR
	// Truncated is true when a UDP reply came back truncated.
	Truncated bool
	// ViaTCP is true when the last reply came over TCP.
	ViaTCP bool
	// Server is the HOST:PORT of the server that gave the last reply.
	Server string
}

// NXDomain reports whether the name does not exist (after CNAMEs).
func (a *Answer) NXDomain() bool { return a.Rcode == dns.RcodeNameError }

// Empty reports whether the name exists but has no records of the type
// asked (NOERROR with no answer, "NODATA").
func (a *Answer) Empty() bool { return a.Rcode == dns.RcodeSuccess && len(a.Records) == 0 }

// Void reports whether the answer is an SPF void lookup (RFC 7208
// §4.6.4): NXDOMAIN, or NOERROR with no records of the type.
func (a *Answer) Void() bool { return a.NXDomain() || a.Empty() }

// clone returns a copy the caller may change without touching the cache.
func (a *Answer) clone() *Answer {
	c := *a
	c.Chain = append([]string(nil), a.Chain...)
	c.Records = make([]dns.RR, len(a.Records))
	for i, rr := range a.Records {
		c.Records[i] = dns.Copy(rr)
	}
	return &c
}
