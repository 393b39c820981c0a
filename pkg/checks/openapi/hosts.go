package openapi

import (
	"net"
	"net/url"
	"strings"
)

// hostScope says who can reach a server's host name or address.
type hostScope int

const (
	// scopePublic: a name or address on the internet.
	scopePublic hostScope = iota
	// scopeLocal: the local machine (localhost, loopback), where plain
	// http is how development servers run.
	scopeLocal
	// scopeReserved: a name reserved for testing or one that never
	// resolves (RFC 2606 / 6761 .test and .invalid), or the unspecified
	// address a server binds to: a development host.
	scopeReserved
	// scopePrivate: a name or address only a private network resolves or
	// routes (RFC 6762 .local, .internal, .home.arpa, a single-label name,
	// RFC 1918 and unique-local addresses, link-local).
	scopePrivate
)

// reservedSuffixes are the special-use top-level names no public server
// answers to. The documentation names (.example, example.com) are not
// among them: a document writes them in place of its real host.
var reservedSuffixes = []string{".test", ".invalid"}

// privateSuffixes are the top-level names for private networks.
var privateSuffixes = []string{".local", ".internal", ".home.arpa", ".lan", ".intranet", ".corp"}

// scopeOf classifies a host name or address as written in a URL (brackets
// around IPv6 allowed).
func scopeOf(host string) hostScope {
	h := strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return scopeLocal
	}
	if ip := net.ParseIP(h); ip != nil {
		switch {
		case ip.IsLoopback():
			return scopeLocal
		case ip.IsUnspecified():
			return scopeReserved
		case ip.IsPrivate(), ip.IsLinkLocalUnicast(), sharedAddress(ip):
			return scopePrivate
		}
		return scopePublic
	}
	for _, s := range reservedSuffixes {
		if h == s[1:] || strings.HasSuffix(h, s) {
			return scopeReserved
		}
	}
	for _, s := range privateSuffixes {
		if h == s[1:] || strings.HasSuffix(h, s) {
			return scopePrivate
		}
	}
	if h != "" && !strings.Contains(h, ".") && !strings.ContainsAny(h, "{}") {
		// A single-label name (a compose service, an intranet host)
		// resolves only on the network that defines it.
		return scopePrivate
	}
	return scopePublic
}

// sharedAddress reports the carrier-grade NAT range 100.64.0.0/10, which
// the internet does not route either.
func sharedAddress(ip net.IP) bool {
	v4 := ip.To4()
	return v4 != nil && v4[0] == 100 && v4[1]&0xc0 == 64
}

// whyNotPublic says, for a scope other than public, why a plain-http
// server there is low.
func whyNotPublic(s hostScope) string {
	switch s {
	case scopeReserved:
		return "the host is a name reserved for testing (RFC 6761) or an unspecified address, which no public server answers to"
	case scopePrivate:
		return "the host is a private-network name or address, not reachable from the internet; traffic still crosses that network in clear text"
	}
	return ""
}

// httpHost returns the host of an http:// URL; ok is false for any other
// scheme, relative URLs and templated schemes ({scheme}://).
func httpHost(raw string) (host string, ok bool) {
	raw = strings.TrimSpace(raw)
	if len(raw) < len("http://") || !strings.EqualFold(raw[:len("http://")], "http://") {
		return "", false
	}
	rest := raw[len("http://"):]
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndex(rest, "@"); i >= 0 {
		rest = rest[i+1:]
	}
	host = rest
	if h, _, err := net.SplitHostPort(rest); err == nil {
		host = h
	} else if u, err := url.Parse("http://" + rest); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return host, true
}
