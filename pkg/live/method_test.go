package live

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestWritesNeedAllowWritesAndRefusable(t *testing.T) {
	srv, cnt := countingServer(t, ok)
	cases := []struct {
		name        string
		method      string
		allowWrites bool
		refusable   bool
		sent        bool
	}{
		{"GET", "GET", false, false, true},
		{"HEAD", "HEAD", false, false, true},
		{"OPTIONS", "OPTIONS", false, false, true},
		{"empty is GET", "", false, false, true},
		{"lower-case get", "get", false, false, true},
		{"POST without --allow-writes", "POST", false, true, false},
		{"lower-case post without --allow-writes", "post", false, true, false},
		{"DELETE with real credentials", "DELETE", true, false, false},
		{"PUT without either", "PUT", false, false, false},
		{"PATCH allowed and refusable", "PATCH", true, true, true},
		{"POST allowed and refusable", "POST", true, true, true},
		{"TRACE is a write", "TRACE", false, false, false},
		{"custom method is a write", "PURGE", false, true, false},
		{"CONNECT never", "CONNECT", true, true, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newTestClient(t, srv.URL, func(o *Options) { o.AllowWrites = tc.allowWrites })
			before := cnt.n.Load()
			_, err := c.Do(context.Background(), Request{Method: tc.method, Path: "/x", Refusable: tc.refusable, Body: []byte("{}")})
			got := cnt.n.Load() - before
			if tc.sent {
				if err != nil || got != 1 {
					t.Fatalf("want sent: err %v, server saw %d", err, got)
				}
				return
			}
			if !errors.Is(err, ErrWriteRefused) {
				t.Fatalf("error = %v, want ErrWriteRefused", err)
			}
			if got != 0 || c.Sent() != 0 {
				t.Fatalf("server saw %d requests, Sent() = %d; want nothing on the wire", got, c.Sent())
			}
		})
	}
}

func TestInvalidMethodRefused(t *testing.T) {
	srv, cnt := countingServer(t, ok)
	c := newTestClient(t, srv.URL, func(o *Options) { o.AllowWrites = true })
	_, err := c.Do(context.Background(), Request{Method: "GE T", Path: "/", Refusable: true})
	if err == nil || !strings.Contains(err.Error(), "not an HTTP token") || cnt.n.Load() != 0 {
		t.Fatalf("error = %v, server saw %d", err, cnt.n.Load())
	}
}

// TestBodySentWithContentLength: a write body goes with its length, not
// chunked, and a body-less POST says Content-Length: 0.
func TestBodySentWithContentLength(t *testing.T) {
	type seen struct {
		length int64
		te     []string
		body   string
		ua     string
	}
	got := make(chan seen, 2)
	srv, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- seen{r.ContentLength, r.TransferEncoding, string(b), r.UserAgent()}
	})
	c := newTestClient(t, srv.URL, func(o *Options) { o.AllowWrites = true; o.UserAgent = DefaultUserAgent("9.9") })
	body := `{"name":"x"}`
	if _, err := c.Do(context.Background(), Request{Method: "POST", Path: "/x", Body: []byte(body), Refusable: true}); err != nil {
		t.Fatal(err)
	}
	s := <-got
	if s.length != int64(len(body)) || len(s.te) != 0 || s.body != body {
		t.Fatalf("server saw length %d, transfer-encoding %v, body %q", s.length, s.te, s.body)
	}
	if !strings.HasPrefix(s.ua, "launchgate/9.9 ") {
		t.Fatalf("User-Agent %q", s.ua)
	}
	if _, err := c.Do(context.Background(), Request{Method: "POST", Path: "/x", Refusable: true}); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s.length != 0 || len(s.te) != 0 {
		t.Fatalf("empty POST: length %d, transfer-encoding %v", s.length, s.te)
	}
}

// TestInvalidHeaderNotSent: a header the wire would refuse is refused before
// it is counted, naming the field only.
func TestInvalidHeaderNotSent(t *testing.T) {
	srv, cnt := countingServer(t, ok)
	c := newTestClient(t, srv.URL, nil)
	for name, h := range map[string]http.Header{
		"newline in value": {"Authorization": {"Bearer abc\r\nX-Injected: 1"}},
		"NUL in value":     {"X-Token": {"abc\x00def"}},
		"space in name":    {"Bad Name": {"v"}},
	} {
		_, err := c.Do(context.Background(), Request{Path: "/", Header: h})
		if err == nil || !strings.Contains(err.Error(), "header") || strings.Contains(err.Error(), "abc") {
			t.Errorf("%s: error %v", name, err)
		}
	}
	if cnt.n.Load() != 0 || c.Sent() != 0 {
		t.Fatalf("server saw %d, Sent() = %d", cnt.n.Load(), c.Sent())
	}
	if _, err := c.Do(context.Background(), Request{Path: "/", Header: http.Header{"X-Tab": {"a\tb"}}}); err != nil {
		t.Fatalf("a tab is allowed: %v", err)
	}
}
