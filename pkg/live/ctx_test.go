package live

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"
)

// hang is a server that reads the request and never answers.
func hang(conn net.Conn) {
	readRequestHead(conn)
	_, _ = conn.Read(make([]byte, 1))
}

// TestRunDeadlineEndsSlowRequest: the caller's deadline (--timeout) ends a
// request long before its own 10s timeout.
func TestRunDeadlineEndsSlowRequest(t *testing.T) {
	for name, handle := range map[string]func(net.Conn){
		"hanging server": hang,
		"dripping body": func(conn net.Conn) {
			drip(conn, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n", "x", 20*time.Millisecond)
		},
	} {
		t.Run(name, func(t *testing.T) {
			c := newTestClient(t, rawServer(t, handle), nil)
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			err := within(t, time.Second, func() error {
				_, err := c.Do(ctx, Request{Path: "/slow"})
				return err
			})
			if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "the run ended") {
				t.Fatalf("error = %v; want the run's deadline", err)
			}
		})
	}
}

// TestRateWaitRespectsContext: a request waiting for a token returns at once
// when the token comes after the deadline, and when ctx is cancelled.
func TestRateWaitRespectsContext(t *testing.T) {
	srv, cnt := countingServer(t, ok)
	c := newTestClient(t, srv.URL, func(o *Options) { o.Rate = 0.2 }) // one token every 5s
	if _, err := c.Do(context.Background(), Request{Path: "/"}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := within(t, 200*time.Millisecond, func() error {
		_, err := c.Do(ctx, Request{Path: "/"})
		return err
	})
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "rate limit") {
		t.Fatalf("deadline: error = %v", err)
	}
	ctx2, cancel2 := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel2)
	err = within(t, time.Second, func() error {
		_, err := c.Do(ctx2, Request{Path: "/"})
		return err
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancel: error = %v", err)
	}
	if cnt.n.Load() != 1 || c.Sent() != 1 {
		t.Fatalf("server saw %d, Sent() = %d; want only the first", cnt.n.Load(), c.Sent())
	}
}

// TestSlotWaitRespectsContext: with every slot held by a hanging request,
// another request returns when its ctx ends and is never sent.
func TestSlotWaitRespectsContext(t *testing.T) {
	c := newTestClient(t, rawServer(t, hang), func(o *Options) { o.Concurrency = 1 })
	hangCtx, stop := context.WithCancel(context.Background())
	first := make(chan error, 1)
	go func() {
		_, err := c.Do(hangCtx, Request{Path: "/hang"})
		first <- err
	}()
	for c.Sent() == 0 {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	err := within(t, time.Second, func() error {
		_, err := c.Do(ctx, Request{Path: "/second"})
		return err
	})
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "free connection") {
		t.Fatalf("error = %v", err)
	}
	if c.Sent() != 1 {
		t.Fatalf("Sent() = %d, want 1", c.Sent())
	}
	stop()
	if err := <-first; !errors.Is(err, context.Canceled) {
		t.Fatalf("first: %v", err)
	}
}
