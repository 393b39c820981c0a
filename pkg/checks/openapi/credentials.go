package openapi

import (
	"strings"
)

// credentialNames are parameter names (folded by normalName) that carry a
// credential.
var credentialNames = map[string]bool{
	"password": true, "passwd": true, "pwd": true, "passphrase": true,
	"secret": true, "clientsecret": true, "apisecret": true,
	"token": true, "accesstoken": true, "refreshtoken": true, "idtoken": true,
	"authtoken": true, "bearertoken": true, "sessiontoken": true, "apitoken": true,
	"apikey": true, "secretkey": true, "privatekey": true, "accesskey": true,
	"sessionkey": true,
	"jwt":        true, "authorization": true,
}

// notCredentials end like a credential but are not one: pagination cursors
// and token metadata. CSRF tokens are left out on purpose: they are bound to
// a session and meant to be readable by the page, so one in a URL is not a
// stolen login.
var notCredentials = map[string]bool{
	"tokentype": true, "paginationtoken": true, "pagetoken": true, "nextpagetoken": true,
	"nexttoken": true, "prevtoken": true, "previoustoken": true, "continuationtoken": true,
	"cursortoken": true, "synctoken": true, "pagingtoken": true, "resumetoken": true,
	"csrftoken": true, "xsrftoken": true, "csrf": true, "xsrf": true,
}

// sessionNames identify a session. In the query string they are the
// session-in-URL smell (?session_id=, ;jsessionid=); as a path segment they
// usually address a session resource (/checkout/sessions/{session}), so
// they count only in the query.
var sessionNames = map[string]bool{"session": true, "sessionid": true, "sessid": true, "jsessionid": true, "phpsessid": true}

// credentialParam reports whether a parameter name looks like it carries a
// credential: an exact credential name, or a name ending in token, secret or
// password (resetToken, client_secret) that is not a pagination cursor.
func credentialParam(name, in string) bool {
	n := normalName(name)
	if sessionNames[n] {
		return strings.EqualFold(in, "query")
	}
	if n == "" || notCredentials[n] {
		return false
	}
	if credentialNames[n] {
		return true
	}
	for _, suffix := range []string{"token", "secret", "password"} {
		if strings.HasSuffix(n, suffix) {
			return true
		}
	}
	return false
}

// credentialsInURL reports path and query parameters that carry
// credentials: URLs end up in access logs, proxies, browser history and
// Referer headers.
func credentialsInURL(rc *ruleContext) {
	seen := map[string]bool{}
	for _, f := range rc.ops {
		for _, p := range f.op.Parameters {
			in := strings.ToLower(p.In)
			if (in != "query" && in != "path") || !credentialParam(p.Name, in) {
				continue
			}
			if in == "path" && identifiesCollection(f.op.Path, p.Name) {
				continue
			}
			// Path-level parameters are shared by the path's operations:
			// report each written parameter once.
			loc := firstLoc(p.Loc, f.op.Loc)
			id := rc.fileOf(loc) + "\x00" + itoaLoc(loc) + "\x00" + p.Name
			if seen[id] {
				continue
			}
			seen[id] = true
			rc.report(rc.locReport(ruleCredentialsInURL, loc, f.op.Key()+" "+in+":"+p.Name,
				f.op.Key()+" takes "+in+" parameter \""+p.Name+"\", which looks like a credential: URLs are kept in access logs, proxies, browser history and Referer headers; send it in a header or the request body"))
		}
	}
}

// identifiesCollection reports whether the path parameter name is the
// singular of the collection written just before it — /tokens/{token},
// /authorizations/{authorization} — which makes it the ID of a stored
// object, not a credential riding in the URL. /invites/{inviteToken} is the
// invite's secret, and still counts.
func identifiesCollection(path, name string) bool {
	segs := pathSegments(path)
	for i := 1; i < len(segs); i++ {
		if !segs[i].param || segs[i].text != name || segs[i-1].param {
			continue
		}
		coll := normalName(segs[i-1].text)
		n := normalName(name)
		for _, singular := range []string{coll, strings.TrimSuffix(coll, "s"), strings.TrimSuffix(coll, "es")} {
			if n == singular {
				return true
			}
		}
	}
	return false
}
