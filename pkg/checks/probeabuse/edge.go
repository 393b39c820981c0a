package probeabuse

import (
	"fmt"
	"net/http"
	"net/netip"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
)

// edge reports a host that answered every request without a header of a
// CDN or WAF. Loopback and private targets are not judged: a staging run
// on a private network is not expected to sit behind one.
func (r *run) edge() {
	if r.lt.Base == nil || len(r.headers) == 0 {
		return
	}
	host := r.lt.Base.Hostname()
	if !edgeExpected(host) {
		return
	}
	for _, h := range r.headers {
		if edgeVendor(h) != "" {
			return
		}
	}
	r.emit(check.Report{Rule: ruleEdge, URL: r.lt.Client.Origin(), Key: ruleEdge + "\x00" + host,
		Message: fmt.Sprintf("none of the %d responses seen carries a CDN or WAF header: the origin looks directly exposed", len(r.headers))})
}

// edgeExpected reports whether a CDN or WAF is expected in front of
// host: not for localhost, loopback, private, link-local or unique-local
// addresses.
func edgeExpected(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if h == "" || h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return false
	}
	if a, err := netip.ParseAddr(strings.Trim(h, "[]")); err == nil {
		return !(a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsUnspecified())
	}
	return true
}

// edgeVendor names the CDN or WAF whose headers h carries, or "".
func edgeVendor(h http.Header) string {
	server := strings.ToLower(h.Get("Server"))
	via := strings.ToLower(strings.Join(h.Values("Via"), ","))
	switch {
	case h.Get("Cf-Ray") != "" || strings.Contains(server, "cloudflare"):
		return "Cloudflare"
	case h.Get("X-Amz-Cf-Id") != "" || strings.Contains(via, "cloudfront"):
		return "CloudFront"
	case h.Get("X-Fastly-Request-Id") != "" || strings.Contains(server, "fastly") ||
		h.Get("X-Served-By") != "" && strings.Contains(strings.ToLower(h.Get("X-Served-By")), "cache-"):
		return "Fastly"
	case h.Get("X-Vercel-Id") != "":
		return "Vercel"
	case h.Get("X-Nf-Request-Id") != "":
		return "Netlify"
	case h.Get("X-Akamai-Transformed") != "" || h.Get("Akamai-Grn") != "" || strings.Contains(server, "akamai"):
		return "Akamai"
	case h.Get("X-Sucuri-Id") != "" || strings.Contains(server, "sucuri"):
		return "Sucuri"
	case h.Get("X-Azure-Ref") != "" || h.Get("X-Msedge-Ref") != "":
		return "Azure Front Door"
	case h.Get("X-Iinfo") != "" || h.Get("X-Cdn") == "Incapsula":
		return "Imperva"
	case strings.Contains(via, "google"):
		return "Google Cloud load balancer"
	}
	return ""
}
