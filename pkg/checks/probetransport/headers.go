package probetransport

import (
	"mime"
	"net/http"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/finding"
)

// mediaClass is the kind of content a response carries: "html", "json"
// or "" for anything the header rules do not judge.
func mediaClass(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return "html"
	case mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"):
		return "json"
	}
	return ""
}

// missingHeaders lists what a response of its class lacks. noStore says
// the authenticated JSON response may be cached.
func missingHeaders(class string, h http.Header, authed bool) (missing []string, noStore bool) {
	if !strings.EqualFold(strings.TrimSpace(h.Get("X-Content-Type-Options")), "nosniff") {
		missing = append(missing, "X-Content-Type-Options: nosniff")
	}
	switch class {
	case "html":
		if !framingDenied(h) {
			missing = append(missing, "Content-Security-Policy frame-ancestors or X-Frame-Options")
		}
		if rp := strings.ToLower(strings.TrimSpace(h.Get("Referrer-Policy"))); rp == "" || strings.Contains(rp, "unsafe-url") {
			missing = append(missing, "Referrer-Policy")
		}
	case "json":
		if authed && !hasDirective(h.Values("Cache-Control"), "no-store") {
			missing = append(missing, "Cache-Control: no-store on an authenticated response")
			noStore = true
		}
	}
	return missing, noStore
}

// framingDenied reports whether the page says who may frame it.
func framingDenied(h http.Header) bool {
	if xfo := strings.ToUpper(strings.TrimSpace(h.Get("X-Frame-Options"))); xfo == "DENY" || xfo == "SAMEORIGIN" {
		return true
	}
	for _, csp := range h.Values("Content-Security-Policy") {
		for _, d := range strings.Split(csp, ";") {
			if f := strings.Fields(d); len(f) > 0 && strings.EqualFold(f[0], "frame-ancestors") {
				return true
			}
		}
	}
	return false
}

// hasDirective reports whether a comma-separated header lists the
// directive.
func hasDirective(values []string, directive string) bool {
	for _, v := range values {
		for _, d := range strings.Split(v, ",") {
			name, _, _ := strings.Cut(strings.TrimSpace(d), "=")
			if strings.EqualFold(name, directive) {
				return true
			}
		}
	}
	return false
}

// judgeHeaders reports, once per media type class, the headers its 2xx
// responses lack, with the URL of the first that lacks one.
func (r *run) judgeHeaders(responses []seen) {
	type gap struct {
		url     string
		missing []string
		noStore bool
	}
	gaps := map[string]*gap{}
	var order []string
	for _, s := range responses {
		if s.resp.Status < 200 || s.resp.Status > 299 {
			continue
		}
		class := mediaClass(s.resp.Header.Get("Content-Type"))
		if class == "" {
			continue
		}
		missing, noStore := missingHeaders(class, s.resp.Header, s.authed)
		r.ev.judged++
		add(&r.ev.classes, strings.ToUpper(class))
		for _, m := range missing {
			add(&r.ev.missing, m)
		}
		if len(missing) == 0 {
			continue
		}
		g := gaps[class]
		if g == nil {
			g = &gap{url: s.url()}
			gaps[class] = g
			order = append(order, class)
		}
		for _, m := range missing {
			if !slices.Contains(g.missing, m) {
				g.missing = append(g.missing, m)
			}
		}
		g.noStore = g.noStore || noStore
	}
	for _, class := range order {
		g := gaps[class]
		rep := check.Report{Rule: ruleHeaders, URL: g.url, Key: ruleHeaders + " " + class,
			Message: "the " + strings.ToUpper(class) + " responses of " + g.url + " lack " + strings.Join(g.missing, ", ")}
		if g.noStore {
			rep.MinSeverity = finding.Medium
		}
		r.emit(rep)
	}
}
