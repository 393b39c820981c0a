package testkit

import (
	"runtime"
	"testing"
	"time"
)

// NoGoroutineLeaks fails the test when, after every cleanup registered
// later has run, more goroutines are alive than when it was called. It
// waits up to two seconds for them to end.
func NoGoroutineLeaks(t testing.TB) {
	t.Helper()
	base := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(2 * time.Second)
		for runtime.NumGoroutine() > base && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if n := runtime.NumGoroutine(); n > base {
			buf := make([]byte, 1<<16)
			t.Errorf("%d goroutines before, %d after cleanup:\n%s", base, n, buf[:runtime.Stack(buf, true)])
		}
	})
}
