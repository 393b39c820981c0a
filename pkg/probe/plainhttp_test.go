package probe

import (
	"net/url"
	"testing"
)

// TestPlainHTTPBase: plain http is tried on port 80 of an https --url's
// host, or at probe.http_url; never for an http --url, and a bad
// probe.http_url is an error.
func TestPlainHTTPBase(t *testing.T) {
	base, _ := url.Parse("https://staging.example.com:8443/app")
	u, err := plainHTTPBase(base, "")
	if err != nil || u.String() != "http://staging.example.com:80/app" {
		t.Errorf("default: %v, %v", u, err)
	}
	u, err = plainHTTPBase(base, "http://staging.example.com:8080")
	if err != nil || u.String() != "http://staging.example.com:8080" {
		t.Errorf("probe.http_url: %v, %v", u, err)
	}
	for _, bad := range []string{"https://staging.example.com", "http://user:pw@staging.example.com", "http://staging.example.com/?a=1", "ftp://x", ":"} {
		if _, err := plainHTTPBase(base, bad); err == nil {
			t.Errorf("probe.http_url %q accepted", bad)
		}
	}
	plain, _ := url.Parse("http://staging.example.com")
	if u, err := plainHTTPBase(plain, "http://staging.example.com:8080"); u != nil || err != nil {
		t.Errorf("an http --url: %v, %v", u, err)
	}
}
