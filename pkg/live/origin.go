package live

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// origin is scheme + host + port: the only place the client talks to.
type origin struct {
	scheme   string // "http" or "https"
	host     string // lower-case host name or IP literal, without brackets
	port     string // explicit, the scheme's default when the URL has none
	hostPort string // net.JoinHostPort(host, port): the only address dialled
}

// String is scheme://host:port.
func (o origin) String() string { return o.scheme + "://" + o.hostPort }

// parseBase checks the --url value and returns its origin.
func parseBase(u *url.URL) (origin, error) {
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return origin{}, errors.New("--url must be http or https")
	}
	if u.Opaque != "" || u.Hostname() == "" {
		return origin{}, errors.New("--url must name a host: scheme://host[:port][/prefix]")
	}
	if u.User != nil {
		return origin{}, errors.New("--url must not carry credentials; put them in probe.identities")
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return origin{}, errors.New("--url must not have a query or a fragment")
	}
	for _, r := range u.Hostname() {
		if r > 0x7e || r <= 0x20 {
			return origin{}, errors.New("--url host must be ASCII (use its punycode form)")
		}
	}
	o, ok := originOf(u)
	if !ok {
		return origin{}, errors.New("--url port must be a number from 1 to 65535")
	}
	return o, nil
}

// originOf is the origin of an absolute http or https URL.
func originOf(u *url.URL) (origin, bool) {
	scheme := strings.ToLower(u.Scheme)
	port := u.Port()
	switch {
	case port != "":
	case scheme == "http":
		port = "80"
	case scheme == "https":
		port = "443"
	default:
		return origin{}, false
	}
	if !validPort(port) || u.Hostname() == "" {
		return origin{}, false
	}
	host := strings.ToLower(u.Hostname())
	return origin{scheme: scheme, host: host, port: port, hostPort: net.JoinHostPort(host, port)}, true
}

// validPort is a decimal port number from 1 to 65535 without a sign.
func validPort(p string) bool {
	n := 0
	for _, r := range p {
		if r < '0' || r > '9' || n > 65535 {
			return false
		}
		n = n*10 + int(r-'0')
	}
	return n >= 1 && n <= 65535
}

// same reports whether u is on origin o.
func (o origin) same(u *url.URL) bool {
	other, ok := originOf(u)
	return ok && other == o
}

// resolve turns a request path ("/api/x?page=1") into a URL under base, or
// refuses it: an absolute URL, a scheme-relative "//host", and anything whose
// result is on another origin is ErrOffOrigin. The path is joined under the
// path prefix of base; the fragment is dropped.
func resolve(base *url.URL, o origin, p string) (*url.URL, error) {
	if p == "" {
		p = "/"
	}
	if strings.HasPrefix(p, "//") {
		return nil, fmt.Errorf("%w: a scheme-relative URL is not a path", ErrOffOrigin)
	}
	ref, err := url.Parse(p)
	if err != nil {
		// err quotes the whole path, query included: not passed on.
		return nil, errors.New("the path is not a valid URL reference")
	}
	if ref.Scheme != "" || ref.Host != "" || ref.User != nil || ref.Opaque != "" {
		return nil, fmt.Errorf("%w: an absolute URL is not a path", ErrOffOrigin)
	}
	if !strings.HasPrefix(p, "/") {
		return nil, errors.New(`the path must start with "/"`)
	}
	raw := base.Scheme + "://" + base.Host + strings.TrimSuffix(base.EscapedPath(), "/") + ref.EscapedPath()
	if ref.RawQuery != "" || ref.ForceQuery {
		raw += "?" + ref.RawQuery
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, errors.New("the path is not a valid URL reference")
	}
	if !o.same(u) || u.User != nil {
		return nil, fmt.Errorf("%w: the path resolves to another origin", ErrOffOrigin)
	}
	return u, nil
}

// Redact is u as scheme://host[:port]/path: no credentials, query or fragment.
// It is the form of a URL that may be printed.
func Redact(u *url.URL) string {
	if u == nil {
		return ""
	}
	var b strings.Builder
	if u.Scheme != "" {
		b.WriteString(u.Scheme + ":")
	}
	if u.Host != "" {
		b.WriteString("//" + u.Host)
	}
	b.WriteString(u.EscapedPath())
	return b.String()
}

// printablePath is the part of a caller's path that may appear in an error:
// the path without query, fragment or credentials.
func printablePath(p string) string {
	u, err := url.Parse(p)
	if err != nil {
		return "(unparsable path)"
	}
	return Redact(u)
}
