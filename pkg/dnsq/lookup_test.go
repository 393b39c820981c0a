package dnsq

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/dnstest"
	"github.com/miekg/dns"
)

func TestOutcomes(t *testing.T) {
	noLeaks(t)
	s := dnstest.Start(t, zoneFile)
	c := client(t, Options{}, s)
	cases := []struct {
		name           string
		qtype          uint16
		records        int
		nxdomain, void bool
	}{
		{"host.example.test", dns.TypeA, 1, false, false},
		{"example.test", dns.TypeMX, 2, false, false},
		{"only-a.example.test", dns.TypeTXT, 0, false, true},
		{"b.example.test", dns.TypeA, 0, false, true},
		{"nothere.example.test", dns.TypeTXT, 0, true, true},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s/%s", tc.name, typeName(tc.qtype)), func(t *testing.T) {
			a, err := c.Lookup(testCtx(t), tc.name, tc.qtype)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Records) != tc.records || a.NXDomain() != tc.nxdomain || a.Void() != tc.void {
				t.Fatalf("%d records, NXDomain %v, Void %v; want %d, %v, %v", len(a.Records), a.NXDomain(), a.Void(), tc.records, tc.nxdomain, tc.void)
			}
			if a.Empty() != (tc.void && !tc.nxdomain) {
				t.Fatalf("Empty() = %v", a.Empty())
			}
			if a.Server != s.Addr || a.ViaTCP || a.Truncated {
				t.Fatalf("server %s TCP %v TC %v", a.Server, a.ViaTCP, a.Truncated)
			}
		})
	}
}

// bigZone holds big.big.test with TXT records over 1232 bytes in all,
// and small.big.test with one short record.
func bigZone() map[string]string {
	var b strings.Builder
	b.WriteString("@ 300 IN SOA ns hm 1 1 1 1 1\n")
	for i := 0; i < 8; i++ {
		fmt.Fprintf(&b, "big 300 IN TXT \"%s\"\n", strings.Repeat(string(rune('a'+i)), 200))
	}
	b.WriteString("small 300 IN TXT \"x\"\n")
	return map[string]string{"big.test": b.String()}
}

func TestTCPFallbackAfterTruncation(t *testing.T) {
	noLeaks(t)
	s := dnstest.StartWith(t, dnstest.Options{Text: bigZone(), Truncate: []string{"small.big.test"}})
	c := client(t, Options{}, s)
	for _, name := range []string{"big.big.test", "small.big.test"} {
		t.Run(name, func(t *testing.T) {
			txt, a, err := c.TXT(testCtx(t), name)
			if err != nil {
				t.Fatal(err)
			}
			if !a.Truncated || !a.ViaTCP || len(txt) == 0 {
				t.Fatalf("TC %v TCP %v with %d records, want the TCP answer", a.Truncated, a.ViaTCP, len(txt))
			}
			if u, tc := s.Count(name, dns.TypeTXT, "udp"), s.Count(name, dns.TypeTXT, "tcp"); u != 1 || tc != 1 {
				t.Fatalf("server saw %d UDP and %d TCP queries, want 1 and 1", u, tc)
			}
		})
	}
	if big, _, _ := c.TXT(testCtx(t), "big.big.test"); len(big) != 8 {
		t.Fatalf("%d records over TCP, want 8", len(big))
	}
	s2 := dnstest.StartText(t, bigZone())
	c2 := client(t, Options{}, s2)
	a, err := c2.Lookup(testCtx(t), "small.big.test", dns.TypeTXT)
	if err != nil {
		t.Fatal(err)
	}
	if a.ViaTCP || s2.Count("small.big.test", dns.TypeTXT, "tcp") != 0 {
		t.Fatal("an answer that fits went over TCP")
	}
}

func TestTimeout(t *testing.T) {
	noLeaks(t)
	s := dnstest.StartWith(t, dnstest.Options{Zones: []string{zoneFile}, Timeout: []string{"slow.example.test"}})
	c := client(t, Options{Timeout: 200 * time.Millisecond, Retries: 1}, s)
	// The context would end the lookup at 2 s with its own error; a
	// timeout error shows the client gave up by itself before that.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, err := c.Lookup(ctx, "slow.example.test", dns.TypeTXT)
	wantKind(t, err, ErrTimeout)
	if errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("the context ended the lookup: %v", err)
	}
	if got := s.Count("slow.example.test", dns.TypeTXT, "udp"); got != 2 {
		t.Fatalf("%d attempts, want 2 (one retry)", got)
	}
	if !strings.Contains(err.Error(), "TXT slow.example.test: server "+s.Addr) {
		t.Fatalf("error does not name the query and server: %v", err)
	}
	if _, err := c.Lookup(ctx, "host.example.test", dns.TypeA); err != nil {
		t.Fatalf("another name on the same server: %v", err)
	}
}

func TestServerFailures(t *testing.T) {
	noLeaks(t)
	s := dnstest.StartWith(t, dnstest.Options{Zones: []string{zoneFile},
		ServFail: []string{"_dmarc.example.test"}, Refuse: []string{"mx1.example.test"}})
	c := client(t, Options{}, s)
	_, err := c.Lookup(testCtx(t), "_dmarc.example.test", dns.TypeTXT)
	wantKind(t, err, ErrServFail)
	if want := "TXT _dmarc.example.test: server " + s.Addr + " answered SERVFAIL"; err.Error() != want {
		t.Fatalf("error %q, want %q", err, want)
	}
	var qe *QueryError
	if !errors.As(err, &qe) || len(qe.Attempts) != 1 || qe.Attempts[0].Server != s.Addr {
		t.Fatalf("error does not carry the attempt: %#v", err)
	}
	_, err = c.Lookup(testCtx(t), "mx1.example.test", dns.TypeA)
	wantKind(t, err, ErrRefused)
	_, err = c.Lookup(testCtx(t), "www.example.org", dns.TypeA)
	wantKind(t, err, ErrRefused)
	if _, err := c.Lookup(testCtx(t), "mx2.example.test", dns.TypeA); err != nil {
		t.Fatalf("a name the server answers: %v", err)
	}
}

func TestNextServer(t *testing.T) {
	noLeaks(t)
	good := dnstest.Start(t, zoneFile)
	cases := map[string]dnstest.Options{
		"SERVFAIL": {Zones: []string{zoneFile}, ServFail: []string{"host.example.test"}},
		"REFUSED":  {Zones: []string{zoneFile}, Refuse: []string{"host.example.test"}},
		"timeout":  {Zones: []string{zoneFile}, Timeout: []string{"host.example.test"}},
	}
	for name, o := range cases {
		t.Run(name, func(t *testing.T) {
			bad := dnstest.StartWith(t, o)
			before := good.Count("host.example.test", dns.TypeA, "")
			c := client(t, Options{Timeout: 200 * time.Millisecond, Retries: -1}, bad, good)
			a, err := c.Lookup(testCtx(t), "host.example.test", dns.TypeA)
			if err != nil {
				t.Fatal(err)
			}
			if a.Server != good.Addr || len(a.Records) != 1 {
				t.Fatalf("answer from %s with %d records, want %s", a.Server, len(a.Records), good.Addr)
			}
			if bad.Count("host.example.test", dns.TypeA, "") != 1 || good.Count("host.example.test", dns.TypeA, "")-before != 1 {
				t.Fatalf("bad saw %d, good %d more", bad.Count("host.example.test", dns.TypeA, ""), good.Count("host.example.test", dns.TypeA, "")-before)
			}
		})
	}
	t.Run("first answers", func(t *testing.T) {
		first := dnstest.Start(t, zoneFile)
		c := client(t, Options{}, first, good)
		before := good.Total()
		a, err := c.Lookup(testCtx(t), "host.example.test", dns.TypeA)
		if err != nil || a.Server != first.Addr || good.Total() != before {
			t.Fatalf("the second server was asked though the first answered: %v %v", a, err)
		}
	})
	t.Run("all fail", func(t *testing.T) {
		b1 := dnstest.StartWith(t, cases["SERVFAIL"])
		b2 := dnstest.StartWith(t, cases["REFUSED"])
		c := client(t, Options{}, b1, b2)
		_, err := c.Lookup(testCtx(t), "host.example.test", dns.TypeA)
		wantKind(t, err, ErrServFail)
		wantKind(t, err, ErrRefused)
		if !strings.Contains(err.Error(), b1.Addr) || !strings.Contains(err.Error(), b2.Addr) {
			t.Fatalf("error does not name both servers: %v", err)
		}
	})
}

func TestCNAME(t *testing.T) {
	noLeaks(t)
	for _, noChase := range []bool{false, true} {
		t.Run(fmt.Sprintf("noChase=%v", noChase), func(t *testing.T) {
			s := dnstest.StartWith(t, dnstest.Options{Zones: []string{zoneFile}, NoChase: noChase})
			c := client(t, Options{}, s)
			a, err := c.Lookup(testCtx(t), "www.example.test", dns.TypeA)
			if err != nil {
				t.Fatal(err)
			}
			if a.Name != "host.example.test." || strings.Join(a.Chain, ",") != "web.example.test.,host.example.test." || len(a.Records) != 1 {
				t.Fatalf("name %s chain %v records %v", a.Name, a.Chain, a.Records)
			}
			want := 1
			if noChase {
				want = 3
			}
			if c.Queries() != want {
				t.Fatalf("%d queries, want %d", c.Queries(), want)
			}
			direct, err := c.Lookup(testCtx(t), "host.example.test", dns.TypeA)
			if err != nil || len(direct.Chain) != 0 || direct.Name != "host.example.test." {
				t.Fatalf("a name without CNAME: %v %v", direct, err)
			}
		})
	}
	t.Run("CNAME asked for", func(t *testing.T) {
		s := dnstest.Start(t, zoneFile)
		a, err := client(t, Options{}, s).Lookup(testCtx(t), "www.example.test", dns.TypeCNAME)
		if err != nil || len(a.Records) != 1 || len(a.Chain) != 0 {
			t.Fatalf("%v %v", a, err)
		}
	})
	t.Run("target refused", func(t *testing.T) {
		s := dnstest.Start(t, zoneFile)
		_, err := client(t, Options{}, s).Lookup(testCtx(t), "away.example.test", dns.TypeA)
		wantKind(t, err, ErrRefused)
		if !strings.Contains(err.Error(), "following CNAMEs mail.other.test") {
			t.Fatalf("error does not say the CNAME was followed: %v", err)
		}
	})
}

// chainZone holds c1 -> c2 -> ... -> cN, then cN has an A record.
func chainZone(n int) map[string]string {
	var b strings.Builder
	b.WriteString("@ 300 IN SOA ns hm 1 1 1 1 1\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "c%d 300 IN CNAME c%d\n", i, i+1)
	}
	fmt.Fprintf(&b, "c%d 300 IN A 192.0.2.1\n", n)
	return map[string]string{"chain.test": b.String()}
}

func TestCNAMELimits(t *testing.T) {
	noLeaks(t)
	s := dnstest.Start(t, zoneFile)
	_, err := client(t, Options{}, s).Lookup(testCtx(t), "loop1.example.test", dns.TypeA)
	wantKind(t, err, ErrCNAMELoop)
	if want := "A loop1.example.test: CNAME loop: loop1.example.test -> loop2.example.test -> loop1.example.test"; err.Error() != want {
		t.Fatalf("error %q, want %q", err, want)
	}
	for _, noChase := range []bool{false, true} {
		cs := dnstest.StartWith(t, dnstest.Options{Text: chainZone(4), NoChase: noChase})
		// c1 -> c2 -> c3 -> c4 is three CNAMEs.
		if _, err := client(t, Options{MaxCNAME: 3}, cs).Lookup(testCtx(t), "c1.chain.test", dns.TypeA); err != nil {
			t.Fatalf("noChase=%v: a chain at the limit: %v", noChase, err)
		}
		_, err := client(t, Options{MaxCNAME: 2}, cs).Lookup(testCtx(t), "c1.chain.test", dns.TypeA)
		wantKind(t, err, ErrCNAMELoop)
		if !strings.Contains(err.Error(), "CNAME chain longer than 2: c1.chain.test -> c2.chain.test -> c3.chain.test -> c4.chain.test") {
			t.Fatalf("error does not show the long chain: %v", err)
		}
	}
}

func TestBudget(t *testing.T) {
	noLeaks(t)
	s := dnstest.Start(t, zoneFile)
	c := client(t, Options{MaxQueries: 3}, s)
	names := []string{"host", "mx1", "mx2", "ns1", "only-a"}
	var err error
	for i, n := range names {
		_, err = c.Lookup(testCtx(t), n+".example.test", dns.TypeA)
		if i < 3 && err != nil {
			t.Fatalf("query %d within the budget: %v", i+1, err)
		}
	}
	wantKind(t, err, ErrBudget)
	if c.Queries() != 3 || s.Total() != 3 {
		t.Fatalf("client sent %d, server saw %d; want exactly 3", c.Queries(), s.Total())
	}
	if _, err := c.Lookup(testCtx(t), "host.example.test", dns.TypeA); err != nil {
		t.Fatalf("a cached answer needs no budget: %v", err)
	}

	// Retries and TCP count too.
	slow := dnstest.StartWith(t, dnstest.Options{Zones: []string{zoneFile}, Timeout: []string{"host.example.test"}})
	c = client(t, Options{MaxQueries: 2, Retries: 3, Timeout: 100 * time.Millisecond}, slow)
	_, err = c.Lookup(testCtx(t), "host.example.test", dns.TypeA)
	wantKind(t, err, ErrBudget)
	if c.Queries() != 2 || slow.Total() != 2 {
		t.Fatalf("client sent %d, server saw %d; want exactly 2", c.Queries(), slow.Total())
	}
}

func TestCache(t *testing.T) {
	noLeaks(t)
	s := dnstest.Start(t, zoneFile)
	c := client(t, Options{}, s)
	first, err := c.Lookup(testCtx(t), "host.example.test", dns.TypeA)
	if err != nil {
		t.Fatal(err)
	}
	first.Records[0].(*dns.A).A[0] = 10 // a caller's change must not reach the cache
	again, err := c.Lookup(testCtx(t), "HOST.example.test.", dns.TypeA)
	if err != nil {
		t.Fatal(err)
	}
	if s.Total() != 1 || c.Queries() != 1 {
		t.Fatalf("server saw %d, client sent %d; want 1", s.Total(), c.Queries())
	}
	if again.Records[0].(*dns.A).A.String() != "192.0.2.20" {
		t.Fatalf("cached record changed: %v", again.Records[0])
	}
	if _, err := c.Lookup(testCtx(t), "host.example.test", dns.TypeAAAA); err != nil || s.Total() != 2 {
		t.Fatalf("another type must be asked: %v, %d queries", err, s.Total())
	}

	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Lookup(context.Background(), "mx1.example.test", dns.TypeA); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if got := s.Count("mx1.example.test", dns.TypeA, ""); got != 1 {
		t.Fatalf("8 concurrent lookups sent %d queries, want 1", got)
	}

	fail := dnstest.StartWith(t, dnstest.Options{Zones: []string{zoneFile}, ServFail: []string{"host.example.test"}})
	fc := client(t, Options{}, fail)
	for i := 0; i < 2; i++ {
		_, err := fc.Lookup(testCtx(t), "host.example.test", dns.TypeA)
		wantKind(t, err, ErrServFail)
	}
	if fail.Total() != 1 {
		t.Fatalf("a failure asked twice sent %d queries, want 1", fail.Total())
	}
}

func TestCancel(t *testing.T) {
	noLeaks(t)
	s := dnstest.StartWith(t, dnstest.Options{Zones: []string{zoneFile}, Timeout: []string{"slow.example.test"}})
	c := client(t, Options{Timeout: 30 * time.Second, Retries: 3}, s)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := c.Lookup(ctx, "slow.example.test", dns.TypeTXT)
	wantKind(t, err, context.Canceled)
	if errors.Is(err, ErrTimeout) {
		t.Fatalf("cancellation reported as a timeout: %v", err)
	}
	// A cancelled lookup is not cached: the next caller asks again.
	ctx2, cancel2 := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel2)
	_, err = c.Lookup(ctx2, "slow.example.test", dns.TypeTXT)
	wantKind(t, err, context.Canceled)
	if got := s.Count("slow.example.test", dns.TypeTXT, "udp"); got != 2 {
		t.Fatalf("%d queries, want 2", got)
	}
	done, cancel3 := context.WithCancel(context.Background())
	cancel3()
	_, err = c.Lookup(done, "host.example.test", dns.TypeA)
	wantKind(t, err, context.Canceled)
	if s.Count("host.example.test", dns.TypeA, "") != 0 {
		t.Fatal("a query was sent under a cancelled context")
	}
}

func TestLog(t *testing.T) {
	noLeaks(t)
	s := dnstest.StartWith(t, dnstest.Options{Text: bigZone()})
	c := client(t, Options{}, s)
	if _, _, err := c.TXT(testCtx(t), "big.big.test"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.TXT(testCtx(t), "big.big.test"); err != nil {
		t.Fatal(err)
	}
	log := c.Log()
	if len(log) != 2 || len(log) != c.Queries() {
		t.Fatalf("%d log lines for %d queries: %q", len(log), c.Queries(), log)
	}
	for i, proto := range []string{" udp NOERROR TC ", " tcp NOERROR "} {
		if !strings.HasPrefix(log[i], "TXT big.big.test. server="+s.Addr+proto) || !strings.HasSuffix(log[i], "ms") {
			t.Fatalf("line %d: %q", i, log[i])
		}
	}
}
