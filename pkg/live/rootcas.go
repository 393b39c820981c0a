package live

import "crypto/x509"

// RootCAs is the pool the client verifies certificates against: the
// system roots plus those of Options.RootsFile. A check that makes a
// handshake of its own (to test which TLS versions the origin accepts)
// verifies it against the same roots.
func (c *Client) RootCAs() *x509.CertPool { return c.http.TLSClientConfig.RootCAs }
