package live

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// Sentinels, for errors.Is.
var (
	// ErrRequestCap: the run's MaxRequests is used up; nothing was sent.
	ErrRequestCap = errors.New("request cap reached")
	// ErrWriteRefused: the method is not sent under the current options.
	ErrWriteRefused = errors.New("write not sent")
	// ErrOffOrigin: the request would go to another origin than --url's.
	ErrOffOrigin = errors.New("not on the origin of --url")
	// ErrTimeout: no complete response within the per-request timeout.
	ErrTimeout = errors.New("request timed out")
	// ErrTLS: the server's certificate could not be verified.
	ErrTLS = errors.New("TLS certificate not verified")
	// ErrUnreachable: no connection to the origin (refused, no route, DNS).
	ErrUnreachable = errors.New("cannot connect")
)

// RequestError is every error Do returns: the method and the path without
// its query, then the cause. It never holds a header value or a query value.
type RequestError struct {
	Method string
	Path   string // path without query or fragment
	Err    error
}

func (e *RequestError) Error() string { return e.Method + " " + e.Path + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *RequestError) Unwrap() error { return e.Err }

// scrubbed is an error whose message has had secret values replaced; it
// keeps the cause for errors.Is.
type scrubbed struct {
	msg string
	err error
}

func (s *scrubbed) Error() string { return s.msg }
func (s *scrubbed) Unwrap() error { return s.err }

// minSecretLen is the shortest header or query value scrubbed from messages;
// shorter ones ("1", "json") would garble them and are no credential.
const minSecretLen = 6

// scrub replaces every header value and query value of the request in err's
// message. A second line behind not putting them there in the first place.
func scrub(err error, h http.Header, query string) error {
	msg := err.Error()
	replace := func(v string) {
		if len(v) >= minSecretLen {
			msg = strings.ReplaceAll(msg, v, "[redacted]")
		}
	}
	for _, vs := range h {
		for _, v := range vs {
			replace(v)
			for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ';' || r == ',' || r == '=' }) {
				replace(f)
			}
		}
	}
	if q, perr := url.ParseQuery(query); perr == nil {
		for _, vs := range q {
			for _, v := range vs {
				replace(v)
			}
		}
	}
	replace(query)
	if msg == err.Error() {
		return err
	}
	return &scrubbed{msg: msg, err: err}
}

// transportError describes an error of the round trip or the body read:
// the *url.Error wrapper (which quotes the full URL, query included) is
// dropped, a certificate problem names the host and "certificate", a failed
// dial is ErrUnreachable.
func transportError(err error, hostPort string) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var oe *net.OpError
	switch {
	case isCertError(err):
		return fmt.Errorf("%w for %s: %w (extra roots go in SSL_CERT_FILE)", ErrTLS, hostPort, err)
	case errors.Is(err, ErrOffOrigin):
		return err
	case errors.As(err, &oe) && oe.Op == "dial":
		return fmt.Errorf("%w: %w", ErrUnreachable, err)
	}
	return err
}

// isCertError reports whether err comes from verifying the server's
// certificate chain or name.
func isCertError(err error) bool {
	var cv *tls.CertificateVerificationError
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var ci x509.CertificateInvalidError
	return errors.As(err, &cv) || errors.As(err, &ua) || errors.As(err, &he) || errors.As(err, &ci)
}
