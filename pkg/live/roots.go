package live

import (
	"crypto/x509"
	"fmt"
	"os"
)

// RootPool is the system pool plus the PEM certificates of rootsFile (the
// SSL_CERT_FILE value; "" for none): what every TLS connection of a live
// run verifies against.
func RootPool(rootsFile string) (*x509.CertPool, error) {
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		if rootsFile == "" {
			return nil, fmt.Errorf("no system certificate roots (%v); name a PEM file in SSL_CERT_FILE", err)
		}
		pool = x509.NewCertPool()
	}
	if rootsFile == "" {
		return pool, nil
	}
	pem, err := os.ReadFile(rootsFile)
	if err != nil {
		return nil, fmt.Errorf("SSL_CERT_FILE %s: %w", rootsFile, err)
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("SSL_CERT_FILE %s: no certificates found", rootsFile)
	}
	return pool, nil
}
