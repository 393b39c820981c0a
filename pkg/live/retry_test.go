package live

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// limited answers status with Retry-After retryAfter to the first n
// requests (n < 0: all of them), then 200.
func limited(t *testing.T, n int64, status int, retryAfter string) (*Client, *counter) {
	t.Helper()
	var seen atomic.Int64
	srv, cnt := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if k := seen.Add(1); n < 0 || k <= n {
			if retryAfter != "" {
				w.Header().Set("Retry-After", retryAfter)
			}
			w.WriteHeader(status)
			return
		}
		_, _ = w.Write([]byte("ok"))
	})
	return newTestClient(t, srv.URL, nil), cnt
}

func TestRetryAfterHonoured(t *testing.T) {
	c, cnt := limited(t, 1, http.StatusTooManyRequests, "1")
	start := time.Now()
	resp, err := c.Do(context.Background(), Request{Path: "/"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 200 || resp.Retries != 1 || cnt.n.Load() != 2 {
		t.Fatalf("got %d after %d retries, server saw %d", resp.Status, resp.Retries, cnt.n.Load())
	}
	if d := time.Since(start); d < 950*time.Millisecond {
		t.Fatalf("retried after %s, before Retry-After: 1", d)
	}
}

func TestRetryPolicy(t *testing.T) {
	past := time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)
	cases := []struct {
		name       string
		status     int
		retryAfter string
		deadline   time.Duration // 0 = none
		noRetry    bool
		sent       int64 // requests the server sees
	}{
		{"429 for ever: two retries, then the 429", 429, "0", 0, false, 3},
		{"503 with a past HTTP date", 503, past, 0, false, 3},
		{"over the wait ceiling", 429, "3600", 0, false, 1},
		{"past the run deadline", 429, "2", time.Second, false, 1},
		{"no Retry-After", 429, "", 0, false, 1},
		{"unparsable Retry-After", 429, "soon", 0, false, 1},
		{"other status", 500, "0", 0, false, 1},
		{"NoRetry", 429, "0", 0, true, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, cnt := limited(t, -1, tc.status, tc.retryAfter)
			ctx := context.Background()
			if tc.deadline > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.deadline)
				defer cancel()
			}
			var resp *Response
			err := within(t, 500*time.Millisecond, func() error {
				var err error
				resp, err = c.Do(ctx, Request{Path: "/", NoRetry: tc.noRetry})
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if resp.Status != tc.status || cnt.n.Load() != tc.sent || resp.Retries != int(tc.sent-1) {
				t.Fatalf("got %d after %d retries, server saw %d; want %d, %d", resp.Status, resp.Retries, cnt.n.Load(), tc.status, tc.sent)
			}
		})
	}
}

// TestRetryWithinCap: retries stop at the cap and the 429 comes back.
func TestRetryWithinCap(t *testing.T) {
	srv, cnt := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(429)
	})
	c := newTestClient(t, srv.URL, func(o *Options) { o.MaxRequests = 2 })
	resp, err := c.Do(context.Background(), Request{Path: "/"})
	if err != nil || resp.Status != 429 || cnt.n.Load() != 2 {
		t.Fatalf("err %v, status %v, server saw %d", err, resp, cnt.n.Load())
	}
}

// TestEndless429WithinDeadline: goroutines hammering a server that answers
// 429 with Retry-After: 1 for ever end with the run's deadline, having sent
// a few requests, not a flood.
func TestEndless429WithinDeadline(t *testing.T) {
	c, cnt := limited(t, -1, 429, "1")
	ctx, cancel := context.WithTimeout(context.Background(), 2500*time.Millisecond)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				// A caller stops when the run's deadline is in the way.
				if _, err := c.Do(ctx, Request{Path: "/"}); errors.Is(err, context.DeadlineExceeded) {
					return
				}
			}
		})
	}
	wg.Wait()
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("the run took %s past its 2.5s deadline", d)
	}
	// Each second of pause lets each goroutine through once at most.
	if n := cnt.n.Load(); n > 16 {
		t.Fatalf("server saw %d requests in 2.5s of Retry-After: 1", n)
	}
}

// TestRetryAfterPausesEveryone: a Retry-After given to one request holds
// back the others too.
func TestRetryAfterPausesEveryone(t *testing.T) {
	var first atomic.Int64
	arrivals := make(chan time.Time, 4)
	srv, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if first.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(429)
			arrivals <- time.Now()
			return
		}
		if r.URL.Path == "/other" {
			arrivals <- time.Now()
		}
	})
	c := newTestClient(t, srv.URL, nil)
	go func() { _, _ = c.Do(context.Background(), Request{Path: "/limited"}) }()
	limitedAt := <-arrivals
	time.Sleep(50 * time.Millisecond) // the 429 is read and the pause set
	if _, err := c.Do(context.Background(), Request{Path: "/other"}); err != nil {
		t.Fatal(err)
	}
	if gap := (<-arrivals).Sub(limitedAt); gap < 900*time.Millisecond {
		t.Fatalf("another request went out %s after the 429, within its Retry-After", gap)
	}
}
