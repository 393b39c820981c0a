package envvalue

import (
	"net"
	"net/url"
	"strings"
)

// localSuffixes end host names that resolve only on the developer's machine
// or a private network.
var localSuffixes = []string{".localhost", ".local", ".internal", ".lan", ".home.arpa", ".test", ".svc", ".cluster.local", ".consul"}

// loopbackNames resolve to the machine the process runs on.
var loopbackNames = map[string]bool{"localhost": true, "host.docker.internal": true, "gateway.docker.internal": true, "0.0.0.0": true, "::": true}

// LocalURL reports whether value points at the local machine: localhost,
// 127.0.0.0/8, ::1, 0.0.0.0, a *.localhost or *.local name or
// host.docker.internal, as a URL, a host:port or a bare host. In production
// such a value reaches nothing, or something other than intended.
func LocalURL(value string) bool {
	host, ok := hostOf(value)
	if !ok {
		return false
	}
	return loopback(host)
}

// InsecureURL reports whether value is a plain http:// URL to a host on
// the public internet. Loopback hosts are LocalURL's; private addresses,
// single-label service names (http://api:8080) and cluster-internal names
// (*.svc.cluster.local, *.internal) are traffic that never leaves the
// deployment, so they are not reported.
func InsecureURL(value string) bool {
	v := strings.TrimSpace(value)
	if len(v) < 7 || !strings.EqualFold(v[:7], "http://") {
		return false
	}
	host, ok := hostOf(v)
	if !ok || loopback(host) {
		return false
	}
	if ip := net.ParseIP(host); ip != nil {
		return !ip.IsPrivate() && !ip.IsLinkLocalUnicast() && !ip.IsUnspecified()
	}
	if !strings.Contains(host, ".") {
		return false
	}
	for _, s := range localSuffixes {
		if strings.HasSuffix(host, s) {
			return false
		}
	}
	return true
}

func loopback(host string) bool {
	// mDNS names (*.local) live on the developer's network; Kubernetes'
	// cluster.local is the cluster's own domain.
	mdns := strings.HasSuffix(host, ".local") && !strings.HasSuffix(host, ".cluster.local")
	if loopbackNames[host] || strings.HasSuffix(host, ".localhost") || mdns {
		return true
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.IsLoopback() || ip.IsUnspecified()
	}
	return false
}

// hostOf finds the host value names: the host of a URL, of host:port, or
// value itself when it is a bare host name. ok is false for anything else.
func hostOf(value string) (string, bool) {
	v := strings.TrimSpace(value)
	if v == "" || strings.ContainsAny(v, " \t\r\n") {
		return "", false
	}
	if len(v) > 5 && strings.EqualFold(v[:5], "jdbc:") {
		// JDBC URLs wrap the database's own: jdbc:postgresql://host/db.
		v = v[5:]
	}
	if strings.Contains(v, "://") {
		u, err := url.Parse(v)
		if err != nil {
			// Connection strings with unescaped characters in the password
			// do not parse; the host still follows the last "@".
			rest := v[strings.Index(v, "://")+3:]
			if at := strings.LastIndex(rest, "@"); at >= 0 {
				rest = rest[at+1:]
			}
			if end := strings.IndexAny(rest, "/?#,"); end >= 0 {
				rest = rest[:end]
			}
			return splitHost(rest)
		}
		return strings.ToLower(strings.Trim(u.Hostname(), "[]")), u.Hostname() != ""
	}
	return splitHost(v)
}

// splitHost reads host:port, [ipv6]:port, an IP or a host name.
func splitHost(v string) (string, bool) {
	if h, _, err := net.SplitHostPort(v); err == nil {
		return strings.ToLower(strings.Trim(h, "[]")), h != ""
	}
	t := strings.Trim(v, "[]")
	if net.ParseIP(t) != nil {
		return strings.ToLower(t), true
	}
	for _, r := range t {
		if !(r == '.' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return "", false
		}
	}
	return strings.ToLower(t), t != ""
}
