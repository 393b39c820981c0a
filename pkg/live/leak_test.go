package live

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Planted values: each must appear in no error and no log line.
const (
	tokenBearer   = "bearer-value-5f1c9a77d0"
	tokenCookie   = "cookie-value-8e22b3c410"
	tokenAPIKey   = "apikey-value-0a9d4e6b21"
	tokenQuery    = "query-value-7c3f1e9b88"
	tokenUserinfo = "userinfo-value-44e0d2a6c9"
	tokenBadLine  = "badline-value-91b7f3c055"
)

var planted = []string{tokenBearer, tokenCookie, tokenAPIKey, tokenQuery, tokenUserinfo, tokenBadLine}

// secretHeader is an identity's credentials.
func secretHeader() http.Header {
	return http.Header{
		"Authorization": {"Bearer " + tokenBearer},
		"Cookie":        {"session=" + tokenCookie + "; theme=dark"},
		"X-Api-Key":     {tokenAPIKey},
	}
}

// TestNoSecretInErrorsOrLogs runs every way a request can end with planted
// credentials and checks they reach no error and no debug log line, while
// the method and path do.
func TestNoSecretInErrorsOrLogs(t *testing.T) {
	var logs syncBuffer
	logger := debugLogger(&logs)
	withLog := func(o *Options) { o.Logger = logger; o.RequestTimeout = 300 * time.Millisecond }

	echo, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/away":
			// An off-origin redirect that echoes the query and a header.
			http.Redirect(w, r, "https://evil.example/cb?"+r.URL.RawQuery+"&k="+r.Header.Get("X-Api-Key"), http.StatusFound)
		case "/limited":
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			_, _ = w.Write([]byte("ok"))
		}
	})
	hanging := rawServer(t, hang)
	closed, _ := countingServer(t, ok)
	closedURL := closed.URL
	closed.Close()
	pki := newPKI(t, nil, []net.IP{net.IPv4(127, 0, 0, 1)})
	untrusted := tlsServer(t, pki.server, http.HandlerFunc(ok))

	type run struct {
		name    string
		base    string
		edit    func(*Options)
		req     Request
		wantErr bool
	}
	q := "?token=" + tokenQuery + "&page=1"
	runs := []run{
		{"success", echo.URL, nil, Request{Path: "/ok" + q}, false},
		{"off-origin redirect", echo.URL, nil, Request{Path: "/away" + q}, false},
		{"429 retried", echo.URL, nil, Request{Path: "/limited" + q}, false},
		{"timeout", hanging, nil, Request{Path: "/hang" + q}, true},
		{"connection refused", closedURL, nil, Request{Path: "/down" + q}, true},
		{"untrusted certificate", untrusted.URL, nil, Request{Path: "/tls" + q}, true},
		{"write refused", echo.URL, nil, Request{Method: "DELETE", Path: "/obj" + q}, true},
		{"absolute URL", echo.URL, nil, Request{Path: "https://u:" + tokenUserinfo + "@evil.example/x" + q}, true},
		{"scheme-relative", echo.URL, nil, Request{Path: "//u:" + tokenUserinfo + "@evil.example/x" + q}, true},
		{"unparsable path", echo.URL, nil, Request{Path: "/x\x7f" + q}, true},
		{"invalid header value", echo.URL, nil, Request{Path: "/x" + q, Header: http.Header{"Authorization": {"Bearer " + tokenBadLine + "\r\nX: y"}}}, true},
		{"cap", echo.URL, func(o *Options) { o.MaxRequests = 1 }, Request{Path: "/ok" + q}, false},
	}
	var errs []string
	for _, r := range runs {
		c := newTestClient(t, r.base, func(o *Options) {
			withLog(o)
			if r.edit != nil {
				r.edit(o)
			}
		})
		if r.req.Header == nil {
			r.req.Header = secretHeader()
		}
		path, _, _ := strings.Cut(r.req.Path, "?")
		resp, err := c.Do(context.Background(), r.req)
		if r.name == "cap" {
			_, err = c.Do(context.Background(), r.req)
			if !errors.Is(err, ErrRequestCap) {
				t.Fatalf("cap: %v", err)
			}
		} else if (err != nil) != r.wantErr {
			t.Fatalf("%s: error %v, want error %v", r.name, err, r.wantErr)
		}
		if err != nil {
			errs = append(errs, err.Error())
			if want := methodOf(r.req) + " " + printablePath(path) + ": "; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("%s: error %q does not start with the method and path", r.name, err)
			}
		}
		if resp != nil && strings.Contains(resp.OffOrigin, tokenQuery) {
			t.Errorf("%s: OffOrigin %q keeps the query", r.name, resp.OffOrigin)
		}
		if resp != nil && (strings.Contains(resp.OffOrigin, tokenAPIKey) || strings.Contains(Redact(resp.URL), tokenQuery)) {
			t.Errorf("%s: a printable URL keeps a secret", r.name)
		}
	}
	if testing.Verbose() {
		t.Log(strings.Join(errs, "\n"))
	}
	all := strings.Join(errs, "\n") + "\n" + logs.String()
	for _, s := range planted {
		if strings.Contains(all, s) {
			t.Errorf("planted value %s… appears in an error or log line", s[:8])
		}
	}
	for _, want := range []string{"path=/ok", "status=200", "path=/limited", "live retry", "live redirect off origin", "live request failed"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("debug log lacks %q", want)
		}
	}
}

// methodOf is the method a request goes out with, for test expectations.
func methodOf(r Request) string {
	if r.Method == "" {
		return "GET"
	}
	return strings.ToUpper(r.Method)
}

// TestScrub: the second line of defence replaces header and query values
// (whole or as parts) in a message that somehow carries them.
func TestScrub(t *testing.T) {
	err := errors.New("upstream said: Bearer " + tokenBearer + " and " + tokenCookie + " and " + tokenQuery + " page=1")
	got := scrub(err, secretHeader(), "token="+tokenQuery+"&page=1").Error()
	for _, s := range planted {
		if strings.Contains(got, s) {
			t.Fatalf("scrub left %s… in %q", s[:8], got)
		}
	}
	if !strings.Contains(got, "page=1") || !strings.Contains(got, "[redacted]") {
		t.Fatalf("scrub over-redacted or did nothing: %q", got)
	}
	if !errors.Is(scrub(err, secretHeader(), ""), err) {
		t.Fatal("scrub lost the cause")
	}
}
