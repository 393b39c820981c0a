package dnsrun

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/launchgate/launchgate/pkg/dnsq"
	"github.com/launchgate/launchgate/pkg/live"
)

// Bounds of the MTA-STS policy fetch (RFC 8461 §3.3: a policy is small,
// and senders must not follow redirects).
const (
	maxPolicyBytes = 64 << 10
	policyTimeout  = 10 * time.Second
)

// policyFetcher returns the function that fetches
// https://HOST/.well-known/mta-sts.txt: HOST resolved through the run's
// resolver (the domain's own servers, not the system's), TLS verified
// against the system roots and certFile, no redirects, at most
// maxPolicyBytes. port is 443 but in tests.
func policyFetcher(res *dnsq.Client, certFile string, port int) (func(ctx context.Context, host string) ([]byte, error), error) {
	roots, err := live.RootPool(certFile)
	if err != nil {
		return nil, err
	}
	dialer := &net.Dialer{Timeout: policyTimeout}
	transport := &http.Transport{
		TLSClientConfig:       &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:   policyTimeout,
		ResponseHeaderTimeout: policyTimeout,
		DisableKeepAlives:     true,
		Proxy:                 nil,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				return nil, err
			}
			addrs, err := res.Addrs(ctx, host)
			if err != nil {
				return nil, err
			}
			if len(addrs) == 0 {
				return nil, fmt.Errorf("%s has no A or AAAA record", host)
			}
			var last error
			for i, a := range addrs {
				if i == 2 {
					break
				}
				c, err := dialer.DialContext(ctx, "tcp", net.JoinHostPort(a.String(), strconv.Itoa(port)))
				if err == nil {
					return c, nil
				}
				last = err
			}
			return nil, last
		},
	}
	client := &http.Client{
		Transport: transport,
		Timeout:   policyTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return errors.New("the policy host redirects, which RFC 8461 forbids senders to follow")
		},
	}
	return func(ctx context.Context, host string) ([]byte, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://"+host+"/.well-known/mta-sts.txt", nil)
		if err != nil {
			return nil, err
		}
		resp, err := client.Do(req)
		if err != nil {
			var u interface{ Unwrap() error }
			if errors.As(err, &u) {
				err = u.Unwrap()
			}
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("answered %d, not 200", resp.StatusCode)
		}
		body, err := io.ReadAll(io.LimitReader(resp.Body, maxPolicyBytes+1))
		if err != nil {
			return nil, fmt.Errorf("reading the policy: %w", err)
		}
		if len(body) > maxPolicyBytes {
			return nil, fmt.Errorf("the policy is over %d KiB", maxPolicyBytes>>10)
		}
		return body, nil
	}, nil
}
