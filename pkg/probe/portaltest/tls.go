package portaltest

import (
	"crypto/tls"
	"fmt"
	"os"
	"path/filepath"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// authority is a throwaway certificate authority and the one leaf it
// signed, for 127.0.0.1 and localhost. Nothing of it outlives the test:
// the CA's key is never written anywhere, only its certificate.
type authority struct {
	caPEM []byte
	leaf  tls.Certificate
}

// newAuthority makes the portal's CA and leaf (testkit.NewAuthority).
func newAuthority() (*authority, error) {
	a, err := testkit.NewAuthority()
	if err != nil {
		return nil, err
	}
	return &authority{caPEM: a.CAPEM, leaf: a.Leaf}, nil
}

// writeCA writes the CA certificate as PEM into dir and returns the file's
// path, the value SSL_CERT_FILE takes.
func (a *authority) writeCA(dir string) (string, error) {
	name := filepath.Join(dir, "portal-ca.pem")
	if err := os.WriteFile(name, a.caPEM, 0o600); err != nil {
		return "", fmt.Errorf("write CA: %w", err)
	}
	return name, nil
}

// serverConfig is the TLS configuration the portal serves with.
func (a *authority) serverConfig() *tls.Config {
	return &tls.Config{Certificates: []tls.Certificate{a.leaf}, MinVersion: tls.VersionTLS12}
}
