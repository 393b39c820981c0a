package probetransport

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
)

// evidence is what the run verified, for the scorecard's transport row:
// one line each for the certificate and TLS, plain http, HSTS and the
// other headers. It names hosts, header names and dates, never a
// header's value beyond the HSTS directives.
type evidence struct {
	// tlsLine is the certificate and TLS line, "" until known.
	tlsLine string
	// legacyTried says a TLS 1.0/1.1 handshake was attempted.
	legacyTried bool
	// plainLine is the plain-http line, "" when it was not tried.
	plainLine string
	// https counts the HTTPS responses judged for HSTS; hsts those with a
	// valid header, minAge the smallest max-age among them, and
	// subdomains and preload whether every one carries the directive.
	https, hsts         int
	minAge              int64
	subdomains, preload bool
	// responses counts the responses of the base URL read.
	responses int
	// judged counts the responses whose security headers were read,
	// classes their kinds (HTML, JSON), missing what some lacked.
	judged  int
	classes []string
	missing []string
	// banners are the headers that named a software version.
	banners []string
	// cookies are the session cookies seen, lacking those that missed
	// an attribute.
	cookies, lacking []string
}

// certLine describes the certificate and TLS of a verified connection.
func (r *run) certLine(state *tls.ConnectionState, legacy string) string {
	host := r.host()
	if len(state.PeerCertificates) == 0 {
		return fmt.Sprintf("TLS %s negotiated with %s, no certificate seen", version(state.Version), host)
	}
	leaf := state.PeerCertificates[0]
	line := fmt.Sprintf("certificate for %s valid until %s (issuer %s), TLS %s negotiated", host, day(leaf.NotAfter), issuer(leaf), version(state.Version))
	switch {
	case legacy != "":
		line += ", " + legacy + " also accepted"
	case r.ev.legacyTried:
		line += ", TLS 1.0 and 1.1 refused"
	}
	return line
}

// host is the host name the run checks.
func (r *run) host() string {
	if r.lt.Base != nil {
		return r.lt.Base.Hostname()
	}
	return r.lt.Client.Origin()
}

func issuer(c *x509.Certificate) string {
	switch {
	case c.Issuer.CommonName != "":
		return c.Issuer.CommonName
	case len(c.Issuer.Organization) > 0:
		return c.Issuer.Organization[0]
	}
	return "unnamed"
}

// version is "1.3" for TLS 1.3.
func version(v uint16) string {
	return strings.TrimPrefix(tls.VersionName(v), "TLS ")
}

// hstsSeen counts an HTTPS response's HSTS header.
func (e *evidence) hstsSeen(v string) {
	e.https++
	age, ok := hstsMaxAge(v)
	if v == "" || !ok {
		e.subdomains, e.preload = false, false
		return
	}
	sub, pre := false, false
	for _, d := range strings.Split(v, ";") {
		switch strings.ToLower(strings.TrimSpace(d)) {
		case "includesubdomains":
			sub = true
		case "preload":
			pre = true
		}
	}
	if e.hsts == 0 {
		e.minAge, e.subdomains, e.preload = age, sub, pre
	} else {
		e.minAge, e.subdomains, e.preload = min(e.minAge, age), e.subdomains && sub, e.preload && pre
	}
	e.hsts++
}

// record tells the tally what the run verified.
func (r *run) record(t *check.Tally) {
	e := &r.ev
	if e.tlsLine != "" {
		t.Record("transport", "%s", e.tlsLine)
	}
	if e.plainLine != "" {
		t.Record("transport", "%s", e.plainLine)
	}
	if e.https > 0 {
		line := fmt.Sprintf("HSTS on %d of %d HTTPS responses", e.hsts, e.https)
		if e.hsts > 0 {
			line += fmt.Sprintf(": max-age=%d", e.minAge)
			if e.subdomains {
				line += "; includeSubDomains"
			}
			if e.preload {
				line += "; preload"
			}
		}
		t.Record("transport", "%s", line)
	}
	if e.responses > 0 {
		var parts []string
		if e.judged > 0 {
			p := fmt.Sprintf("security headers on %d of %d responses (%s): ", e.judged, e.responses, strings.Join(e.classes, " and "))
			if len(e.missing) == 0 {
				p += "all set"
			} else {
				p += "missing " + strings.Join(e.missing, ", ")
			}
			parts = append(parts, p)
		} else {
			parts = append(parts, fmt.Sprintf("security headers on 0 of %d responses (none a 2xx HTML or JSON answer)", e.responses))
		}
		if len(e.banners) == 0 {
			parts = append(parts, "no version banner")
		} else {
			parts = append(parts, "version named in "+strings.Join(e.banners, ", "))
		}
		switch {
		case len(e.cookies) == 0:
		case len(e.lacking) == 0:
			parts = append(parts, fmt.Sprintf("session cookies %s Secure, HttpOnly and SameSite", strings.Join(e.cookies, ", ")))
		default:
			parts = append(parts, fmt.Sprintf("session cookies %s lack an attribute", strings.Join(e.lacking, ", ")))
		}
		t.Record("transport", "%s", strings.Join(parts, "; "))
	}
}

// add appends v to *list once.
func add(list *[]string, v string) {
	if !slices.Contains(*list, v) {
		*list = append(*list, v)
	}
}
