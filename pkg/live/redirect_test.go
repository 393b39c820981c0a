package live

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

func TestSameOriginRedirectsFollowed(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/b?x=1", http.StatusFound) })
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "c", http.StatusMovedPermanently) })
	mux.HandleFunc("/c", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "final") })
	srv, cnt := countingServer(t, mux.ServeHTTP)
	c := newTestClient(t, srv.URL, nil)
	resp, err := c.Do(context.Background(), Request{Path: "/a"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 200 || string(resp.Body) != "final" || resp.URL.Path != "/c" || resp.Redirects != 2 || resp.OffOrigin != "" {
		t.Fatalf("got %d %q at %s after %d redirects", resp.Status, resp.Body, resp.URL, resp.Redirects)
	}
	if cnt.n.Load() != 3 || c.Sent() != 3 {
		t.Fatalf("server saw %d, Sent() = %d; redirects count as requests", cnt.n.Load(), c.Sent())
	}
}

// TestOffOriginRedirectsNotFollowed: another host, another port, and the
// http→https upgrade on the same host are all another origin.
func TestOffOriginRedirectsNotFollowed(t *testing.T) {
	other, onOther := countingServer(t, ok)
	pki := newPKI(t, nil, nil)
	secure := tlsServer(t, pki.server, http.HandlerFunc(ok))
	var secureHits atomic.Int64
	secure.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { secureHits.Add(1) })
	secureURL, _ := url.Parse(secure.URL)
	otherURL, _ := url.Parse(other.URL)
	targets := map[string]string{
		"another port":    other.URL + "/steal?token=SEKRIT",
		"localhost alias": "http://localhost:" + otherURL.Port() + "/x",
		"https upgrade":   "https://127.0.0.1:" + secureURL.Port() + "/login#frag",
		"scheme-relative": "//evil.example/x?q=SEKRIT",
	}
	for name, target := range targets {
		t.Run(name, func(t *testing.T) {
			srv, cnt := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, target, http.StatusFound)
			})
			c := newTestClient(t, srv.URL, nil)
			resp, err := c.Do(context.Background(), Request{Path: "/"})
			if err != nil {
				t.Fatal(err)
			}
			want, _ := url.Parse(target)
			if !want.IsAbs() {
				want.Scheme = "http"
			}
			if resp.Status != http.StatusFound || resp.OffOrigin != want.Scheme+"://"+want.Host+want.Path {
				t.Fatalf("got %d, OffOrigin %q", resp.Status, resp.OffOrigin)
			}
			if strings.Contains(resp.OffOrigin, "SEKRIT") || strings.Contains(resp.OffOrigin, "#") {
				t.Fatalf("OffOrigin keeps the query or fragment: %q", resp.OffOrigin)
			}
			if cnt.n.Load() != 1 || c.Sent() != 1 {
				t.Fatalf("origin saw %d requests, Sent() = %d", cnt.n.Load(), c.Sent())
			}
		})
	}
	if onOther.n.Load() != 0 || secureHits.Load() != 0 {
		t.Fatalf("another origin got requests: %d http, %d https", onOther.n.Load(), secureHits.Load())
	}
}

// TestRedirectLimit: a redirect loop stops after MaxRedirects hops with the
// last 3xx and no error.
func TestRedirectLimit(t *testing.T) {
	var n atomic.Int64
	srv, cnt := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/"+strconv.FormatInt(n.Add(1), 10), http.StatusTemporaryRedirect)
	})
	c := newTestClient(t, srv.URL, nil)
	resp, err := c.Do(context.Background(), Request{Path: "/"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != http.StatusTemporaryRedirect || resp.Redirects != MaxRedirects {
		t.Fatalf("got %d after %d redirects", resp.Status, resp.Redirects)
	}
	if got := cnt.n.Load(); got != MaxRedirects+1 {
		t.Fatalf("server saw %d requests, want %d", got, MaxRedirects+1)
	}
}

// TestRedirectsCountAgainstCap: a redirect loop cannot outrun MaxRequests.
func TestRedirectsCountAgainstCap(t *testing.T) {
	srv, cnt := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/again", http.StatusFound)
	})
	c := newTestClient(t, srv.URL, func(o *Options) { o.MaxRequests = 3 })
	_, err := c.Do(context.Background(), Request{Path: "/"})
	if !errors.Is(err, ErrRequestCap) || cnt.n.Load() != 3 {
		t.Fatalf("error %v, server saw %d; want ErrRequestCap after 3", err, cnt.n.Load())
	}
}

func TestRedirectMethodRules(t *testing.T) {
	type seen struct{ method, body string }
	got := make(chan seen, 8)
	mux := http.NewServeMux()
	mux.HandleFunc("/final", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- seen{r.Method, string(b)}
	})
	for _, code := range []int{301, 302, 303, 307, 308} {
		mux.HandleFunc("/"+strconv.Itoa(code), func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://user:pw@"+r.Host+"/final", code)
		})
	}
	srv, _ := countingServer(t, mux.ServeHTTP)
	c := newTestClient(t, srv.URL, func(o *Options) { o.AllowWrites = true })
	want := map[int]seen{301: {"GET", ""}, 302: {"GET", ""}, 303: {"GET", ""}, 307: {"POST", "b"}, 308: {"POST", "b"}}
	for code, w := range want {
		resp, err := c.Do(context.Background(), Request{Method: "POST", Path: "/" + strconv.Itoa(code), Body: []byte("b"), Refusable: true})
		if err != nil {
			t.Fatal(err)
		}
		if resp.URL.User != nil {
			t.Errorf("%d: credentials of Location kept in %s", code, Redact(resp.URL))
		}
		if s := <-got; s != w {
			t.Errorf("%d: final request %+v, want %+v", code, s, w)
		}
	}
}

// TestRedirectWithoutLocation: a 3xx with no usable Location is returned.
func TestRedirectWithoutLocation(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/bad" {
			w.Header().Set("Location", "http://[::1")
		}
		w.WriteHeader(http.StatusFound)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL, nil)
	for _, p := range []string{"/none", "/bad"} {
		resp, err := c.Do(context.Background(), Request{Path: p})
		if err != nil || resp.Status != http.StatusFound || resp.Redirects != 0 {
			t.Fatalf("%s: %v %+v", p, err, resp)
		}
	}
}
