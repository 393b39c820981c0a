package live

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// TestRequestCapAcrossGoroutines: the cap holds exactly under concurrency and
// every refused request says why.
func TestRequestCapAcrossGoroutines(t *testing.T) {
	srv, cnt := countingServer(t, ok)
	c := newTestClient(t, srv.URL, func(o *Options) { o.MaxRequests = 5; o.Concurrency = 8 })
	var capped atomic.Int64
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			for range 3 {
				_, err := c.Do(context.Background(), Request{Path: "/x?id=1"})
				switch {
				case errors.Is(err, ErrRequestCap):
					capped.Add(1)
					if !strings.HasPrefix(err.Error(), "GET /x: ") || !strings.Contains(err.Error(), "--max-requests") {
						t.Errorf("cap error %q", err)
					}
				case err != nil:
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if cnt.n.Load() != 5 || c.Sent() != 5 || capped.Load() != 55 {
		t.Fatalf("server saw %d, Sent() = %d, capped %d; want 5, 5, 55", cnt.n.Load(), c.Sent(), capped.Load())
	}
}

// TestFailedConnectionsCount: a request that reaches no server still counts.
func TestFailedConnectionsCount(t *testing.T) {
	srv, _ := countingServer(t, ok)
	base := srv.URL
	srv.Close()
	c := newTestClient(t, base, func(o *Options) { o.MaxRequests = 2 })
	for range 2 {
		if _, err := c.Do(context.Background(), Request{Path: "/"}); !errors.Is(err, ErrUnreachable) || !strings.Contains(err.Error(), "connection refused") {
			t.Fatalf("error = %v; want ErrUnreachable", err)
		}
	}
	if _, err := c.Do(context.Background(), Request{Path: "/"}); !errors.Is(err, ErrRequestCap) {
		t.Fatalf("third: %v", err)
	}
	if c.Sent() != 2 {
		t.Fatalf("Sent() = %d", c.Sent())
	}
}
