package portaltest

import (
	"crypto/tls"
	"crypto/x509"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Portal is a running portal, served over HTTPS on 127.0.0.1.
type Portal struct {
	// URL is the base URL, https://127.0.0.1:port.
	URL string
	// CAFile is the PEM file of the CA that signed the server's
	// certificate: the value for SSL_CERT_FILE.
	CAFile string
	// Tokens are the identities' valid tokens, by identity name.
	Tokens map[string]string
	// Expired are validly signed tokens whose expiry has passed, by
	// identity name.
	Expired map[string]string

	api *API
	srv *httptest.Server
	ca  []byte
}

// Start serves the twin over HTTPS on 127.0.0.1 with a certificate from a
// CA made for this test, and closes it when the test ends.
func Start(t testing.TB, twin Twin) *Portal {
	t.Helper()
	return serve(t, NewAPI(twin))
}

// StartGenerated serves Generated(n)'s handler like Start, and returns its
// spec too.
func StartGenerated(t testing.TB, n int) (*Portal, []byte) {
	t.Helper()
	spec, api := generated(n)
	return serve(t, api), spec
}

// serve runs api behind a fresh CA's certificate.
func serve(t testing.TB, api *API) *Portal {
	t.Helper()
	ca, err := newAuthority()
	if err != nil {
		t.Fatalf("portal CA: %v", err)
	}
	caFile, err := ca.writeCA(t.TempDir())
	if err != nil {
		t.Fatalf("portal CA: %v", err)
	}
	srv := httptest.NewUnstartedServer(api)
	srv.TLS = ca.serverConfig()
	// Handshakes that fail on purpose (a client without the CA) would
	// otherwise be printed; they carry no credential either way.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	p := &Portal{URL: srv.URL, CAFile: caFile, Tokens: api.Tokens(), Expired: api.ExpiredTokens(), api: api, srv: srv, ca: ca.caPEM}
	t.Cleanup(p.Close)
	return p
}

// Requests returns the requests the portal answered so far, in order,
// each with whose credentials it carried and never the credentials.
func (p *Portal) Requests() []Logged { return p.api.Requests() }

// Close stops the server; it is safe to call more than once.
func (p *Portal) Close() { p.srv.Close() }

// Client returns an HTTP client that trusts the portal's CA and nothing
// else.
func (p *Portal) Client() *http.Client {
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(p.ca)
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	return &http.Client{Transport: tr}
}

// Env returns the environment a probe of the portal runs with, as
// NAME=value: each identity's token under its EnvVar (as
// testdata/probe/portal/.launchgate.yml reads them) and SSL_CERT_FILE.
func (p *Portal) Env() []string {
	env := []string{"SSL_CERT_FILE=" + p.CAFile}
	for _, id := range Identities() {
		env = append(env, id.EnvVar+"="+p.Tokens[id.Name])
	}
	return env
}

// Setenv sets Env in the test's environment, restored when it ends (so it
// cannot be used in parallel tests).
func (p *Portal) Setenv(t testing.TB) {
	t.Helper()
	for _, kv := range p.Env() {
		name, value, _ := strings.Cut(kv, "=")
		t.Setenv(name, value)
	}
}
