package dnsq

import (
	"fmt"
	"net"
	"net/netip"
	"sync"
	"sync/atomic"

	"github.com/miekg/dns"
)

// Client resolves names through recursive servers. It is safe for
// concurrent use; its cache and budget last as long as it does.
type Client struct {
	opts    Options
	servers []string

	// sent counts the packets sent; it never exceeds opts.MaxQueries.
	sent atomic.Int64

	mu    sync.Mutex
	cache map[cacheKey]*cacheEntry
	log   []string
}

// New returns a Client for o. It fails when a server address is not
// HOST:PORT, or when o.Servers is empty and /etc/resolv.conf names no
// server.
func New(o Options) (*Client, error) {
	return newClient(o, resolvConf)
}

// newClient is New with the resolv.conf path as a parameter, for tests.
func newClient(o Options, conf string) (*Client, error) {
	o = o.withDefaults()
	servers := o.Servers
	if len(servers) == 0 {
		var err error
		if servers, err = systemServers(conf); err != nil {
			return nil, err
		}
	}
	if len(servers) > maxServers {
		return nil, fmt.Errorf("dns: %d servers given, at most %d are used", len(servers), maxServers)
	}
	norm := make([]string, 0, len(servers))
	for _, s := range servers {
		addr, err := serverAddr(s)
		if err != nil {
			return nil, err
		}
		norm = append(norm, addr)
	}
	o.Servers = norm
	return &Client{opts: o, servers: norm, cache: make(map[cacheKey]*cacheEntry)}, nil
}

// serverAddr checks a server address and gives a bare IP address port 53.
func serverAddr(s string) (string, error) {
	if ip, err := netip.ParseAddr(s); err == nil {
		return net.JoinHostPort(ip.String(), "53"), nil
	}
	host, port, err := net.SplitHostPort(s)
	if err != nil || host == "" || port == "" {
		return "", fmt.Errorf("dns: server %q is not HOST:PORT (for example 127.0.0.1:53)", s)
	}
	return net.JoinHostPort(host, port), nil
}

// systemServers reads the nameservers of a resolv.conf file.
func systemServers(path string) ([]string, error) {
	cfg, err := dns.ClientConfigFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("dns: no resolver given and the system's could not be read: %w (pass --resolver HOST:PORT)", err)
	}
	if len(cfg.Servers) == 0 {
		return nil, fmt.Errorf("dns: no resolver given and %s names no nameserver (pass --resolver HOST:PORT)", path)
	}
	port := cfg.Port
	if port == "" {
		port = "53"
	}
	out := make([]string, 0, len(cfg.Servers))
	for _, s := range cfg.Servers {
		if len(out) == maxServers {
			break
		}
		out = append(out, net.JoinHostPort(s, port))
	}
	return out, nil
}

// Queries returns how many packets the client has sent, retries and TCP
// included.
func (c *Client) Queries() int { return int(c.sent.Load()) }

// Log returns one line per packet sent, in order: type, name, server,
// protocol, outcome and milliseconds.
func (c *Client) Log() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.log...)
}

// Servers returns the servers the client asks, in order.
func (c *Client) Servers() []string { return append([]string(nil), c.servers...) }

// spend takes one query from the budget, reporting false when it is spent.
func (c *Client) spend() bool {
	for {
		n := c.sent.Load()
		if n >= int64(c.opts.MaxQueries) {
			return false
		}
		if c.sent.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

// record appends a log line; the budget bounds how many there are.
func (c *Client) record(line string) {
	c.mu.Lock()
	c.log = append(c.log, line)
	c.mu.Unlock()
}
