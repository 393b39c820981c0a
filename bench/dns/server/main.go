// Command server serves the test zones of testdata/dns (acme.example, its
// hardened twin acme-fixed.example, and the provider zones their SPF
// includes reach) from a DNS server on 127.0.0.1, for trying `launchgate
// dns` and for the DNS benchmark (bench/dns/run.sh). It writes the
// server's HOST:PORT to -dir/addr, prints it, and serves until SIGINT or
// SIGTERM.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/launchgate/launchgate/pkg/dnstest"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

func run() error {
	zones := flag.String("zones", "testdata/dns", "folder of *.zone files to serve")
	dir := flag.String("dir", "", "folder to write addr into")
	flag.Parse()
	if *dir == "" {
		return errors.New("-dir is required")
	}
	files, err := dnstest.ZoneFiles(*zones)
	if err != nil {
		return err
	}
	srv, err := dnstest.Serve(dnstest.Options{Zones: files})
	if err != nil {
		return err
	}
	defer srv.Close()
	if err := os.WriteFile(filepath.Join(*dir, "addr"), []byte(srv.Addr+"\n"), 0o644); err != nil {
		return err
	}
	fmt.Println(srv.Addr)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	<-stop
	return nil
}
