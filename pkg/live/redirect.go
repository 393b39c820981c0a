package live

import (
	"net/http"
	"net/url"
)

// isRedirect reports whether status is a redirect the client follows.
func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// redirectTarget is the Location of a 3xx resolved against the URL that
// answered it, without fragment or credentials; ok is false when there is
// none or it does not parse, and then the 3xx is final.
func redirectTarget(h http.Header, from *url.URL) (*url.URL, bool) {
	loc := h.Get("Location")
	if loc == "" {
		return nil, false
	}
	ref, err := url.Parse(loc)
	if err != nil {
		return nil, false
	}
	to := from.ResolveReference(ref)
	to.Fragment, to.RawFragment, to.User = "", "", nil
	return to, true
}

// redirected is the exchange that follows a redirect to to: 301 and 302
// after a POST, and 303 after anything but HEAD, become a GET without body;
// 307 and 308 repeat the method and body. Headers are kept: the target is on
// the same origin.
func (ex exchange) redirected(status int, to *url.URL) exchange {
	next := ex
	next.url = to
	toGet := status == http.StatusSeeOther && ex.method != "HEAD" ||
		(status == http.StatusMovedPermanently || status == http.StatusFound) && ex.method == "POST"
	if toGet {
		next.method = "GET"
		next.body = nil
		next.header = ex.header.Clone()
		if next.header != nil {
			next.header.Del("Content-Type")
		}
	}
	return next
}
