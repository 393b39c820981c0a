package dnsq

import "time"

// Defaults used when an Options field is zero.
const (
	DefaultTimeout    = 2 * time.Second
	DefaultRetries    = 1
	DefaultMaxQueries = 200
	DefaultMaxCNAME   = 8
)

// Upper bounds on Options, so that a configuration cannot make one
// Lookup run for hours.
const (
	maxServers = 8
	maxRetries = 5
	maxCNAME   = 32
)

// ednsSize is the UDP payload size advertised in EDNS0 (the DNS flag day
// 2020 value, which avoids IP fragmentation on common paths).
const ednsSize = 1232

// resolvConf is where the system's servers are read from when
// Options.Servers is empty.
const resolvConf = "/etc/resolv.conf"

// Options configures a Client. The zero value asks the system's servers
// with the defaults above.
type Options struct {
	// Servers are the recursive servers to ask, as HOST:PORT (a bare IP
	// address means port 53), in order: the next one is tried when one
	// times out, fails or refuses. Empty means the nameservers of
	// /etc/resolv.conf.
	Servers []string
	// Timeout limits each attempt (one packet sent and its answer
	// awaited). Zero means DefaultTimeout.
	Timeout time.Duration
	// Retries is how many more UDP attempts a server gets after a
	// timeout. Zero means DefaultRetries; negative means none.
	Retries int
	// MaxQueries is the whole-run budget of packets sent, retries and TCP
	// included. Zero means DefaultMaxQueries.
	MaxQueries int
	// MaxCNAME is how many CNAMEs one Lookup follows at most. Zero means
	// DefaultMaxCNAME.
	MaxCNAME int
}

// withDefaults returns o with zero fields replaced by the defaults and
// every field held within its bound.
func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	switch {
	case o.Retries == 0:
		o.Retries = DefaultRetries
	case o.Retries < 0:
		o.Retries = 0
	case o.Retries > maxRetries:
		o.Retries = maxRetries
	}
	if o.MaxQueries <= 0 {
		o.MaxQueries = DefaultMaxQueries
	}
	if o.MaxCNAME <= 0 {
		o.MaxCNAME = DefaultMaxCNAME
	}
	if o.MaxCNAME > maxCNAME {
		o.MaxCNAME = maxCNAME
	}
	return o
}
