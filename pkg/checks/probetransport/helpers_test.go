package probetransport

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/live"
	"github.com/launchgate/launchgate/pkg/spec"
)

// reply is what the test server answers on one path.
type reply struct {
	ContentType string            `yaml:"content_type"`
	Headers     map[string]string `yaml:"headers"`
	Cookies     []string          `yaml:"cookies"`
}

// scenario describes a deployment for a rule example: its certificate
// (valid, expired, expiring-10d, expiring-20d, wrong-host, unknown-ca,
// rsa1024, rsa2048), its TLS versions (tls10-and-newer, tls10-only), its
// scheme, what it answers at / and, when api is set, at the spec's GET
// /api/items called with an identity's token, and what plain http does
// (serves, redirect-https, redirect-http, redirect-other-host, closed).
type scenario struct {
	Cert      string `yaml:"cert"`
	TLS       string `yaml:"tls"`
	Scheme    string `yaml:"scheme"`
	Base      reply  `yaml:"base"`
	API       *reply `yaml:"api"`
	PlainHTTP string `yaml:"plain_http"`
}

// ca is a throwaway certificate authority made in the test.
type ca struct {
	cert *x509.Certificate
	key  crypto.Signer
	pem  []byte
}

func newCA(t *testing.T) *ca {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "probetransport test CA"},
		NotBefore: time.Now().Add(-400 * 24 * time.Hour), NotAfter: time.Now().Add(400 * 24 * time.Hour),
		KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true, IsCA: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return &ca{cert: c, key: key, pem: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}
}

// leafSpec is the shape of a leaf certificate.
type leafSpec struct {
	notBefore, notAfter time.Duration // from now
	dns                 []string
	noIP                bool
	rsaBits             int // 0 = ECDSA P-256
}

// leafFor is the leaf a scenario's cert names.
func leafFor(kind string) leafSpec {
	day := 24 * time.Hour
	l := leafSpec{notBefore: -day, notAfter: 365 * day}
	switch kind {
	case "expired":
		l.notBefore, l.notAfter = -100*day, -day
	case "expiring-10d":
		l.notBefore, l.notAfter = -80*day, 10*day
	case "expiring-20d":
		l.notBefore, l.notAfter = -70*day, 20*day
	case "wrong-host":
		l.dns, l.noIP = []string{"other.example", "www.other.example"}, true
	case "rsa1024":
		l.rsaBits = 1024
	case "rsa2048":
		l.rsaBits = 2048
	}
	return l
}

func (a *ca) issue(t *testing.T, l leafSpec) tls.Certificate {
	t.Helper()
	var key crypto.Signer
	var err error
	if l.rsaBits > 0 {
		key, err = rsa.GenerateKey(rand.Reader, l.rsaBits)
	} else {
		key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	}
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "test leaf"},
		NotBefore: time.Now().Add(l.notBefore), NotAfter: time.Now().Add(l.notAfter),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames: l.dns}
	if !l.noIP {
		tmpl.IPAddresses = []net.IP{net.IPv4(127, 0, 0, 1)}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, a.cert, key.Public(), a.key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// handler answers / and every other path with base, and /api/items with
// api when set.
func handler(sc scenario) http.Handler {
	write := func(w http.ResponseWriter, rp reply, body string) {
		ct := rp.ContentType
		if ct == "" {
			ct = "text/html; charset=utf-8"
		}
		w.Header().Set("Content-Type", ct)
		for k, v := range rp.Headers {
			w.Header().Set(k, v)
		}
		for _, c := range rp.Cookies {
			w.Header().Add("Set-Cookie", c)
		}
		_, _ = w.Write([]byte(body))
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if sc.API != nil && r.URL.Path == "/api/items" {
			write(w, *sc.API, `{"items":[]}`)
			return
		}
		write(w, sc.Base, "<html><title>home</title></html>")
	})
}

// startTarget starts the scenario's server and returns its base URL and
// the CA file to trust.
func startTarget(t *testing.T, sc scenario) (base *url.URL, caFile string) {
	t.Helper()
	if sc.Scheme == "http" {
		srv := httptest.NewServer(handler(sc))
		t.Cleanup(srv.Close)
		u, _ := url.Parse(srv.URL)
		return u, ""
	}
	trusted := newCA(t)
	signer := trusted
	if sc.Cert == "unknown-ca" {
		signer = newCA(t)
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{signer.issue(t, leafFor(sc.Cert))}}
	switch sc.TLS {
	case "tls10-and-newer":
		cfg.MinVersion = tls.VersionTLS10
	case "tls10-only":
		cfg.MinVersion, cfg.MaxVersion = tls.VersionTLS10, tls.VersionTLS10
	}
	srv := httptest.NewUnstartedServer(handler(sc))
	srv.TLS = cfg
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	caFile = filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, trusted.pem, 0o600); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(srv.URL)
	return u, caFile
}

// startPlainHTTP starts the plain-http side of a scenario, redirecting
// to https at httpsURL, and returns its URL.
func startPlainHTTP(t *testing.T, mode string, httpsURL *url.URL) *url.URL {
	t.Helper()
	if mode == "closed" {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse("http://" + l.Addr().String())
		l.Close()
		return u
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case mode == "serves" || mode == "redirect-http" && r.URL.Path == "/landing":
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write([]byte("<html>plain</html>"))
		case mode == "redirect-http":
			http.Redirect(w, r, "/landing", http.StatusFound)
		case mode == "redirect-other-host":
			http.Redirect(w, r, "https://elsewhere.example/", http.StatusMovedPermanently)
		default:
			http.Redirect(w, r, httpsURL.String()+r.URL.RequestURI(), http.StatusMovedPermanently)
		}
	}))
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	return u
}

// apiSpec is a spec with one GET, /api/items.
const apiSpec = `openapi: 3.0.3
info: {title: items, version: "1"}
security: [{bearer: []}]
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
paths:
  /api/items:
    get:
      responses:
        "200": {description: the items}
`

// probe runs the check against the scenario and returns its reports.
func probe(t *testing.T, sc scenario) []check.Report {
	t.Helper()
	return probeTally(t, sc, nil)
}

// probeTally is probe, recording into tally.
func probeTally(t *testing.T, sc scenario, tally *check.Tally) []check.Report {
	t.Helper()
	base, caFile := startTarget(t, sc)
	client, err := live.New(live.Options{Base: base, RootsFile: caFile, RequestTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	lt := &check.Live{Base: base, Client: client, Coverage: &check.Coverage{}}
	if sc.API != nil {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "openapi.yaml"), []byte(apiSpec), 0o600); err != nil {
			t.Fatal(err)
		}
		doc, problems := spec.Load(context.Background(), "openapi.yaml", spec.DirReader(dir), spec.Options{})
		if doc == nil || len(problems) > 0 {
			t.Fatalf("spec: %v", problems)
		}
		lt.Docs = []*spec.Document{doc}
		lt.Identities = []config.Identity{{Name: "alice", Headers: map[string]string{"Authorization": "Bearer test-token-alice"}}}
	}
	if sc.PlainHTTP != "" {
		lt.HTTPBase = startPlainHTTP(t, sc.PlainHTTP, base)
		hc, err := live.New(live.Options{Base: lt.HTTPBase, MaxRequests: 5, RequestTimeout: 2 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(hc.Close)
		lt.HTTPClient = hc
	}
	return runCheck(t, &check.Target{Config: config.Default(), Live: lt, Tally: tally})
}

// runCheck runs the check on target and returns its reports.
func runCheck(t *testing.T, target *check.Target) []check.Report {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var got []check.Report
	if err := New(nil).Run(ctx, target, func(r check.Report) { got = append(got, r) }); err != nil {
		t.Fatal(err)
	}
	return got
}

// only returns the reports of rule.
func only(reports []check.Report, rule string) []check.Report {
	var out []check.Report
	for _, r := range reports {
		if r.Rule == rule {
			out = append(out, r)
		}
	}
	return out
}
