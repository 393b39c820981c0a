package dnscheck

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/dnsq"
	"github.com/launchgate/launchgate/pkg/dnstest"
)

// TestEvidence checks the one-line summaries the check records for the
// scorecard on the vulnerable sending domain of testdata/dns and its
// hardened twin: the same facts, counted, whichever way each row goes.
func TestEvidence(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "testdata", "dns")
	files, err := dnstest.ZoneFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	policy, err := os.ReadFile(filepath.Join(dir, "mta-sts.txt"))
	if err != nil {
		t.Fatal(err)
	}
	srv := dnstest.Start(t, files...)
	cases := []struct {
		domain           string
		email, transport []string
	}{
		{"acme.example", []string{
			// ?all, 13 lookups; p=none without rua; a 1024-bit key and SendGrid's
			// selectors unpublished; the MX a CNAME; no MTA-STS, TLS-RPT nor CAA.
			"SPF of acme.example: 13 of 10 lookups, 0 of 2 void, ends ?all",
			"DMARC at _dmarc.acme.example: p=none, no rua",
			"DKIM google (Google Workspace): RSA 1024 bits; no key at s1, s2, smtpapi",
			"MX of acme.example: 1 host, 0 resolve to an address of their own; no MTA-STS record; no TLS-RPT record",
		}, []string{
			"CAA: no record at acme.example or its parents up to acme.example",
		}},
		{"acme-fixed.example", []string{
			"SPF of acme-fixed.example: 4 of 10 lookups, 0 of 2 void, ends -all",
			"DMARC at _dmarc.acme-fixed.example: p=reject, rua=mailto:dmarc@acme-fixed.example",
			"DKIM google (Google Workspace): RSA 2048 bits",
			"MX of acme-fixed.example: 1 host, all resolve; MTA-STS mode enforce; TLS-RPT set",
		}, []string{
			"CAA at acme-fixed.example: letsencrypt.org",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.domain, func(t *testing.T) {
			client, err := dnsq.New(dnsq.Options{Servers: []string{srv.Addr}, Timeout: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			d := &check.DNS{Domain: tc.domain, Resolver: client,
				FetchPolicy: func(_ context.Context, host string) ([]byte, error) {
					if host != "mta-sts.acme-fixed.example" {
						return nil, errors.New("connection refused")
					}
					return policy, nil
				}}
			tally := &check.Tally{}
			if err := New().Run(context.Background(), &check.Target{DNS: d, Tally: tally}, func(check.Report) {}); err != nil {
				t.Fatal(err)
			}
			got := tally.Lines()
			for area, want := range map[string][]string{"email": tc.email, "transport": tc.transport} {
				if g, w := strings.Join(got[area], "\n"), strings.Join(want, "\n"); g != w {
					t.Errorf("%s lines:\n%s\nwant:\n%s", area, g, w)
				}
			}
		})
	}
}
