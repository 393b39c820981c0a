package cors

import (
	"strings"
)

// origin is a web origin reduced to what browsers compare: lowercase
// scheme and host, and the port, "" for the scheme's default.
type origin struct {
	scheme, host, port string
}

func (o origin) String() string {
	s := o.scheme + "://" + o.host
	if o.port != "" {
		s += ":" + o.port
	}
	return s
}

// parseOrigin reads s as a web origin: http or https, a host, an optional
// port and at most a trailing slash. When a scheme is missing it is
// defaultScheme, or s is no origin if defaultScheme is "". A host may
// start with "*." (a subdomain wildcard). It reports false for anything
// else: a path, a wildcard alone, a regular expression.
func parseOrigin(s, defaultScheme string) (origin, bool) {
	s = strings.TrimSpace(s)
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		scheme, rest = defaultScheme, s
	}
	scheme = strings.ToLower(scheme)
	if scheme != "http" && scheme != "https" {
		return origin{}, false
	}
	rest = strings.TrimSuffix(rest, "/")
	if rest == "" || strings.ContainsAny(rest, "/?#@ \t\\") {
		return origin{}, false
	}
	host, port := rest, ""
	if i := strings.LastIndexByte(rest, ':'); i >= 0 && !strings.Contains(rest[i:], "]") {
		host, port = rest[:i], rest[i+1:]
		if port == "" || strings.Trim(port, "0123456789") != "" || len(port) > 5 {
			return origin{}, false
		}
		port = strings.TrimLeft(port, "0")
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if !validHost(host) {
		return origin{}, false
	}
	if scheme == "https" && port == "443" || scheme == "http" && port == "80" {
		port = ""
	}
	return origin{scheme: scheme, host: host, port: port}, true
}

// validHost accepts a DNS name (with an optional leading "*." label), an
// IPv4 address or a bracketed IPv6 address.
func validHost(h string) bool {
	if strings.HasPrefix(h, "[") {
		return len(h) > 2 && strings.HasSuffix(h, "]") && strings.Trim(h[1:len(h)-1], "0123456789abcdef:.") == ""
	}
	h = strings.TrimPrefix(h, "*.")
	if h == "" || len(h) > 253 {
		return false
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || strings.Trim(label, "abcdefghijklmnopqrstuvwxyz0123456789-_") != "" {
			return false
		}
	}
	return true
}

// allowList is the parsed cors.allowed_origins.
type allowList struct {
	origins []origin
	// any is set by a "*" entry: every origin is allowed.
	any bool
}

// parseAllowList parses the config's origins; one without a scheme means
// https. Entries that are no origin are left out: the config's own
// validation is the place to complain about them.
func parseAllowList(entries []string) allowList {
	var a allowList
	for _, e := range entries {
		if strings.TrimSpace(e) == "*" {
			a.any = true
			continue
		}
		if o, ok := parseOrigin(e, "https"); ok {
			a.origins = append(a.origins, o)
		}
	}
	return a
}

// allows reports whether o, an origin written in code, is on the list: an
// entry equal to it, or a "*." entry whose domain o's host lies under (a
// code wildcard needs an entry at least as wide).
func (a allowList) allows(o origin) bool {
	if a.any {
		return true
	}
	for _, e := range a.origins {
		if e.scheme != o.scheme || e.port != o.port {
			continue
		}
		if e.host == o.host {
			return true
		}
		if suffix, ok := strings.CutPrefix(e.host, "*"); ok {
			rest, under := strings.CutSuffix(strings.TrimPrefix(o.host, "*"), suffix)
			if under && (rest != "" || strings.HasPrefix(o.host, "*")) {
				return true
			}
		}
	}
	return false
}
