package live

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"time"
)

// exchange is one request on the wire: a hop of a redirect chain or a retry.
type exchange struct {
	method string
	url    *url.URL
	header http.Header
	body   []byte
}

// sendWithRetries sends ex, and again after a 429 or 503 whose Retry-After
// the client honours, at most MaxRetries times. Any such Retry-After pauses
// the whole client (for at most MaxRetryWait), retried or not, so a caller
// looping on a server that answers 429 for ever is held back too.
func (c *Client) sendWithRetries(ctx context.Context, ex exchange, noRetry bool) (*Response, error) {
	for retries := 0; ; retries++ {
		resp, err := c.send(ctx, ex)
		if err != nil {
			return nil, err
		}
		resp.Retries = retries
		now := time.Now()
		d, ok := retryAfterOf(resp.Status, resp.Header, now)
		if !ok {
			return resp, nil
		}
		c.pause.extend(now.Add(min(d, c.opts.MaxRetryWait)))
		if noRetry || retries == MaxRetries || !retryFits(ctx, d, c.opts.MaxRetryWait, now, c.budget) {
			return resp, nil
		}
		c.log.LogAttrs(ctx, slog.LevelDebug, "live retry",
			slog.String("method", ex.method), slog.String("path", ex.url.EscapedPath()),
			slog.Int("status", resp.Status), slog.Duration("retry_after", d))
	}
}

// send puts one exchange on the wire once a concurrency slot, the pause, the
// rate and the request cap allow it, and reads the response body bounded.
func (c *Client) send(ctx context.Context, ex exchange) (*Response, error) {
	if err := c.throttle.acquire(ctx); err != nil {
		return nil, err
	}
	defer c.throttle.release()
	if err := c.pause.wait(ctx); err != nil {
		return nil, err
	}
	if c.budget.left() <= 0 {
		return nil, c.capError()
	}
	if err := c.throttle.wait(ctx); err != nil {
		return nil, err
	}
	if !c.budget.take() {
		return nil, c.capError()
	}
	rctx, cancel := context.WithTimeout(ctx, c.opts.RequestTimeout)
	defer cancel()
	req, err := c.newRequest(rctx, ex)
	if err != nil {
		return nil, transportError(err, c.origin.hostPort)
	}
	start := time.Now()
	hr, err := c.http.RoundTrip(req)
	if err != nil {
		return nil, c.wireError(ctx, rctx, err)
	}
	body, truncated, err := readBounded(hr.Body, c.opts.MaxBodyBytes)
	hr.Body.Close()
	elapsed := time.Since(start)
	if err != nil {
		return nil, fmt.Errorf("reading the body: %w", c.wireError(ctx, rctx, err))
	}
	c.logExchange(ctx, ex, hr.StatusCode, elapsed, len(body), truncated)
	return &Response{
		Status:    hr.StatusCode,
		Header:    hr.Header,
		Body:      body,
		Truncated: truncated,
		Elapsed:   elapsed,
		URL:       ex.url,
		TLS:       hr.TLS,
	}, nil
}

// newRequest builds the request of ex: the caller's headers, launchgate's
// User-Agent, and the body with its Content-Length.
func (c *Client) newRequest(ctx context.Context, ex exchange) (*http.Request, error) {
	var body io.Reader
	if len(ex.body) > 0 {
		body = bytes.NewReader(ex.body)
	}
	req, err := http.NewRequestWithContext(ctx, ex.method, ex.url.String(), body)
	if err != nil {
		return nil, err
	}
	req.Header = ex.header.Clone()
	if req.Header == nil {
		req.Header = http.Header{}
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	return req, nil
}

// wireError describes an error of the round trip or the body read: the run
// ending (ctx), the per-request timeout (rctx), or the transport's cause.
func (c *Client) wireError(ctx, rctx context.Context, err error) error {
	var ne net.Error
	switch {
	case ctx.Err() != nil:
		return fmt.Errorf("the run ended: %w", context.Cause(ctx))
	case errors.Is(rctx.Err(), context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("%w: no complete response within %s", ErrTimeout, c.opts.RequestTimeout)
	}
	return transportError(err, c.origin.hostPort)
}

// capError is the error of a request the cap stops.
func (c *Client) capError() error {
	return fmt.Errorf("%w: all %d requests of --max-requests are used", ErrRequestCap, c.budget.limit)
}

// logExchange logs one exchange at debug level: method, path without query,
// status, elapsed and size. Never a header or query value.
func (c *Client) logExchange(ctx context.Context, ex exchange, status int, elapsed time.Duration, n int, truncated bool) {
	if !c.log.Enabled(ctx, slog.LevelDebug) {
		return
	}
	c.log.LogAttrs(ctx, slog.LevelDebug, "live request",
		slog.String("method", ex.method), slog.String("path", ex.url.EscapedPath()),
		slog.Int("status", status), slog.Duration("elapsed", elapsed),
		slog.Int("bytes", n), slog.Bool("truncated", truncated))
}
