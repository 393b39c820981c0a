package dnstest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/miekg/dns"
)

const zoneFile = "../../testdata/dns/dnsq/example.test.zone"

// ask sends one query to s over proto, with EDNS0 when edns is true.
func ask(t *testing.T, s *Server, proto, name string, qtype uint16, edns bool) *dns.Msg {
	t.Helper()
	q := new(dns.Msg)
	q.SetQuestion(dns.Fqdn(name), qtype)
	if edns {
		q.SetEdns0(1232, false)
	}
	c := &dns.Client{Net: proto, Timeout: 2 * time.Second, UDPSize: 65535}
	r, _, err := c.Exchange(q, s.Addr)
	if err != nil {
		t.Fatalf("%s %s over %s: %v", dns.TypeToString[qtype], name, proto, err)
	}
	return r
}

func TestServesZoneFile(t *testing.T) {
	noLeaks(t)
	s := Start(t, zoneFile)
	cases := []struct {
		name    string
		qtype   uint16
		rcode   int
		answers int
		lastIs  uint16
	}{
		{"host.example.test", dns.TypeA, dns.RcodeSuccess, 1, dns.TypeA},
		{"HOST.Example.Test.", dns.TypeA, dns.RcodeSuccess, 1, dns.TypeA},
		{"example.test", dns.TypeMX, dns.RcodeSuccess, 2, dns.TypeMX},
		{"www.example.test", dns.TypeA, dns.RcodeSuccess, 3, dns.TypeA},
		{"www.example.test", dns.TypeCNAME, dns.RcodeSuccess, 1, dns.TypeCNAME},
		{"away.example.test", dns.TypeA, dns.RcodeSuccess, 1, dns.TypeCNAME},
		{"only-a.example.test", dns.TypeTXT, dns.RcodeSuccess, 0, 0},
		{"b.example.test", dns.TypeA, dns.RcodeSuccess, 0, 0},
		{"nothere.example.test", dns.TypeA, dns.RcodeNameError, 0, 0},
		{"x.only-a.example.test", dns.TypeA, dns.RcodeNameError, 0, 0},
		{"example.org", dns.TypeA, dns.RcodeRefused, 0, 0},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s/%s", c.name, dns.TypeToString[c.qtype]), func(t *testing.T) {
			r := ask(t, s, "udp", c.name, c.qtype, true)
			if r.Rcode != c.rcode {
				t.Fatalf("rcode %s, want %s", dns.RcodeToString[r.Rcode], dns.RcodeToString[c.rcode])
			}
			if len(r.Answer) != c.answers {
				t.Fatalf("%d answers, want %d: %v", len(r.Answer), c.answers, r.Answer)
			}
			if c.answers > 0 && r.Answer[len(r.Answer)-1].Header().Rrtype != c.lastIs {
				t.Fatalf("last answer %v, want type %s", r.Answer[len(r.Answer)-1], dns.TypeToString[c.lastIs])
			}
			if c.rcode != dns.RcodeRefused && !r.Authoritative {
				t.Fatal("answer is not authoritative")
			}
			if c.answers == 0 && c.rcode != dns.RcodeRefused && len(r.Ns) != 1 {
				t.Fatalf("negative answer without the zone's SOA: %v", r.Ns)
			}
		})
	}
}

func TestCNAMELoopInZoneEndsAnswer(t *testing.T) {
	noLeaks(t)
	s := Start(t, zoneFile)
	r := ask(t, s, "udp", "loop1.example.test", dns.TypeA, true)
	if len(r.Answer) != 2 {
		t.Fatalf("loop answered with %d records, want the two CNAMEs: %v", len(r.Answer), r.Answer)
	}
}

func TestNoChase(t *testing.T) {
	noLeaks(t)
	s := StartWith(t, Options{Zones: []string{zoneFile}, NoChase: true})
	r := ask(t, s, "udp", "www.example.test", dns.TypeA, true)
	if len(r.Answer) != 1 || r.Answer[0].Header().Rrtype != dns.TypeCNAME {
		t.Fatalf("want the CNAME alone, got %v", r.Answer)
	}
}

// bigZone holds a name whose TXT records need more than 512 bytes.
func bigZone() map[string]string {
	var b strings.Builder
	b.WriteString("@ 300 IN SOA ns hm 1 1 1 1 1\n")
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&b, "big 300 IN TXT \"%s\"\n", strings.Repeat(string(rune('a'+i)), 60))
	}
	b.WriteString("small 300 IN TXT \"x\"\n")
	return map[string]string{"big.test": b.String()}
}

func TestTruncatesWithoutEDNS(t *testing.T) {
	noLeaks(t)
	s := StartText(t, bigZone())
	r := ask(t, s, "udp", "big.big.test", dns.TypeTXT, false)
	if !r.Truncated || len(r.Answer) != 0 {
		t.Fatalf("over 512 bytes without EDNS: TC=%v with %d answers, want TC and none", r.Truncated, len(r.Answer))
	}
	if r := ask(t, s, "udp", "big.big.test", dns.TypeTXT, true); r.Truncated || len(r.Answer) != 12 {
		t.Fatalf("with EDNS 1232: TC=%v with %d answers, want the whole answer", r.Truncated, len(r.Answer))
	}
	if r := ask(t, s, "tcp", "big.big.test", dns.TypeTXT, false); r.Truncated || len(r.Answer) != 12 {
		t.Fatalf("over TCP: TC=%v with %d answers, want the whole answer", r.Truncated, len(r.Answer))
	}
	if r := ask(t, s, "udp", "small.big.test", dns.TypeTXT, false); r.Truncated || len(r.Answer) != 1 {
		t.Fatalf("small answer: TC=%v with %d answers", r.Truncated, len(r.Answer))
	}
}

func TestBehaviours(t *testing.T) {
	noLeaks(t)
	s := StartWith(t, Options{
		Zones:    []string{zoneFile},
		Truncate: []string{"host.example.test"},
		ServFail: []string{"mx1.example.test."},
		Refuse:   []string{"MX2.example.test"},
		Timeout:  []string{"ns1.example.test"},
	})
	if r := ask(t, s, "udp", "host.example.test", dns.TypeA, true); !r.Truncated || len(r.Answer) != 0 {
		t.Fatalf("Truncate over UDP: TC=%v, %d answers", r.Truncated, len(r.Answer))
	}
	if r := ask(t, s, "tcp", "host.example.test", dns.TypeA, true); r.Truncated || len(r.Answer) != 1 {
		t.Fatalf("Truncate over TCP: TC=%v, %d answers", r.Truncated, len(r.Answer))
	}
	if r := ask(t, s, "udp", "mx1.example.test", dns.TypeA, true); r.Rcode != dns.RcodeServerFailure {
		t.Fatalf("ServFail: %s", dns.RcodeToString[r.Rcode])
	}
	if r := ask(t, s, "udp", "mx2.example.test", dns.TypeA, true); r.Rcode != dns.RcodeRefused {
		t.Fatalf("Refuse: %s", dns.RcodeToString[r.Rcode])
	}
	if r := ask(t, s, "udp", "example.test", dns.TypeMX, true); r.Rcode != dns.RcodeSuccess || r.Truncated {
		t.Fatalf("an unlisted name: %s TC=%v", dns.RcodeToString[r.Rcode], r.Truncated)
	}
	q := new(dns.Msg)
	q.SetQuestion("ns1.example.test.", dns.TypeA)
	c := &dns.Client{Timeout: 150 * time.Millisecond}
	if _, _, err := c.Exchange(q, s.Addr); err == nil {
		t.Fatal("Timeout name was answered")
	}
	if got := s.Count("ns1.example.test", dns.TypeA, "udp"); got != 1 {
		t.Fatalf("dropped query counted %d times, want 1", got)
	}
}

func TestCounts(t *testing.T) {
	noLeaks(t)
	s := Start(t, zoneFile)
	ask(t, s, "udp", "host.example.test", dns.TypeA, true)
	ask(t, s, "udp", "Host.example.test", dns.TypeA, true)
	ask(t, s, "tcp", "host.example.test", dns.TypeA, true)
	ask(t, s, "udp", "host.example.test", dns.TypeAAAA, true)
	checks := []struct {
		proto string
		qtype uint16
		want  int
	}{{"udp", dns.TypeA, 2}, {"tcp", dns.TypeA, 1}, {"", dns.TypeA, 3}, {"udp", dns.TypeAAAA, 1}, {"tcp", dns.TypeAAAA, 0}, {"", dns.TypeMX, 0}}
	for _, c := range checks {
		if got := s.Count("host.example.test.", c.qtype, c.proto); got != c.want {
			t.Errorf("Count(%s, %q) = %d, want %d", dns.TypeToString[c.qtype], c.proto, got, c.want)
		}
	}
	if s.Total() != 4 {
		t.Errorf("Total = %d, want 4", s.Total())
	}
	if got := s.Queries()[Query{"host.example.test.", dns.TypeA, "udp"}]; got != 2 {
		t.Errorf("Queries() has %d for A over UDP, want 2", got)
	}
}

func TestRaw(t *testing.T) {
	noLeaks(t)
	s := StartRaw(t, func(q []byte) []byte {
		req := new(dns.Msg)
		if req.Unpack(q) != nil || req.Question[0].Name == "drop.test." {
			return nil
		}
		resp := new(dns.Msg)
		resp.SetReply(req)
		resp.Answer = append(resp.Answer, &dns.TXT{Hdr: dns.RR_Header{Name: req.Question[0].Name, Rrtype: dns.TypeTXT, Class: dns.ClassINET}, Txt: []string{"from the raw responder"}})
		out, _ := resp.Pack()
		return out
	})
	q := new(dns.Msg)
	q.SetQuestion("any.test.", dns.TypeTXT)
	c := &dns.Client{Timeout: time.Second}
	r, _, err := c.Exchange(q, s.Addr)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Answer) != 1 || r.Answer[0].(*dns.TXT).Txt[0] != "from the raw responder" {
		t.Fatalf("the responder's bytes did not arrive: %v", r.Answer)
	}
	q.SetQuestion("drop.test.", dns.TypeTXT)
	c.Timeout = 150 * time.Millisecond
	if _, _, err := c.Exchange(q, s.Addr); err == nil {
		t.Fatal("a nil reply was sent")
	}
	if s.Count("any.test", dns.TypeTXT, "udp") != 1 || s.Total() != 2 {
		t.Fatalf("raw server counts: %v", s.Queries())
	}
}

func TestZoneErrors(t *testing.T) {
	cases := map[string]struct{ text, origin string }{
		"syntax":       {"@ IN SOA ns hm 1 1 1 1 1\nwww IN A not-an-ip\n", "e.test"},
		"outside zone": {"@ IN SOA ns hm 1 1 1 1 1\nx.other.test. IN A 192.0.2.1\n", "e.test"},
		"no apex":      {"x.e.test. 300 IN A 192.0.2.1\n", ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if err := newStore().load(c.text, c.origin, "z"); err == nil {
				t.Fatal("zone loaded")
			}
		})
	}
	if err := newStore().load("@ IN SOA ns hm 1 1 1 1 1\nwww IN A 192.0.2.1\n", "e.test", "z"); err != nil {
		t.Fatalf("a good zone: %v", err)
	}
}

func TestCloseTwice(t *testing.T) {
	noLeaks(t)
	s := Start(t, zoneFile)
	s.Close()
	s.Close()
	c := &dns.Client{Timeout: 100 * time.Millisecond, Net: "tcp"}
	q := new(dns.Msg)
	q.SetQuestion("host.example.test.", dns.TypeA)
	if _, _, err := c.Exchange(q, s.Addr); err == nil {
		t.Fatal("closed server answered over TCP")
	}
}
