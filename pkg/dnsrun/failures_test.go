package dnsrun

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/miekg/dns"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/dnstest"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
)

// runAgainst checks acme.example against the server at addr, with short
// query timeouts and a whole-run limit far above what they add up to.
func runAgainst(t *testing.T, addr string) *report.Result {
	t.Helper()
	reg, err := checks.Load()
	if err != nil {
		t.Fatal(err)
	}
	r := Runner{Catalog: reg.Catalog, Checks: reg.DNS, Redactor: reg.Redactor}
	res, err := r.Run(context.Background(), Options{Domain: "acme.example", Resolvers: []string{addr},
		QueryTimeout: 100 * time.Millisecond, Timeout: time.Minute, WorkDir: t.TempDir(), Threshold: finding.High})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// failures returns the lookup-failed messages, and fails t unless the
// run is blocked by them: a check that could not ask is never a pass.
func failures(t *testing.T, res *report.Result) []string {
	t.Helper()
	var msgs []string
	for _, f := range res.Findings {
		if f.RuleID == "dns/lookup-failed" {
			msgs = append(msgs, f.Message)
		}
	}
	if len(msgs) == 0 {
		t.Fatalf("no dns/lookup-failed finding: %+v", res.Findings)
	}
	if res.Summary().Passed {
		t.Error("a run whose lookups failed passed")
	}
	return msgs
}

// A server that never answers: every part is reported as not checked,
// each query ended by its own timeout, not by the run's.
func TestServerThatNeverAnswers(t *testing.T) {
	srv := dnstest.StartRaw(t, func([]byte) []byte { return nil })
	msgs := failures(t, runAgainst(t, srv.Addr))
	joined := strings.Join(msgs, "\n")
	for _, part := range []string{"SPF was not checked", "MX was not checked", "DMARC was not checked", "CAA was not checked"} {
		if !strings.Contains(joined, part) {
			t.Errorf("no failure says %q:\n%s", part, joined)
		}
	}
	if strings.Contains(joined, "time ran out") || !strings.Contains(joined, "did not answer within 100ms") {
		t.Errorf("the queries were not ended by their own timeouts:\n%s", joined)
	}
}

// A server that answers SERVFAIL to everything.
func TestServerThatFails(t *testing.T) {
	srv := dnstest.StartRaw(t, func(q []byte) []byte {
		var m dns.Msg
		if m.Unpack(q) != nil {
			return nil
		}
		r := new(dns.Msg)
		r.SetRcode(&m, dns.RcodeServerFailure)
		out, _ := r.Pack()
		return out
	})
	msgs := failures(t, runAgainst(t, srv.Addr))
	if !strings.Contains(strings.Join(msgs, "\n"), "answered SERVFAIL") {
		t.Errorf("the failures do not say SERVFAIL: %q", msgs)
	}
}

// A DMARC name that loops through CNAMEs: DMARC is reported as not
// checked, the rest of the domain is judged.
func TestCNAMELoop(t *testing.T) {
	zone := "$ORIGIN acme.example.\n$TTL 300\n@ SOA ns1 h 1 7200 3600 1209600 300\n@ NS ns1\nns1 A 127.0.0.1\n" +
		"@ TXT \"v=spf1 -all\"\n@ MX 0 .\n_dmarc CNAME loop1\nloop1 CNAME loop2\nloop2 CNAME _dmarc\n"
	srv := dnstest.StartText(t, map[string]string{"acme.example.": zone})
	res := runAgainst(t, srv.Addr)
	msgs := failures(t, res)
	if len(msgs) != 1 || !strings.Contains(msgs[0], "DMARC was not checked") || !strings.Contains(msgs[0], "CNAME") {
		t.Errorf("failures %q, want DMARC's CNAME loop alone", msgs)
	}
	for _, f := range res.Findings {
		if strings.HasPrefix(f.RuleID, "dns/spf-") || f.RuleID == "dns/dmarc-missing" {
			t.Errorf("%s reported for a domain whose SPF is v=spf1 -all and whose DMARC was not read", f.RuleID)
		}
	}
}
