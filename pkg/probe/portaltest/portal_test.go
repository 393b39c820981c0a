package portaltest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// TestStartServesHTTPS checks the portal is real HTTPS on 127.0.0.1: a
// client trusting the written CA file talks to it, one with the system
// roots does not, and the leaf is an ECDSA P-256 certificate for
// 127.0.0.1 and localhost.
func TestStartServesHTTPS(t *testing.T) {
	p := Start(t, Hardened)
	u, err := url.Parse(p.URL)
	if err != nil || u.Scheme != "https" || u.Hostname() != "127.0.0.1" {
		t.Fatalf("URL %q, want https://127.0.0.1:port", p.URL)
	}
	resp, err := p.Client().Get(p.URL + "/health")
	if err != nil {
		t.Fatalf("GET /health with the portal's CA: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /health: %d", resp.StatusCode)
	}
	leaf := resp.TLS.PeerCertificates[0]
	if k, ok := leaf.PublicKey.(*ecdsa.PublicKey); !ok || k.Curve != elliptic.P256() {
		t.Errorf("leaf key %T, want ECDSA P-256", leaf.PublicKey)
	}
	if !slices.Contains(leaf.DNSNames, "localhost") || !slices.ContainsFunc(leaf.IPAddresses, func(ip net.IP) bool { return ip.Equal(net.IPv4(127, 0, 0, 1)) }) {
		t.Errorf("leaf names %v %v, want localhost and 127.0.0.1", leaf.DNSNames, leaf.IPAddresses)
	}
	pool := x509.NewCertPool()
	pemData, err := os.ReadFile(p.CAFile)
	if err != nil || !pool.AppendCertsFromPEM(pemData) {
		t.Fatalf("CA file %s is not PEM certificates: %v", p.CAFile, err)
	}
	if block, _ := pem.Decode(pemData); block == nil || block.Type != "CERTIFICATE" || strings.Contains(string(pemData), "PRIVATE KEY") {
		t.Error("the CA file must hold the CA certificate and no key")
	}
	if _, err := leaf.Verify(x509.VerifyOptions{Roots: pool, DNSName: "localhost"}); err != nil {
		t.Errorf("leaf does not verify against the CA file for localhost: %v", err)
	}
	_, err = http.Get(p.URL + "/health")
	var unknown x509.UnknownAuthorityError
	if !errors.As(err, &unknown) {
		t.Errorf("GET with the system roots: %v, want an unknown authority error", err)
	}
}

// TestSSLCertFile runs a child process whose only extra root is
// SSL_CERT_FILE=CAFile, as a probe of the portal runs, and checks its
// default HTTP client reaches the portal.
func TestSSLCertFile(t *testing.T) {
	if target := os.Getenv("PORTALTEST_CHILD_URL"); target != "" {
		resp, err := http.Get(target)
		if err != nil {
			fmt.Println("child:", err)
			os.Exit(1)
		}
		resp.Body.Close()
		fmt.Println("child: status", resp.StatusCode)
		os.Exit(0)
	}
	p := Start(t, Hardened)
	exe, err := os.Executable()
	if err != nil {
		t.Fatalf("no test executable to run the child from: %v", err)
	}
	empty := filepath.Join(t.TempDir(), "empty.pem")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		caFile string
		reach  bool
	}{{p.CAFile, true}, {empty, false}} {
		cmd := exec.Command(exe, "-test.run=^TestSSLCertFile$")
		cmd.Env = append(os.Environ(), "PORTALTEST_CHILD_URL="+p.URL+"/health", "SSL_CERT_FILE="+tt.caFile, "SSL_CERT_DIR=/nonexistent")
		out, err := cmd.CombinedOutput()
		if reached := err == nil && strings.Contains(string(out), "child: status 200"); reached != tt.reach {
			t.Errorf("child with SSL_CERT_FILE=%s: reached %v, want %v\n%s", filepath.Base(tt.caFile), reached, tt.reach, out)
		}
	}
}

// TestRequestsLog checks the log names whose credentials each request
// carried, and never holds a credential.
func TestRequestsLog(t *testing.T) {
	p := Start(t, Vulnerable)
	c := p.Client()
	a := p.api
	requests := []struct {
		method, path, auth, identity string
	}{
		{"GET", "/api/invoices", "Bearer " + p.Tokens["alice"], "alice"},
		{"GET", "/api/invoices/inv_a1", "Bearer " + p.Tokens["bob"], "bob"},
		{"PUT", "/api/projects/prj_a1", "Bearer " + p.Tokens["bob"], "bob"},
		{"GET", "/health", "", "none"},
		{"DELETE", "/api/tickets/tkt_a1", "Bearer " + tamperSignature(p.Tokens["alice"]), "other"},
		{"GET", "/api/users", "Bearer " + p.Expired["root"], "other"},
		{"GET", "/api/exports/invoices", "Basic " + basic("acme-export", a.exportPasswords["acme"]), "other"},
	}
	for _, r := range requests {
		req, _ := http.NewRequest(r.method, p.URL+r.path, strings.NewReader("{}"))
		if r.auth != "" {
			req.Header.Set("Authorization", r.auth)
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	log := p.Requests()
	if len(log) != len(requests) {
		t.Fatalf("%d requests logged, want %d", len(log), len(requests))
	}
	for i, r := range requests {
		if got := log[i]; got.Method != r.method || got.Path != r.path || got.Identity != r.identity {
			t.Errorf("log[%d] = %s %s %s, want %s %s %s", i, got.Method, got.Path, got.Identity, r.method, r.path, r.identity)
		}
	}
	if log[2].Status != http.StatusOK || log[4].Status != http.StatusUnauthorized {
		t.Errorf("statuses %d %d, want the planted PUT 200 and the tampered DELETE 401", log[2].Status, log[4].Status)
	}
	text := fmt.Sprintf("%+v", log)
	for _, r := range requests {
		if _, cred, _ := strings.Cut(r.auth, " "); cred != "" && strings.Contains(text, cred) {
			t.Errorf("the log holds the credentials of request %s %s", r.method, r.path)
		}
	}
}

// TestEnv checks Env names every identity's token under the variable
// .launchgate.yml reads, and the CA file.
func TestEnv(t *testing.T) {
	p := Start(t, CatchAll)
	env := p.Env()
	for _, id := range Identities() {
		if !slices.Contains(env, id.EnvVar+"="+p.Tokens[id.Name]) {
			t.Errorf("Env has no %s", id.EnvVar)
		}
	}
	if !slices.Contains(env, "SSL_CERT_FILE="+p.CAFile) {
		t.Error("Env has no SSL_CERT_FILE")
	}
	p.Setenv(t)
	if os.Getenv("BOB_TOKEN") != p.Tokens["bob"] {
		t.Error("Setenv did not set BOB_TOKEN")
	}
	p.Close()
	p.Close()
	if _, err := p.Client().Get(p.URL + "/"); err == nil {
		t.Error("the portal answers after Close")
	}
}

// TestConcurrentRequests sends requests from several goroutines at once,
// as a probe with bounded concurrency does: every one is answered and
// logged.
func TestConcurrentRequests(t *testing.T) {
	p := Start(t, Vulnerable)
	c := p.Client()
	const workers, each = 8, 25
	var wg sync.WaitGroup
	var failed atomic.Int32
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				req, _ := http.NewRequest("GET", p.URL+"/api/tickets", nil)
				if (w+i)%2 == 0 {
					req.Header.Set("Authorization", "Bearer "+p.Tokens["bob"])
				}
				resp, err := c.Do(req)
				if err != nil {
					failed.Add(1)
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
	if failed.Load() != 0 {
		t.Fatalf("%d requests failed", failed.Load())
	}
	log := p.Requests()
	if len(log) != workers*each {
		t.Fatalf("%d requests logged, want %d", len(log), workers*each)
	}
	for _, e := range log {
		if want := map[string]int{"bob": http.StatusOK, "none": http.StatusUnauthorized}[e.Identity]; e.Status != want {
			t.Errorf("%s as %s: %d, want %d", e.Path, e.Identity, e.Status, want)
		}
	}
}
