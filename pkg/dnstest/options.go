package dnstest

// Options configures a Server. Names are matched case-insensitively,
// with or without the final dot, for every query type.
type Options struct {
	// Zones are zone files to serve; each names its apex with an SOA
	// record or a $ORIGIN line.
	Zones []string
	// Text are zones written inline, keyed by their apex; $ORIGIN may be
	// left out.
	Text map[string]string
	// Truncate lists names whose UDP answers are sent with TC=1 and no
	// records, whatever their size; TCP gets the whole answer.
	Truncate []string
	// Timeout lists names that are never answered: the query is dropped.
	Timeout []string
	// ServFail lists names answered SERVFAIL.
	ServFail []string
	// NoChase answers a CNAME with the CNAME alone, even when the target
	// is served here, as a server that does not chase targets: the
	// client must ask for the target itself.
	NoChase bool
	// Refuse lists names answered REFUSED. Names outside every zone are
	// refused too, as an authoritative server does.
	Refuse []string
}
