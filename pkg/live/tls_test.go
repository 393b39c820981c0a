package live

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTLSVerified(t *testing.T) {
	pki := newPKI(t, nil, []net.IP{net.IPv4(127, 0, 0, 1)})
	srv := tlsServer(t, pki.server, http.HandlerFunc(ok))

	t.Run("unknown CA fails naming host and certificate", func(t *testing.T) {
		c := newTestClient(t, srv.URL, nil)
		_, err := c.Do(context.Background(), Request{Path: "/"})
		host := strings.TrimPrefix(srv.URL, "https://")
		if !errors.Is(err, ErrTLS) || !strings.Contains(err.Error(), host) || !strings.Contains(err.Error(), "certificate") {
			t.Fatalf("error = %v; want ErrTLS naming %s and the certificate", err, host)
		}
	})
	t.Run("CA in RootsFile passes, HTTP/2", func(t *testing.T) {
		c := newTestClient(t, srv.URL, func(o *Options) { o.RootsFile = pki.caFile })
		resp, err := c.Do(context.Background(), Request{Path: "/"})
		if err != nil {
			t.Fatal(err)
		}
		if resp.TLS == nil || !resp.TLS.HandshakeComplete || resp.TLS.NegotiatedProtocol != "h2" {
			t.Fatalf("TLS state %+v; want a verified HTTP/2 connection", resp.TLS)
		}
		if len(resp.TLS.VerifiedChains) == 0 {
			t.Fatal("no verified chain")
		}
	})
	t.Run("another CA's file does not help", func(t *testing.T) {
		other := newPKI(t, nil, []net.IP{net.IPv4(127, 0, 0, 1)})
		c := newTestClient(t, srv.URL, func(o *Options) { o.RootsFile = other.caFile })
		if _, err := c.Do(context.Background(), Request{Path: "/"}); !errors.Is(err, ErrTLS) {
			t.Fatalf("error = %v, want ErrTLS", err)
		}
	})
}

func TestTLSNameMismatch(t *testing.T) {
	pki := newPKI(t, []string{"other.example"}, nil)
	srv := tlsServer(t, pki.server, http.HandlerFunc(ok))
	c := newTestClient(t, srv.URL, func(o *Options) { o.RootsFile = pki.caFile })
	_, err := c.Do(context.Background(), Request{Path: "/"})
	if !errors.Is(err, ErrTLS) || !strings.Contains(err.Error(), "127.0.0.1") || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("error = %v; want ErrTLS naming the host", err)
	}
}

// TestNoVerificationSwitch: nothing in the package's code turns TLS
// verification off, and the client's config verifies.
func TestNoVerificationSwitch(t *testing.T) {
	c := newTestClient(t, "https://portal.example.com", nil)
	if c.http.TLSClientConfig.InsecureSkipVerify || c.http.TLSClientConfig.VerifyPeerCertificate != nil {
		t.Fatal("the transport does not verify certificates")
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	forbidden := []string{"Insecure" + "SkipVerify:", "Insecure" + "SkipVerify =", "VerifyPeer" + "Certificate:", "VerifyPeer" + "Certificate ="}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range forbidden {
			if strings.Contains(string(src), s) {
				t.Errorf("%s sets %s", f, s)
			}
		}
	}
}
