package live

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"
)

// pause is the client-wide back-off a Retry-After asks for: every request
// waits until it has passed, not only the one that got the 429.
type pause struct {
	until atomic.Int64 // Unix nanoseconds
}

// extend makes every request wait until t, unless it already waits longer.
func (p *pause) extend(t time.Time) {
	n := t.UnixNano()
	for {
		cur := p.until.Load()
		if cur >= n || p.until.CompareAndSwap(cur, n) {
			return
		}
	}
}

// wait returns when the pause has passed, or at once with an error when it
// ends after ctx's deadline, or when ctx ends.
func (p *pause) wait(ctx context.Context) error {
	d := time.Until(time.Unix(0, p.until.Load()))
	if d <= 0 {
		return nil
	}
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < d {
		return fmt.Errorf("the server asked to wait %s, past the run's deadline: %w", d.Round(time.Millisecond), context.DeadlineExceeded)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("waiting out Retry-After: %w", context.Cause(ctx))
	}
}
