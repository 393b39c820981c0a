package live

import (
	"context"
	"net/http"
	"time"
)

// retryAfterOf is the Retry-After of a 429 or 503; ok is false for any other
// status or a missing or unparsable value.
func retryAfterOf(status int, h http.Header, now time.Time) (time.Duration, bool) {
	if status != http.StatusTooManyRequests && status != http.StatusServiceUnavailable {
		return 0, false
	}
	return parseRetryAfter(h.Get("Retry-After"), now)
}

// retryFits reports whether a retry after d is worth making: d is within
// maxWait, the wait ends before ctx's deadline, and the budget has a
// request left.
func retryFits(ctx context.Context, d, maxWait time.Duration, now time.Time, b *budget) bool {
	if d > maxWait || b.left() <= 0 {
		return false
	}
	deadline, has := ctx.Deadline()
	return !has || now.Add(d).Before(deadline)
}
