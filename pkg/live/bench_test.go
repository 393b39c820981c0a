//go:build unix

package live

import (
	"context"
	"net/http"
	"syscall"
	"testing"
	"time"
)

// BenchmarkDo measures one GET through every limit against a loopback
// server, Rate 0. cpu-ns/op is the process's user+system CPU per request,
// the in-process server's share included: an upper bound on the client's.
func BenchmarkDo(b *testing.B) {
	body := []byte(`{"items":[{"id":"inv_a1","tenant":"acme","total":1200}]}`)
	srv, _ := countingServer(b, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	})
	c := newTestClient(b, srv.URL, func(o *Options) { o.MaxRequests = 1 << 30 })
	req := Request{Path: "/api/invoices?page=1", Header: http.Header{"Authorization": {"Bearer bench-token"}}}
	ctx := context.Background()
	b.ReportAllocs()
	start := cpuTime(b)
	b.ResetTimer()
	for b.Loop() {
		resp, err := c.Do(ctx, req)
		if err != nil || resp.Status != 200 {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64((cpuTime(b)-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// cpuTime is the user+system CPU time of the process so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
