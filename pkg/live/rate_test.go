package live

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestRateSharedByGoroutines: one bucket for every goroutine: 10 requests
// at 20/s from 5 goroutines take at least 9/20 s.
func TestRateSharedByGoroutines(t *testing.T) {
	srv, cnt := countingServer(t, ok)
	c := newTestClient(t, srv.URL, func(o *Options) { o.Rate = 20; o.Concurrency = 5 })
	start := time.Now()
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			for range 2 {
				if _, err := c.Do(context.Background(), Request{Path: "/"}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if d := time.Since(start); d < 430*time.Millisecond || d > 3*time.Second {
		t.Fatalf("10 requests at 20/s took %s", d)
	}
	if cnt.n.Load() != 10 {
		t.Fatalf("server saw %d", cnt.n.Load())
	}
}

// TestConcurrencyBounded: never more than Concurrency requests in flight.
func TestConcurrencyBounded(t *testing.T) {
	var inFlight, peak atomic.Int64
	srv, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		inFlight.Add(-1)
	})
	c := newTestClient(t, srv.URL, func(o *Options) { o.Concurrency = 2 })
	var wg sync.WaitGroup
	for range 12 {
		wg.Go(func() {
			if _, err := c.Do(context.Background(), Request{Path: "/"}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if p := peak.Load(); p != 2 {
		t.Fatalf("peak in flight %d, want 2", p)
	}
}
