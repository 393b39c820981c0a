package live

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// shortTimeout makes the per-request timeout small for misbehaving servers.
func shortTimeout(o *Options) { o.RequestTimeout = 300 * time.Millisecond }

// drip writes head, then one byte of unit every interval until the
// connection fails.
func drip(conn net.Conn, head, unit string, interval time.Duration) {
	readRequestHead(conn)
	if _, err := conn.Write([]byte(head)); err != nil {
		return
	}
	for i := 0; ; i++ {
		time.Sleep(interval)
		if _, err := conn.Write([]byte{unit[i%len(unit)]}); err != nil {
			return
		}
	}
}

func TestRequestTimeoutHolds(t *testing.T) {
	servers := map[string]func(net.Conn){
		"hangs before headers": func(conn net.Conn) {
			readRequestHead(conn)
			_, _ = conn.Read(make([]byte, 1)) // until the client hangs up
		},
		"drips the body a byte at a time": func(conn net.Conn) {
			drip(conn, "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n", "x", 50*time.Millisecond)
		},
		"chunked body that never ends": func(conn net.Conn) {
			drip(conn, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "1\r\nx\r\n", 20*time.Millisecond)
		},
		"slowloris header drip": func(conn net.Conn) {
			drip(conn, "HTTP/1.1 200 OK\r\n", "X-Slow: y\r\n", 20*time.Millisecond)
		},
		"accepts and says nothing during TLS": func(conn net.Conn) {
			_, _ = conn.Read(make([]byte, 1<<16))
			_, _ = conn.Read(make([]byte, 1))
		},
	}
	for name, handle := range servers {
		t.Run(name, func(t *testing.T) {
			base := rawServer(t, handle)
			if strings.HasPrefix(name, "accepts") {
				base = strings.Replace(base, "http://", "https://", 1)
			}
			c := newTestClient(t, base, shortTimeout)
			err := within(t, 2*time.Second, func() error {
				_, err := c.Do(context.Background(), Request{Path: "/slow?k=v"})
				return err
			})
			if !errors.Is(err, ErrTimeout) || !strings.HasPrefix(err.Error(), "GET /slow: ") {
				t.Fatalf("error = %v; want ErrTimeout for GET /slow", err)
			}
		})
	}
}

// endless serves a body that never ends as fast as the client reads it,
// counting the bytes it got to write.
func endless(t *testing.T, head string, written *atomic.Int64, done chan<- struct{}) string {
	chunk := make([]byte, 32<<10)
	return rawServer(t, func(conn net.Conn) {
		defer close(done)
		readRequestHead(conn)
		if _, err := conn.Write([]byte(head)); err != nil {
			return
		}
		for {
			n, err := conn.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
}

// TestHugeBodyStopsAtLimit: a 5 GB body is read to MaxBodyBytes, the
// connection is closed, and the server gets to push only a little more.
func TestHugeBodyStopsAtLimit(t *testing.T) {
	var written atomic.Int64
	done := make(chan struct{})
	base := endless(t, "HTTP/1.1 200 OK\r\nContent-Length: 5368709120\r\n\r\n", &written, done)
	c := newTestClient(t, base, nil)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var resp *Response
	err := within(t, 3*time.Second, func() error {
		var err error
		resp, err = c.Do(context.Background(), Request{Path: "/big"})
		return err
	})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if !resp.Truncated || int64(len(resp.Body)) != DefaultMaxBodyBytes {
		t.Fatalf("truncated %v, %d bytes; want %d", resp.Truncated, len(resp.Body), DefaultMaxBodyBytes)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
		t.Fatalf("allocated %d bytes for a bounded read", alloc)
	}
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("the server could keep writing: the connection was not closed")
	}
	if w := written.Load(); w > 64<<20 {
		t.Fatalf("server wrote %d bytes before the client hung up", w)
	}
}

// TestGzipBombStopsAtLimit: the bound holds after decompression. The server
// repeats one gzip member of 8 MiB of zeros for ever (a stream of gzip
// members is one body).
func TestGzipBombStopsAtLimit(t *testing.T) {
	var member bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	_, _ = zw.Write(make([]byte, 8<<20))
	_ = zw.Close()
	var written atomic.Int64
	done := make(chan struct{})
	srv, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		defer close(done)
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Error("the client did not ask for gzip")
		}
		w.Header().Set("Content-Encoding", "gzip")
		for {
			n, err := w.Write(member.Bytes())
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	c := newTestClient(t, srv.URL, func(o *Options) { o.MaxBodyBytes = 1 << 20 })
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var resp *Response
	err := within(t, 3*time.Second, func() error {
		var err error
		resp, err = c.Do(context.Background(), Request{Path: "/bomb"})
		return err
	})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if !resp.Truncated || len(resp.Body) != 1<<20 || bytes.Count(resp.Body, []byte{0}) != 1<<20 {
		t.Fatalf("truncated %v, %d bytes; want 1 MiB of decompressed zeros", resp.Truncated, len(resp.Body))
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
		t.Fatalf("allocated %d bytes for a bounded read", alloc)
	}
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("the server could keep writing: the stream was not closed")
	}
	if w := written.Load(); w > 16<<20 {
		t.Fatalf("server wrote %d compressed bytes (%d MiB decompressed) before the client hung up", w, w/int64(member.Len())*8)
	}
}

// TestHeaderFloodBounded: endless header lines end at the header limit,
// long before the timeout.
func TestHeaderFloodBounded(t *testing.T) {
	line := fmt.Sprintf("X-Pad: %s\r\n", strings.Repeat("a", 1000))
	base := rawServer(t, func(conn net.Conn) {
		readRequestHead(conn)
		_, _ = conn.Write([]byte("HTTP/1.1 200 OK\r\n"))
		for {
			if _, err := conn.Write([]byte(line)); err != nil {
				return
			}
		}
	})
	c := newTestClient(t, base, nil)
	err := within(t, 2*time.Second, func() error {
		_, err := c.Do(context.Background(), Request{Path: "/"})
		return err
	})
	if err == nil || errors.Is(err, ErrTimeout) || !strings.Contains(err.Error(), "header") {
		t.Fatalf("error = %v; want the header limit", err)
	}
}

// TestCustomBodyLimit: a body just over the limit is cut there, one at the
// limit is not.
func TestCustomBodyLimit(t *testing.T) {
	srv, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(bytes.Repeat([]byte("z"), len(r.URL.Path)-1))
	})
	c := newTestClient(t, srv.URL, func(o *Options) { o.MaxBodyBytes = 10 })
	for path, want := range map[string]bool{"/0123456789": false, "/0123456789a": true} {
		resp, err := c.Do(context.Background(), Request{Path: path})
		if err != nil {
			t.Fatal(err)
		}
		if resp.Truncated != want || len(resp.Body) != 10 {
			t.Errorf("%s: truncated %v with %d bytes", path, resp.Truncated, len(resp.Body))
		}
	}
}
