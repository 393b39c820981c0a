package live

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	cases := []struct {
		base, path string
		want       string // "" = refused
		offOrigin  bool
	}{
		{"https://p.example.com", "/api/x?page=1", "https://p.example.com/api/x?page=1", false},
		{"https://p.example.com", "", "https://p.example.com/", false},
		{"https://p.example.com/v1/", "/api/x", "https://p.example.com/v1/api/x", false},
		{"https://p.example.com/v1", "/api/x#frag", "https://p.example.com/v1/api/x", false},
		{"https://p.example.com", "/a%2Fb", "https://p.example.com/a%2Fb", false},
		{"https://p.example.com", `/\evil.example`, "https://p.example.com/%5Cevil.example", false},
		{"https://p.example.com", "/@evil.example/x", "https://p.example.com/@evil.example/x", false},
		{"https://p.example.com", "https://evil.example/x", "", true},
		{"https://p.example.com", "https://p.example.com/x", "", true},
		{"https://p.example.com", "//evil.example/x", "", true},
		{"https://p.example.com", "http:evil", "", true},
		{"https://p.example.com", "javascript:alert(1)", "", true},
		{"https://p.example.com", "api/x", "", false},
		{"https://p.example.com", "?page=1", "", false},
		{"https://p.example.com", "/x\n", "", false},
	}
	for _, tc := range cases {
		base, _ := url.Parse(tc.base)
		o, err := parseBase(base)
		if err != nil {
			t.Fatal(err)
		}
		u, err := resolve(base, o, tc.path)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("resolve(%q, %q) = %s, want refused", tc.base, tc.path, u)
		case tc.want == "":
			if errors.Is(err, ErrOffOrigin) != tc.offOrigin {
				t.Errorf("resolve(%q, %q) error %v: ErrOffOrigin = %v, want %v", tc.base, tc.path, err, !tc.offOrigin, tc.offOrigin)
			}
		case err != nil:
			t.Errorf("resolve(%q, %q): %v", tc.base, tc.path, err)
		case u.String() != tc.want:
			t.Errorf("resolve(%q, %q) = %s, want %s", tc.base, tc.path, u, tc.want)
		}
	}
}

func TestSameOrigin(t *testing.T) {
	base, _ := url.Parse("https://p.example.com")
	o, _ := parseBase(base)
	cases := map[string]bool{
		"https://p.example.com/x":      true,
		"https://P.EXAMPLE.COM:443/x":  true,
		"http://p.example.com/x":       false, // the upgrade's reverse: another scheme
		"https://p.example.com:8443/x": false,
		"https://q.example.com/x":      false,
		"https://p.example.com.evil/x": false,
		"ftp://p.example.com/x":        false,
	}
	for raw, want := range cases {
		u, _ := url.Parse(raw)
		if got := o.same(u); got != want {
			t.Errorf("same(%s) = %v, want %v", raw, got, want)
		}
	}
}

// TestOffOriginPathsSendNothing: refused paths never reach any server, the
// origin's included.
func TestOffOriginPathsSendNothing(t *testing.T) {
	origin, onOrigin := countingServer(t, ok)
	other, onOther := countingServer(t, ok)
	c := newTestClient(t, origin.URL, nil)
	otherURL, _ := url.Parse(other.URL)
	for _, p := range []string{other.URL + "/x", "//" + otherURL.Host + "/x", "http://" + otherURL.Host} {
		_, err := c.Do(context.Background(), Request{Path: p})
		if !errors.Is(err, ErrOffOrigin) {
			t.Errorf("Do(%s) error = %v, want ErrOffOrigin", p, err)
		}
	}
	if n := onOrigin.n.Load() + onOther.n.Load(); n != 0 || c.Sent() != 0 {
		t.Fatalf("%d requests reached a server, Sent() = %d; want none", n, c.Sent())
	}
}

// TestHostHeaderCannotRetarget: a caller's Host header does not change the
// host the request names.
func TestHostHeaderCannotRetarget(t *testing.T) {
	hosts := make(chan string, 1)
	srv, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) { hosts <- r.Host })
	c := newTestClient(t, srv.URL, nil)
	if _, err := c.Do(context.Background(), Request{Path: "/", Header: http.Header{"Host": {"evil.example"}}}); err != nil {
		t.Fatal(err)
	}
	host := <-hosts
	if !strings.HasPrefix(srv.URL, "http://"+host) || host == "" {
		t.Fatalf("server saw Host %q, want the origin's", host)
	}
}

// TestDialerRefusesOtherAddresses: the transport itself dials nothing but
// the origin, whatever URL reaches it.
func TestDialerRefusesOtherAddresses(t *testing.T) {
	origin, _ := countingServer(t, ok)
	other, onOther := countingServer(t, ok)
	c := newTestClient(t, origin.URL, nil)
	req, _ := http.NewRequest("GET", other.URL, nil)
	_, err := c.http.RoundTrip(req)
	if !errors.Is(err, ErrOffOrigin) {
		t.Fatalf("transport to another address: %v, want ErrOffOrigin", err)
	}
	if onOther.n.Load() != 0 {
		t.Fatal("the other server got a request")
	}
}

func TestRedact(t *testing.T) {
	cases := map[string]string{
		"https://u:pw@p.example.com:8443/a/b?token=x#f": "https://p.example.com:8443/a/b",
		"//u:pw@evil.example/x?q=1":                     "//evil.example/x",
		"/api/x?token=y":                                "/api/x",
		"/a%2Fb?x":                                      "/a%2Fb",
	}
	for in, want := range cases {
		u, err := url.Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := Redact(u); got != want {
			t.Errorf("Redact(%s) = %s, want %s", in, got, want)
		}
	}
	if got := printablePath("/x\x7f?token=y"); got != "(unparsable path)" {
		t.Errorf("printablePath of a bad path = %q", got)
	}
}
