package dnsq

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/miekg/dns"
)

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNormalize(t *testing.T) {
	good := map[string]string{
		"Example.COM":         "example.com.",
		"example.com.":        "example.com.",
		" _dmarc.example.com": "_dmarc.example.com.",
		"xn--bcher-kva.test":  "xn--bcher-kva.test.",
		".":                   ".",
	}
	for in, want := range good {
		got, err := Normalize(in)
		if err != nil || got != want {
			t.Errorf("Normalize(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := []string{"", "   ", "bücher.test", "a..b", "a b.test", `a\.b`, strings.Repeat("a", 64) + ".test",
		strings.Repeat("abcdefghi.", 26) + "test", "tab\t.test", "nul\x00.test"}
	for _, in := range bad {
		if got, err := Normalize(in); !errors.Is(err, ErrName) {
			t.Errorf("Normalize(%q) = %q, %v; want ErrName", in, got, err)
		}
	}
}

func TestLookupRejectsBadName(t *testing.T) {
	c, err := New(Options{Servers: []string{"127.0.0.1:1"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Lookup(testCtx(t), "bücher.test", dns.TypeTXT)
	wantKind(t, err, ErrName)
	if !strings.Contains(err.Error(), "xn--") || c.Queries() != 0 {
		t.Fatalf("error %v after %d queries", err, c.Queries())
	}
}

func TestNew(t *testing.T) {
	dir := t.TempDir()
	conf := dir + "/resolv.conf"
	if err := os.WriteFile(conf, []byte("nameserver 192.0.2.1\nnameserver 2001:db8::1\noptions ndots:1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := newClient(Options{}, conf)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Servers(), ","); got != "192.0.2.1:53,[2001:db8::1]:53" {
		t.Fatalf("servers from resolv.conf: %s", got)
	}
	empty := dir + "/empty.conf"
	if err := os.WriteFile(empty, []byte("search example.test\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{empty, dir + "/missing.conf"} {
		if _, err := newClient(Options{}, path); err == nil || !strings.Contains(err.Error(), "--resolver") {
			t.Errorf("%s: error %v, want one that says to pass --resolver", path, err)
		}
	}
	c, err = newClient(Options{Servers: []string{"192.0.2.7", "[2001:db8::7]:5353", "localhost:53"}}, empty)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Servers(), ","); got != "192.0.2.7:53,[2001:db8::7]:5353,localhost:53" {
		t.Fatalf("given servers: %s", got)
	}
	for _, bad := range []string{"example.test", ":53", "127.0.0.1:"} {
		if _, err := New(Options{Servers: []string{bad}}); err == nil {
			t.Errorf("server %q accepted", bad)
		}
	}
	o := Options{Retries: 99, MaxCNAME: 999}.withDefaults()
	if o.Timeout != DefaultTimeout || o.Retries != maxRetries || o.MaxQueries != DefaultMaxQueries || o.MaxCNAME != maxCNAME {
		t.Fatalf("defaults and bounds: %+v", o)
	}
	if o := (Options{Retries: -1}).withDefaults(); o.Retries != 0 {
		t.Fatalf("negative retries: %d", o.Retries)
	}
}
