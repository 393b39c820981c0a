package live

import (
	"math"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestNewRefusesBadOptions(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.pem")
	if err := os.WriteFile(empty, []byte("not a certificate\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "missing.pem")
	cases := []struct {
		name string
		base string
		edit func(*Options)
		want string
	}{
		{"ftp scheme", "ftp://portal.example.com", nil, "--url must be http or https"},
		{"no scheme", "portal.example.com", nil, "--url must be http or https"},
		{"no host", "https:///path", nil, "--url must name a host"},
		{"credentials", "https://user:pw@portal.example.com", nil, "must not carry credentials"},
		{"query", "https://portal.example.com/?token=x", nil, "must not have a query"},
		{"fragment", "https://portal.example.com/#x", nil, "must not have a query or a fragment"},
		{"port zero", "https://portal.example.com:0", nil, "port must be a number"},
		{"non-ASCII host", "https://pörtal.example.com", nil, "must be ASCII"},
		{"negative rate", "https://portal.example.com", func(o *Options) { o.Rate = -1 }, "--rate"},
		{"NaN rate", "https://portal.example.com", func(o *Options) { o.Rate = math.NaN() }, "--rate"},
		{"negative cap", "https://portal.example.com", func(o *Options) { o.MaxRequests = -1 }, "--max-requests"},
		{"negative concurrency", "https://portal.example.com", func(o *Options) { o.Concurrency = -2 }, "concurrency"},
		{"negative timeout", "https://portal.example.com", func(o *Options) { o.RequestTimeout = -time.Second }, "timeouts"},
		{"negative body", "https://portal.example.com", func(o *Options) { o.MaxBodyBytes = -1 }, "body limit"},
		{"roots file missing", "https://portal.example.com", func(o *Options) { o.RootsFile = missing }, "SSL_CERT_FILE " + missing},
		{"roots file without certificates", "https://portal.example.com", func(o *Options) { o.RootsFile = empty }, "SSL_CERT_FILE " + empty + ": no certificates found"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u, err := url.Parse(tc.base)
			if err != nil {
				t.Fatal(err)
			}
			o := Options{Base: u}
			if tc.edit != nil {
				tc.edit(&o)
			}
			_, err = New(o)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("New error = %v, want one containing %q", err, tc.want)
			}
		})
	}
	if _, err := New(Options{}); err == nil || !strings.Contains(err.Error(), "--url") {
		t.Fatalf("New without Base: %v", err)
	}
}

func TestNewDefaults(t *testing.T) {
	c := newTestClient(t, "https://Portal.Example.com/v1", nil)
	o := c.opts
	if o.Concurrency != DefaultConcurrency || o.MaxRequests != DefaultMaxRequests ||
		o.RequestTimeout != DefaultRequestTimeout || o.MaxBodyBytes != DefaultMaxBodyBytes ||
		o.MaxRetryWait != DefaultMaxRetryWait {
		t.Fatalf("defaults not applied: %+v", o)
	}
	if !strings.HasPrefix(o.UserAgent, "launchgate/") || !strings.Contains(o.UserAgent, "https://github.com/launchgate/launchgate") {
		t.Fatalf("User-Agent %q does not name launchgate", o.UserAgent)
	}
	if got := DefaultUserAgent("1.2.3"); got != "launchgate/1.2.3 (+https://github.com/launchgate/launchgate)" {
		t.Fatalf("DefaultUserAgent = %q", got)
	}
}

func TestOrigin(t *testing.T) {
	cases := map[string]string{
		"https://Portal.Example.com":        "https://portal.example.com:443",
		"http://portal.example.com/prefix":  "http://portal.example.com:80",
		"HTTPS://portal.example.com:8443/a": "https://portal.example.com:8443",
		"http://[::1]:8080":                 "http://[::1]:8080",
	}
	for base, want := range cases {
		if got := newTestClient(t, base, nil).Origin(); got != want {
			t.Errorf("Origin(%s) = %s, want %s", base, got, want)
		}
	}
}
