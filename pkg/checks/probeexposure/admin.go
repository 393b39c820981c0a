package probeexposure

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
)

// maxAdminPaths bounds the admin routes asked anonymously.
const maxAdminPaths = 4

var (
	// robotsPath is an Allow or Disallow line's path.
	robotsPath = regexp.MustCompile(`(?im)^\s*(?:dis)?allow\s*:\s*(/\S*)`)
	// sitemapLoc is a sitemap's <loc>.
	sitemapLoc = regexp.MustCompile(`(?i)<loc>\s*([^<\s]+)\s*</loc>`)
)

// adminSurface asks admin routes without credentials for a page, and
// reads robots.txt and sitemap.xml for admin and internal paths.
func (r *run) adminSurface(ctx context.Context) error {
	for i, p := range r.adminPaths() {
		if i >= maxAdminPaths {
			break
		}
		resp := r.get(ctx, p, nil)
		if resp != nil {
			r.ev.adminAsked = append(r.ev.adminAsked, p)
		}
		if r.served(resp) && looksHTML(resp.Body) {
			r.ev.adminShown = append(r.ev.adminShown, p)
			r.emit(check.Report{Rule: ruleAdmin, URL: r.url(p), Key: ruleAdmin + " " + p,
				Message: "GET " + p + " shows an HTML page to anonymous callers; put the admin interface behind authentication or off the public host"})
		}
	}
	r.listed(ctx, "/robots.txt", robotsPath, func(b []byte) bool {
		return bytes.Contains(bytes.ToLower(b), []byte("user-agent")) && !looksHTML(b)
	})
	r.listed(ctx, "/sitemap.xml", sitemapLoc, func(b []byte) bool {
		return bytes.Contains(b, []byte("<urlset")) || bytes.Contains(b, []byte("<sitemapindex"))
	})
	return nil
}

// adminPaths are /admin, /wp-admin/ and the spec's admin GET routes
// without path parameters.
func (r *run) adminPaths() []string {
	out := []string{"/admin", "/wp-admin/"}
	for _, d := range r.lt.Docs {
		prefix := r.lt.SpecPrefix(d)
		for _, o := range d.Operations {
			p := prefix + o.Path
			if o.Method == "GET" && !strings.Contains(o.Path, "{") && r.cfg.IsAdminPath(o.Path, o.Tags) && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// listed fetches path and, when it has its signature, reports the admin
// and internal paths it lists.
func (r *run) listed(ctx context.Context, path string, entry *regexp.Regexp, sig func([]byte) bool) {
	resp := r.get(ctx, path, nil)
	if !r.served(resp) || !sig(resp.Body) {
		return
	}
	var found []string
	for _, m := range entry.FindAllSubmatch(resp.Body[:min(len(resp.Body), 256<<10)], 1000) {
		p := string(m[1])
		if u, ok := strings.CutPrefix(p, "http"); ok {
			if i := strings.Index(u, "://"); i >= 0 {
				rest := u[i+3:]
				if j := strings.IndexByte(rest, '/'); j >= 0 {
					p = rest[j:]
				}
			}
		}
		if r.internal(p) && !slices.Contains(found, p) && len(found) < 5 {
			found = append(found, p)
		}
	}
	if len(found) == 0 {
		return
	}
	r.ev.listings = append(r.ev.listings, path)
	r.emit(check.Report{Rule: ruleAdmin, URL: r.url(path), Key: ruleAdmin + " " + path,
		Message: path + " lists admin or internal paths (" + strings.Join(found, ", ") +
			"); it tells everyone where they are: protect them rather than list them"})
}

// internal reports whether a listed path is an admin or internal one.
func (r *run) internal(p string) bool {
	p = strings.TrimRight(strings.SplitN(p, "?", 2)[0], "*$")
	if p == "" || p == "/" {
		return false
	}
	if r.cfg.IsAdminPath(p, nil) {
		return true
	}
	for _, seg := range strings.Split(strings.ToLower(p), "/") {
		switch seg {
		case "internal", "_internal", "private", "debug", "staff", "backoffice":
			return true
		}
	}
	return false
}
