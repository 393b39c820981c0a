package monitors

import (
	"net/url"
	"strings"
)

// urlPath reads the path a monitor's URL calls: the path of an http or
// https URL ("/" for a bare origin), also when the origin is a template
// the repository cannot resolve ("${APP_URL}/health",
// "{{ .Env.HOST }}/health"). Other schemes (tcp://, icmp://, dns) call no
// HTTP route.
func urlPath(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", false
	}
	if rest, ok := afterTemplate(raw); ok {
		if rest == "" {
			return "/", true
		}
		if !strings.HasPrefix(rest, "/") {
			return "", false
		}
		return cleanPath(rest), true
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	return cleanPath(p), true
}

// afterTemplate cuts a leading ${…}, {{…}} or #{…} placeholder off raw.
func afterTemplate(raw string) (string, bool) {
	for _, t := range []struct{ open, close string }{{"${", "}"}, {"{{", "}}"}, {"#{", "}"}} {
		if strings.HasPrefix(raw, t.open) {
			end := strings.Index(raw, t.close)
			if end < 0 {
				return "", false
			}
			return raw[end+len(t.close):], true
		}
	}
	return "", false
}

// cleanPath drops a query, a fragment and a trailing slash.
func cleanPath(p string) string {
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if len(p) > 1 {
		p = strings.TrimRight(p, "/")
	}
	if p == "" {
		return "/"
	}
	return p
}

// route is a "METHOD /path" the monitors must cover.
type route struct {
	method, path string
	// alt is the path under the spec's server base path ("/v1/health"),
	// which a monitor of the production URL calls; "" when there is none.
	alt string
	// why says where the route comes from ("probe.health", "the spec").
	why string
	// file and line are where the route is declared, when known.
	file string
	line int
}

func (r route) String() string { return r.method + " " + r.path }

// parseRoute reads "METHOD /path".
func parseRoute(s string) (route, bool) {
	method, path, ok := strings.Cut(strings.TrimSpace(s), " ")
	path = strings.TrimSpace(path)
	if !ok || method == "" || !strings.HasPrefix(path, "/") {
		return route{}, false
	}
	return route{method: strings.ToUpper(method), path: path}, true
}

// covers reports whether a monitor calling path checks the route whose
// template is tmpl: segment by segment, a {param} matching any one
// segment. The host is not compared: monitors call production hosts,
// which the repository does not name.
func covers(tmpl, path string) bool {
	ts, ps := segments(cleanPath(tmpl)), segments(path)
	if len(ts) != len(ps) {
		return false
	}
	for i, t := range ts {
		if strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") {
			if ps[i] == "" {
				return false
			}
			continue
		}
		if t != ps[i] {
			return false
		}
	}
	return true
}

// segments splits a path into its segments; "/" has none.
func segments(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}
