package dnscheck

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/dnsq"
	"github.com/launchgate/launchgate/pkg/dnstest"
)

// scenario is a domain's zone and how the test server and the check are
// set up: the input of the rule examples of rules/dns.yaml.
type scenario struct {
	// Domain is the domain checked; example.com when empty.
	Domain string `yaml:"domain"`
	// Zone is the example.com zone's records, $ORIGIN example.com.
	Zone string `yaml:"zone"`
	// Selectors are --dkim-selector values.
	Selectors []string `yaml:"selectors"`
	// KeyBits adds, for each selector, a DKIM key record with a fresh RSA
	// key of that many bits.
	KeyBits map[string]int `yaml:"key_bits"`
	// ServFail and Timeout are names the server answers SERVFAIL to, or
	// never.
	ServFail []string `yaml:"servfail"`
	Timeout  []string `yaml:"timeout"`
	// MTASTSPolicy is the body of the MTA-STS policy; empty means the
	// policy host does not answer.
	MTASTSPolicy string `yaml:"mta_sts_policy"`
}

// outcome is what a check of a scenario gave.
type outcome struct {
	reports  []check.Report
	evidence []check.EvidenceBlock
	coverage []string
	server   *dnstest.Server
	client   *dnsq.Client
}

// rules are the rule IDs of the reports.
func (o outcome) rules() []string {
	var out []string
	for _, r := range o.reports {
		out = append(out, r.Rule)
	}
	return out
}

// of returns the reports of rule.
func (o outcome) of(rule string) []check.Report {
	var out []check.Report
	for _, r := range o.reports {
		if r.Rule == rule {
			out = append(out, r)
		}
	}
	return out
}

// soa is the head of every test zone: the apex's SOA and NS.
const soa = "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\nns1 A 127.0.0.1\n"

// runScenario serves sc's zone on 127.0.0.1 and runs the check on it.
func runScenario(t *testing.T, sc scenario) outcome {
	t.Helper()
	zone := soa + sc.Zone + "\n"
	for sel, bits := range sc.KeyBits {
		zone += sel + "._domainkey TXT " + txtStrings("v=DKIM1; k=rsa; p="+rsaKey(t, bits)) + "\n"
	}
	srv := dnstest.StartWith(t, dnstest.Options{Text: map[string]string{"example.com.": zone}, ServFail: sc.ServFail, Timeout: sc.Timeout})
	client, err := dnsq.New(dnsq.Options{Servers: []string{srv.Addr}, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	domain := sc.Domain
	if domain == "" {
		domain = "example.com"
	}
	d := &check.DNS{Domain: domain, Selectors: sc.Selectors, SelectorSource: "--dkim-selector", Resolver: client,
		FetchPolicy: func(ctx context.Context, host string) ([]byte, error) {
			if sc.MTASTSPolicy == "" || host != "mta-sts."+domain {
				return nil, errors.New("connection refused")
			}
			return []byte(sc.MTASTSPolicy), nil
		}}
	var out outcome
	var mu sync.Mutex
	err = New().Run(context.Background(), &check.Target{DNS: d}, func(r check.Report) {
		mu.Lock()
		defer mu.Unlock()
		out.reports = append(out.reports, r)
	})
	if err != nil {
		t.Fatal(err)
	}
	out.evidence, out.coverage, out.server, out.client = d.Evidence.Blocks(), d.Coverage.Lines(), srv, client
	return out
}

// txtStrings writes s as a TXT record's character-strings of at most 255
// bytes each, as a zone file does for a long key.
func txtStrings(s string) string {
	var parts []string
	for len(s) > 255 {
		parts = append(parts, `"`+s[:255]+`"`)
		s = s[255:]
	}
	return strings.Join(append(parts, `"`+s+`"`), " ")
}

// rsaKey is the base64 SubjectPublicKeyInfo of a fresh RSA key of bits.
func rsaKey(t *testing.T, bits int) string {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatalf("RSA %d: %v", bits, err)
	}
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(der)
}

// describe lists reports for a failure message.
func describe(reps []check.Report) string {
	var b strings.Builder
	for _, r := range reps {
		fmt.Fprintf(&b, "\n  %s %s: %s", r.Rule, r.URL, r.Message)
	}
	return b.String()
}
