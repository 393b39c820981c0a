package credential

import (
	"net/http"
	"strings"
)

// class is what kind of credential a header carries.
type class int

const (
	// notCredential headers (X-Tenant-Id, Accept, …) travel unchanged.
	notCredential class = iota
	authorization
	cookie
	// apiKey is any other header recognised as a credential by its name.
	apiKey
)

// classify tells which kind of credential the header named name carries:
// Authorization, Cookie, or a name holding a credential word (X-API-Key,
// Api-Key, X-Auth-Token, X-Session-Id, X-Client-Secret, …).
// Proxy-Authorization authenticates to a proxy on the way, not to the
// target, so it is kept.
func classify(name string) class {
	credentialWords := []string{"token", "api-key", "apikey", "api_key", "auth", "session", "secret", "password", "credential", "signature"}
	n := strings.ToLower(http.CanonicalHeaderKey(name))
	switch {
	case n == "authorization":
		return authorization
	case n == "cookie":
		return cookie
	case strings.HasPrefix(n, "proxy-"):
		return notCredential
	}
	for _, w := range credentialWords {
		if strings.Contains(n, w) {
			return apiKey
		}
	}
	return notCredential
}

// split separates h into the headers that carry no credential (a fresh
// copy) and the credential headers by class, each value list copied.
func split(h http.Header) (kept http.Header, creds map[class]http.Header) {
	kept = http.Header{}
	creds = map[class]http.Header{}
	for name, values := range h {
		c := classify(name)
		if c == notCredential {
			for _, v := range values {
				kept.Add(name, v)
			}
			continue
		}
		if creds[c] == nil {
			creds[c] = http.Header{}
		}
		for _, v := range values {
			creds[c].Add(name, v)
		}
	}
	return kept, creds
}

// with returns a copy of kept with the headers of extra added.
func with(kept http.Header, extra http.Header) http.Header {
	out := make(http.Header, len(kept)+len(extra))
	for name, values := range kept {
		out[name] = append([]string(nil), values...)
	}
	for name, values := range extra {
		for _, v := range values {
			out.Add(name, v)
		}
	}
	return out
}
