package openapi

import (
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/spec"
)

// insecureServerURL reports plain-http servers: root servers (or 2.0
// schemes+host) and path- or operation-level ones.
func insecureServerURL(rc *ruleContext) {
	seen := map[string]bool{}
	check := func(s spec.Server, where string) {
		if !plainHTTP(s.URL) {
			return
		}
		// Path-level servers are shared by every operation on the path:
		// report each written server once.
		id := rc.fileOf(s.Loc) + "\x00" + itoaLoc(s.Loc) + "\x00" + s.URL
		if seen[id] {
			return
		}
		seen[id] = true
		rc.report(rc.locReport(ruleInsecureServerURL, firstLoc(s.Loc, rc.rootLoc()), "server:"+s.URL,
			where+"server "+s.URL+" is plain http: tokens, cookies and data cross the network in clear text; serve the API over https"))
	}
	for _, s := range rc.doc.Servers {
		check(s, "")
	}
	for _, f := range rc.ops {
		for _, s := range f.op.Servers {
			check(s, f.op.Key()+" has ")
		}
	}
}

func itoaLoc(l spec.Location) string {
	return strconv.Itoa(l.Line) + ":" + strconv.Itoa(l.Column)
}

// plainHTTP reports whether raw is an http:// URL to a host other than the
// local machine. Relative URLs and templated schemes ({scheme}://) are not.
func plainHTTP(raw string) bool {
	raw = strings.TrimSpace(raw)
	if len(raw) < len("http://") || !strings.EqualFold(raw[:len("http://")], "http://") {
		return false
	}
	rest := raw[len("http://"):]
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndex(rest, "@"); i >= 0 {
		rest = rest[i+1:]
	}
	host := rest
	if h, _, err := net.SplitHostPort(rest); err == nil {
		host = h
	} else if u, err := url.Parse("http://" + rest); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return !localHost(host)
}

// localHost reports whether host names the local machine, where plain http
// is how development servers run.
func localHost(host string) bool {
	h := strings.ToLower(strings.Trim(host, "[]"))
	switch {
	case h == "localhost", h == "::1", strings.HasSuffix(h, ".localhost"):
		return true
	}
	if ip := net.ParseIP(h); ip != nil {
		return ip.IsLoopback()
	}
	return false
}
