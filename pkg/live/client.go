package live

import (
	"context"
	"crypto/tls"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Request is one request of a live check.
type Request struct {
	Method string // GET, HEAD, OPTIONS; others need AllowWrites and Refusable
	// Path is the path and query under --url ("/api/invoices/inv_a1?page=1"),
	// joined under the path prefix of Options.Base. An absolute URL, a
	// scheme-relative "//host", or anything resolving to another origin is
	// refused (ErrOffOrigin) before sending.
	Path   string
	Header http.Header // the identity's credentials or a variant; never logged or put in errors
	Body   []byte      // sent with its Content-Length
	// Refusable says the credentials sent are ones a correct server must refuse
	// (none, a bad token, another tenant's token). A write (POST/PUT/PATCH/DELETE)
	// is sent only when AllowWrites && Refusable; otherwise ErrWriteRefused, nothing sent.
	Refusable bool
	// NoRetry returns a 429 or 503 as it comes, without honouring
	// Retry-After: for checks that look for the rate limit itself.
	NoRetry bool
}

// Response is the final response of a Do.
type Response struct {
	Status    int
	Header    http.Header
	Body      []byte // at most MaxBodyBytes, after decompression
	Truncated bool   // the body went on past MaxBodyBytes and was not read further
	// Elapsed is the time from sending the final request to the end of its
	// body read; waits for the rate, a slot or Retry-After are not in it.
	Elapsed time.Duration
	// URL is the final URL after same-origin redirects. It holds the query:
	// print Redact(URL), not URL.
	URL *url.URL
	// OffOrigin is set when the server redirected to another origin: that
	// redirect is not followed; Status/Header are the 3xx's; the value is the
	// target's scheme://host[:port]/path without query or fragment.
	OffOrigin string
	TLS       *tls.ConnectionState // nil for http
	Redirects int                  // same-origin redirects followed; MaxRedirects means the limit stopped the chain
	Retries   int                  // retries after 429/503 with Retry-After
}

// Client is the HTTP client of live checks. It is safe for concurrent use;
// the limits hold across all goroutines that share it.
type Client struct {
	opts     Options
	base     *url.URL
	origin   origin
	http     *http.Transport // used directly: redirects are Do's, hop by hop
	throttle *throttle
	budget   *budget
	pause    pause
	log      *slog.Logger
}

// New checks o and returns a client. Its errors name the problem
// ("--url must be http or https", "SSL_CERT_FILE <path>: no certificates found").
func New(o Options) (*Client, error) {
	opts, err := o.normalized()
	if err != nil {
		return nil, err
	}
	orig, err := parseBase(opts.Base)
	if err != nil {
		return nil, err
	}
	roots, err := RootPool(opts.RootsFile)
	if err != nil {
		return nil, err
	}
	base := *opts.Base
	base.Scheme = orig.scheme
	base.Host = strings.ToLower(base.Host)
	return &Client{
		opts:     opts,
		base:     &base,
		origin:   orig,
		http:     newTransport(orig, roots, opts),
		throttle: newThrottle(opts.Rate, opts.Concurrency),
		budget:   &budget{limit: int64(opts.MaxRequests)},
		log:      opts.Logger,
	}, nil
}

// Do sends r and follows same-origin redirects. Every error is a
// *RequestError naming the method and the path without query.
func (c *Client) Do(ctx context.Context, r Request) (*Response, error) {
	method, err := checkMethod(r.Method, c.opts.AllowWrites, r.Refusable)
	if err != nil {
		return nil, c.fail(ctx, method, r, err)
	}
	u, err := resolve(c.base, c.origin, r.Path)
	if err != nil {
		return nil, c.fail(ctx, method, r, err)
	}
	if err := checkHeader(r.Header); err != nil {
		return nil, c.fail(ctx, method, r, err)
	}
	ex := exchange{method: method, url: u, header: r.Header, body: r.Body}
	for hops := 0; ; hops++ {
		resp, err := c.sendWithRetries(ctx, ex, r.NoRetry)
		if err != nil {
			return nil, c.fail(ctx, method, r, err)
		}
		resp.Redirects = hops
		if !isRedirect(resp.Status) || hops == MaxRedirects {
			return resp, nil
		}
		next, ok := redirectTarget(resp.Header, ex.url)
		if !ok {
			return resp, nil
		}
		if !c.origin.same(next) {
			resp.OffOrigin = Redact(next)
			c.log.LogAttrs(ctx, slog.LevelDebug, "live redirect off origin not followed",
				slog.String("method", ex.method), slog.String("path", ex.url.EscapedPath()),
				slog.String("to", resp.OffOrigin))
			return resp, nil
		}
		ex = ex.redirected(resp.Status, next)
	}
}

// fail wraps err with the method and printable path of r, with every header
// and query value of r scrubbed from its message, and logs it at debug level.
func (c *Client) fail(ctx context.Context, method string, r Request, err error) error {
	if method == "" || !isToken(method) {
		method = "(invalid method)"
	}
	_, query, _ := strings.Cut(r.Path, "?")
	query, _, _ = strings.Cut(query, "#")
	re := &RequestError{Method: method, Path: printablePath(r.Path), Err: scrub(err, r.Header, query)}
	c.log.LogAttrs(ctx, slog.LevelDebug, "live request failed", slog.String("error", re.Error()))
	return re
}

// Sent is the number of requests sent (connections attempted), for the summary.
func (c *Client) Sent() int { return int(c.budget.used.Load()) }

// Origin is scheme://host:port of --url.
func (c *Client) Origin() string { return c.origin.String() }

// Close closes idle connections. The client stays usable.
func (c *Client) Close() { c.http.CloseIdleConnections() }
