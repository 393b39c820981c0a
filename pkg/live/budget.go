package live

import "sync/atomic"

// budget is the hard cap on requests for the whole run, shared by every
// goroutine. A request is counted before it is sent.
type budget struct {
	limit int64
	used  atomic.Int64
}

// take counts one request, or reports false when the cap is reached.
func (b *budget) take() bool {
	for {
		n := b.used.Load()
		if n >= b.limit {
			return false
		}
		if b.used.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

// left is how many requests may still be sent.
func (b *budget) left() int64 { return b.limit - b.used.Load() }
