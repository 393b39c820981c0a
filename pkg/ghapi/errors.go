package ghapi

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/google/go-github/v60/github"
)

// APIError is a failed GitHub REST call. Its text names the method, the
// endpoint path and the status, and never the token.
type APIError struct {
	// Method is the HTTP method, e.g. "PATCH".
	Method string
	// Endpoint is the request path without host or query, e.g.
	// "/repos/acme/portal/issues/7/comments".
	Endpoint string
	// Status is the HTTP status, or 0 when no response arrived.
	Status int
	// Message is GitHub's "message", or the transport error's text.
	Message string

	err         error
	rateLimited bool
}

// Error describes the call and its outcome.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "GitHub API %s %s", e.Method, e.Endpoint)
	if e.Status != 0 {
		fmt.Fprintf(&b, ": %d %s", e.Status, http.StatusText(e.Status))
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	return b.String()
}

// Unwrap returns the go-github or transport error behind e.
func (e *APIError) Unwrap() error { return e.err }

// wrap turns a go-github error into an *APIError for the given call.
func (c *Client) wrap(method, endpoint string, resp *github.Response, err error) error {
	e := &APIError{Method: method, Endpoint: endpoint, err: err}
	if resp != nil && resp.Response != nil {
		e.Status = resp.StatusCode
	}
	var (
		er  *github.ErrorResponse
		rl  *github.RateLimitError
		arl *github.AbuseRateLimitError
	)
	switch {
	case errors.As(err, &rl):
		e.rateLimited = true
		e.Message = rl.Message
		if rl.Response != nil {
			e.Status = rl.Response.StatusCode
		}
	case errors.As(err, &arl):
		e.rateLimited = true
		e.Message = arl.Message
		if arl.Response != nil {
			e.Status = arl.Response.StatusCode
		}
	case errors.As(err, &er):
		e.Message = er.Message
		if er.Response != nil {
			e.Status = er.Response.StatusCode
		}
	default:
		e.Message = err.Error()
	}
	if c.token != "" {
		e.Message = strings.ReplaceAll(e.Message, c.token, "[redacted]")
		// A server or proxy that echoes the token would otherwise leak it
		// to whoever logs the unwrapped error; its type is given up then.
		if text := err.Error(); strings.Contains(text, c.token) {
			e.err = errors.New(strings.ReplaceAll(text, c.token, "[redacted]"))
		}
	}
	return e
}

// IsPermission reports whether err means the token may not do this: a 403
// that is not a rate limit (a fork pull request's read-only token gets
// "Resource not accessible by integration"), or a 404 on a write, which is
// how GitHub answers a token that cannot see the repository. The Action
// degrades to annotations on such errors instead of failing.
func IsPermission(err error) bool {
	var e *APIError
	if !errors.As(err, &e) {
		return false
	}
	switch e.Status {
	case http.StatusForbidden:
		return !IsRateLimit(err)
	case http.StatusNotFound:
		return e.Method != http.MethodGet && e.Method != http.MethodHead
	}
	return false
}

// IsRateLimit reports whether err is GitHub's primary or secondary rate
// limit (a 403 or 429 that says so), for which a later retry may succeed.
func IsRateLimit(err error) bool {
	var (
		rl  *github.RateLimitError
		arl *github.AbuseRateLimitError
		e   *APIError
	)
	switch {
	case errors.As(err, &rl), errors.As(err, &arl):
		return true
	case errors.As(err, &e):
		if e.rateLimited || e.Status == http.StatusTooManyRequests {
			return true
		}
		// Secondary limits have carried several documentation URLs over the
		// years; the message has kept saying "rate limit".
		return e.Status == http.StatusForbidden && strings.Contains(strings.ToLower(e.Message), "rate limit")
	}
	return false
}
