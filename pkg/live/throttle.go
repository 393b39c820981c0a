package live

import (
	"context"
	"fmt"

	"golang.org/x/time/rate"
)

// throttle holds the shared token bucket and the concurrency semaphore.
type throttle struct {
	limiter *rate.Limiter
	slots   chan struct{}
}

// newThrottle allows perSecond requests a second (0 = unlimited), one at a
// time from the bucket, and at most concurrency in flight.
func newThrottle(perSecond float64, concurrency int) *throttle {
	limit := rate.Inf
	if perSecond > 0 {
		limit = rate.Limit(perSecond)
	}
	return &throttle{limiter: rate.NewLimiter(limit, 1), slots: make(chan struct{}, concurrency)}
}

// acquire takes a concurrency slot, or returns when ctx ends.
func (t *throttle) acquire(ctx context.Context) error {
	select {
	case t.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("waiting for a free connection: %w", context.Cause(ctx))
	}
}

// release gives back the slot taken by acquire.
func (t *throttle) release() { <-t.slots }

// wait takes a token from the bucket. It returns at once when the token
// would come after ctx's deadline.
func (t *throttle) wait(ctx context.Context) error {
	if err := t.limiter.Wait(ctx); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("waiting for the rate limit: %w", context.Cause(ctx))
		}
		return fmt.Errorf("waiting for the rate limit: %w", context.DeadlineExceeded)
	}
	return nil
}
