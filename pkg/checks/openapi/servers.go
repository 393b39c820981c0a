package openapi

import (
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/spec"
)

// insecureServerURL reports plain-http servers: root servers (or 2.0
// schemes, with or without a host) and path- or operation-level ones
// (2.0 operation schemes). A server on the local machine is not reported;
// one on a name reserved for testing or on a private network is low, and
// the message says why. An http scheme beside https is reported too: the
// API still answers in clear text.
func insecureServerURL(rc *ruleContext) {
	seen := map[string]bool{}
	counted := map[spec.Server]bool{}
	check := func(s spec.Server, where string) {
		rc.countServer(counted, s)
		if strings.EqualFold(s.Scheme, "http") {
			key := "server:http:" + s.URL
			if where != "" {
				key = where + key
			}
			rc.report(rc.locReport(ruleInsecureServerURL, firstLoc(s.Loc, rc.rootLoc()), key,
				where+"schemes list http and the document names no host: the API is served over plain http on whatever host serves it, so tokens, cookies and data cross the network in clear text; list only https"))
			return
		}
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
		r := rc.locReport(ruleInsecureServerURL, firstLoc(s.Loc, rc.rootLoc()), "server:"+s.URL,
			where+"server "+s.URL+" is plain http: tokens, cookies and data cross the network in clear text; serve the API over https")
		host, _ := httpHost(s.URL)
		if why := whyNotPublic(scopeOf(host)); why != "" {
			r = capAt(r, finding.Low)
			r.Message += "; low, since " + why
		}
		rc.report(r)
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
	host, ok := httpHost(raw)
	return ok && scopeOf(host) != scopeLocal
}

// countServer counts a written server once (path-level servers are copied
// onto every operation of the path), by how it is served.
func (rc *ruleContext) countServer(counted map[spec.Server]bool, s spec.Server) {
	if counted[s] {
		return
	}
	counted[s] = true
	rc.ev.servers++
	switch {
	case strings.EqualFold(s.Scheme, "https"), s.Scheme == "" && hasScheme(s.URL, "https"):
		rc.ev.https++
	case strings.EqualFold(s.Scheme, "http"), plainHTTP(s.URL):
		rc.ev.plain++
	}
}

// hasScheme reports whether raw is an absolute URL with the given scheme.
func hasScheme(raw, scheme string) bool {
	return len(raw) > len(scheme)+3 && strings.EqualFold(raw[:len(scheme)+3], scheme+"://")
}
