// Command portal serves the test portal of pkg/probe/portaltest — a twin
// or the generated API — over HTTPS on 127.0.0.1, for the live probe
// benchmark (bench/probe/run.sh). It writes into -dir the CA certificate
// (ca.pem), the environment a client needs (env: PORTAL_URL, SSL_CERT_FILE
// and the identities' tokens), and for the generated API its spec and
// probe configuration; prints the URL; and serves until SIGINT or SIGTERM,
// when it writes the number of requests it answered to -dir/requests.
//
// The CA is made at start and its key never leaves the process; the
// tokens are the portal's test tokens. It listens on loopback only.
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/launchgate/launchgate/pkg/probe/portaltest"
	"github.com/launchgate/launchgate/pkg/testkit"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "portal:", err)
		os.Exit(1)
	}
}

func run() error {
	twin := flag.String("twin", "vulnerable", "vulnerable, hardened, catchall or generated")
	ops := flag.Int("ops", 500, "operations of the generated API")
	dir := flag.String("dir", "", "folder for ca.pem, env, requests (and the generated spec and config)")
	port := flag.Int("port", 0, "port on 127.0.0.1 (0: any free one)")
	flag.Parse()
	if *dir == "" {
		return errors.New("-dir is required")
	}
	api, err := newAPI(*twin, *ops, *dir)
	if err != nil {
		return err
	}
	caPEM, cert, err := newCertificate()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		return err
	}
	url := "https://" + ln.Addr().String()
	caFile := filepath.Join(*dir, "ca.pem")
	if err := os.WriteFile(caFile, caPEM, 0o600); err != nil {
		return err
	}
	if err := writeEnv(filepath.Join(*dir, "env"), url, caFile, api.Tokens()); err != nil {
		return err
	}
	var count atomic.Int64
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			count.Add(1)
			api.ServeHTTP(w, r)
		}),
		TLSConfig:         &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12},
		ReadHeaderTimeout: 10 * time.Second,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	fmt.Println(url)
	if err := srv.ServeTLS(ln, "", ""); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return os.WriteFile(filepath.Join(*dir, "requests"), []byte(tally(count.Load(), api.Requests())), 0o600)
}

// newAPI makes the portal the flags ask for; for the generated API it
// writes its spec and configuration into dir.
func newAPI(twin string, ops int, dir string) (*portaltest.API, error) {
	switch twin {
	case "vulnerable":
		return portaltest.NewAPI(portaltest.Vulnerable), nil
	case "hardened":
		return portaltest.NewAPI(portaltest.Hardened), nil
	case "catchall":
		return portaltest.NewAPI(portaltest.CatchAll), nil
	case "generated":
		spec, h := portaltest.Generated(ops)
		if err := os.WriteFile(filepath.Join(dir, "openapi.yaml"), spec, 0o600); err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(dir, ".launchgate.yml"), portaltest.GeneratedConfig(ops), 0o600); err != nil {
			return nil, err
		}
		api, ok := h.(*portaltest.API)
		if !ok {
			return nil, errors.New("the generated handler is not a portal API")
		}
		return api, nil
	}
	return nil, fmt.Errorf("-twin %q: want vulnerable, hardened, catchall or generated", twin)
}

// writeEnv writes NAME=value lines a client sources: the URL, the CA file
// and each identity's token under its variable.
func writeEnv(path, url, caFile string, tokens map[string]string) error {
	lines := []string{"PORTAL_URL=" + url, "SSL_CERT_FILE=" + caFile}
	for _, id := range portaltest.Identities() {
		lines = append(lines, id.EnvVar+"="+tokens[id.Name])
	}
	return os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o600)
}

// tally is the requests file: the total, then the logged requests by
// method and by whose credentials they carried.
func tally(total int64, logged []portaltest.Logged) string {
	by := map[string]int{}
	for _, l := range logged {
		by["method "+l.Method]++
		by["identity "+l.Identity]++
	}
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "requests %d\n", total)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s %d\n", k, by[k])
	}
	return b.String()
}

// newCertificate makes the portal's throwaway CA and its leaf for
// 127.0.0.1 and localhost.
func newCertificate() ([]byte, tls.Certificate, error) {
	a, err := testkit.NewAuthority()
	if err != nil {
		return nil, tls.Certificate{}, err
	}
	return a.CAPEM, a.Leaf, nil
}
