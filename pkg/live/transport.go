package live

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// newTransport is the transport of one client: no proxy, verified TLS,
// bounded headers, at most concurrency connections, and a dialer that
// refuses every address but the origin's.
func newTransport(o origin, roots *x509.CertPool, opts Options) *http.Transport {
	dialer := &net.Dialer{Timeout: opts.RequestTimeout, KeepAlive: 30 * time.Second}
	return &http.Transport{
		Proxy:                  nil,
		DialContext:            originDialer(o, dialer),
		TLSClientConfig:        &tls.Config{RootCAs: roots},
		TLSHandshakeTimeout:    opts.RequestTimeout,
		ResponseHeaderTimeout:  opts.RequestTimeout,
		ExpectContinueTimeout:  time.Second,
		MaxIdleConns:           opts.Concurrency,
		MaxIdleConnsPerHost:    opts.Concurrency,
		MaxConnsPerHost:        opts.Concurrency,
		IdleConnTimeout:        30 * time.Second,
		MaxResponseHeaderBytes: maxHeaderBytes,
		ForceAttemptHTTP2:      true,
		DisableCompression:     false,
	}
}

// originDialer dials only the origin's host:port.
func originDialer(o origin, d *net.Dialer) func(context.Context, string, string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		if !strings.EqualFold(addr, o.hostPort) {
			return nil, fmt.Errorf("%w: dial %s refused", ErrOffOrigin, addr)
		}
		return d.DialContext(ctx, network, addr)
	}
}
