package live

import (
	"errors"
	"log/slog"
	"math"
	"net/url"
	"time"
)

// Defaults applied by New to zero fields of Options.
const (
	DefaultConcurrency    = 4
	DefaultMaxRequests    = 2000
	DefaultRequestTimeout = 10 * time.Second
	DefaultMaxBodyBytes   = 1 << 20
	DefaultMaxRetryWait   = 30 * time.Second
)

// Fixed limits of the client.
const (
	// MaxRedirects is how many same-origin redirects one Do follows.
	MaxRedirects = 5
	// MaxRetries is how many times one exchange is retried after a 429 or
	// 503 with Retry-After.
	MaxRetries = 2
	// maxHeaderBytes bounds the response header block.
	maxHeaderBytes = 128 << 10
)

// Options configure a Client. Zero values take the defaults above.
type Options struct {
	Base           *url.URL      // --url: scheme://host[:port][/prefix]; only http and https
	Rate           float64       // requests per second; 0 = unlimited (loopback tests)
	Concurrency    int           // at most this many requests in flight; default 4
	MaxRequests    int           // hard cap for the whole run, retries and redirects included; default 2000
	RequestTimeout time.Duration // per request, headers and body; default 10s
	MaxBodyBytes   int64         // response body read at most this far; default 1 MiB; the rest is discarded, not read
	AllowWrites    bool          // --allow-writes
	RootsFile      string        // the SSL_CERT_FILE value the caller read ("" = system roots only); extra roots added to the system pool
	UserAgent      string        // default DefaultUserAgent("dev")
	Logger         *slog.Logger  // debug logs: method, path without query, status, elapsed; never header or query values
	// MaxRetryWait is the longest Retry-After the client waits for; a longer
	// one returns the 429/503 as is. Default 30s.
	MaxRetryWait time.Duration
}

// DefaultUserAgent is the User-Agent naming launchgate and its version.
func DefaultUserAgent(version string) string {
	if version == "" {
		version = "dev"
	}
	return "launchgate/" + version + " (+https://github.com/launchgate/launchgate)"
}

// normalized checks o and returns a copy with the defaults filled in.
func (o Options) normalized() (Options, error) {
	if o.Base == nil {
		return o, errors.New("--url is required")
	}
	if math.IsNaN(o.Rate) || math.IsInf(o.Rate, 0) || o.Rate < 0 {
		return o, errors.New("--rate must be a finite number, 0 or more")
	}
	if o.Concurrency < 0 {
		return o, errors.New("concurrency must be 0 (default) or more")
	}
	if o.MaxRequests < 0 {
		return o, errors.New("--max-requests must be 0 (default) or more")
	}
	if o.RequestTimeout < 0 || o.MaxRetryWait < 0 {
		return o, errors.New("timeouts must be 0 (default) or more")
	}
	if o.MaxBodyBytes < 0 {
		return o, errors.New("the body limit must be 0 (default) or more")
	}
	o.Concurrency = orDefault(o.Concurrency, DefaultConcurrency)
	o.MaxRequests = orDefault(o.MaxRequests, DefaultMaxRequests)
	o.RequestTimeout = orDefault(o.RequestTimeout, DefaultRequestTimeout)
	o.MaxBodyBytes = orDefault(o.MaxBodyBytes, DefaultMaxBodyBytes)
	o.MaxRetryWait = orDefault(o.MaxRetryWait, DefaultMaxRetryWait)
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent("")
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o, nil
}

// orDefault is v, or d when v is zero.
func orDefault[T comparable](v, d T) T {
	var zero T
	if v == zero {
		return d
	}
	return v
}
