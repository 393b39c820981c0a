package probetransport

import (
	"context"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/live"
)

// Expiry windows of transport/certificate-expiring.
const (
	expiringHigh   = 14 * 24 * time.Hour
	expiringMedium = 30 * 24 * time.Hour
	// minRSABits is the smallest RSA key a leaf may have.
	minRSABits = 2048
	// handshakeTimeout bounds the check's own TLS handshake.
	handshakeTimeout = 10 * time.Second
)

// certProblem says why the chain did not verify, from the client's error.
func certProblem(err error, now time.Time) string {
	var ci x509.CertificateInvalidError
	var he x509.HostnameError
	var ua x509.UnknownAuthorityError
	var ia x509.InsecureAlgorithmError
	switch {
	case errors.As(err, &ci) && ci.Reason == x509.Expired && ci.Cert != nil:
		if now.Before(ci.Cert.NotBefore) {
			return "it is not valid before " + day(ci.Cert.NotBefore)
		}
		return "it expired on " + day(ci.Cert.NotAfter)
	case errors.As(err, &ci):
		return "the chain is invalid (" + ci.Error() + ")"
	case errors.As(err, &he) && he.Certificate != nil:
		return "it is issued for " + names(he.Certificate) + ", not for " + he.Host
	case errors.As(err, &ua):
		return "it is signed by an unknown authority (a self-signed or private CA certificate, or a missing intermediate)"
	case errors.As(err, &ia):
		return "it is signed with an insecure algorithm (" + ia.Error() + ")"
	}
	return "the chain does not verify"
}

// names lists the names a certificate is issued for.
func names(c *x509.Certificate) string {
	var out []string
	out = append(out, c.DNSNames...)
	for _, ip := range c.IPAddresses {
		out = append(out, ip.String())
	}
	if len(out) == 0 && c.Subject.CommonName != "" {
		out = append(out, c.Subject.CommonName)
	}
	if len(out) == 0 {
		return "no names"
	}
	return strings.Join(out, ", ")
}

// day is t as a UTC date.
func day(t time.Time) string { return t.UTC().Format("2006-01-02") }

// certificate judges the verified leaf of resp: its expiry, key and
// signature, and whether the origin still accepts TLS 1.1 or older.
func (r *run) certificate(ctx context.Context, resp *live.Response) {
	if len(resp.TLS.PeerCertificates) == 0 {
		r.ev.tlsLine = r.certLine(resp.TLS, "")
		return
	}
	leaf := resp.TLS.PeerCertificates[0]
	origin := r.lt.Client.Origin()
	if high, medium := expiryWindows(leaf); leaf.NotAfter.Sub(r.now) <= medium {
		left := leaf.NotAfter.Sub(r.now)
		rep := check.Report{Rule: ruleExpiring, URL: origin, Key: ruleExpiring,
			Message: fmt.Sprintf("the TLS certificate of %s expires on %s (in %s)", origin, day(leaf.NotAfter), inDays(left))}
		if left <= high {
			rep.MinSeverity = finding.High
		}
		r.emit(rep)
	}
	weak := leafWeakness(leaf)
	legacy := ""
	if v, ok := r.legacyAccepted(ctx, origin); ok {
		weak = append(weak, "it accepts a "+v+" handshake")
		legacy = v
	}
	r.ev.tlsLine = r.certLine(resp.TLS, legacy)
	if len(weak) > 0 {
		r.emit(check.Report{Rule: ruleWeakTLS, URL: origin, Key: ruleWeakTLS,
			Message: "the TLS of " + origin + " is weak: " + strings.Join(weak, "; ")})
	}
}

// expiryWindows are how close to its expiry a certificate is reported at
// high and at medium: 14 and 30 days, or, for a short-lived certificate
// that automation renews when a third of its lifetime is left (ACME's
// practice), that third, so a six-day certificate is not reported for
// being six days from expiry.
func expiryWindows(leaf *x509.Certificate) (high, medium time.Duration) {
	third := leaf.NotAfter.Sub(leaf.NotBefore) / 3
	return min(expiringHigh, third), min(expiringMedium, third)
}

// inDays says how long d is, in whole days or hours under a day.
func inDays(d time.Duration) string {
	if d < 24*time.Hour {
		return fmt.Sprintf("%d hours", int(d.Hours()))
	}
	return fmt.Sprintf("%d days", int(d.Hours()/24))
}

// leafWeakness lists what is weak about the leaf certificate.
func leafWeakness(leaf *x509.Certificate) []string {
	var out []string
	if k, ok := leaf.PublicKey.(*rsa.PublicKey); ok && k.N.BitLen() < minRSABits {
		out = append(out, fmt.Sprintf("the certificate has a %d-bit RSA key (under %d)", k.N.BitLen(), minRSABits))
	}
	switch leaf.SignatureAlgorithm {
	case x509.SHA1WithRSA, x509.DSAWithSHA1, x509.ECDSAWithSHA1:
		out = append(out, "the certificate is signed with SHA-1")
	}
	return out
}

// legacyAccepted makes one verified handshake with the origin offering
// TLS 1.0 and 1.1 only, and says which version it agreed to. It dials
// the origin's own host and port, nothing else, and verifies the chain
// against the client's roots; without them it makes no handshake.
func (r *run) legacyAccepted(ctx context.Context, origin string) (string, bool) {
	rc, ok := r.lt.Client.(interface{ RootCAs() *x509.CertPool })
	if !ok {
		return "", false
	}
	u, err := url.Parse(origin)
	if err != nil || u.Scheme != "https" {
		return "", false
	}
	r.ev.legacyTried = true
	ctx, cancel := context.WithTimeout(ctx, handshakeTimeout)
	defer cancel()
	d := &tls.Dialer{NetDialer: &net.Dialer{}, Config: &tls.Config{
		RootCAs: rc.RootCAs(), ServerName: u.Hostname(),
		MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS11,
	}}
	conn, err := d.DialContext(ctx, "tcp", u.Host)
	if err != nil {
		return "", false
	}
	defer conn.Close()
	tc, ok := conn.(*tls.Conn)
	if !ok {
		return "", false
	}
	return tls.VersionName(tc.ConnectionState().Version), true
}
