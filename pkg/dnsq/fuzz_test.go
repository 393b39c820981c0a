package dnsq

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/dnstest"
	"github.com/miekg/dns"
)

// seedReplies are well-formed and broken replies to "A host.raw.test".
func seedReplies(f *testing.F) {
	q := newQuery("host.raw.test.", dns.TypeA)
	r := new(dns.Msg)
	r.SetReply(q)
	r.Answer = []dns.RR{
		&dns.CNAME{Hdr: dns.RR_Header{Name: "host.raw.test.", Rrtype: dns.TypeCNAME, Class: dns.ClassINET, Ttl: 60}, Target: "t.raw.test."},
		&dns.A{Hdr: dns.RR_Header{Name: "t.raw.test.", Rrtype: dns.TypeA, Class: dns.ClassINET, Ttl: 60}, A: []byte{192, 0, 2, 1}},
	}
	good, _ := r.Pack()
	f.Add(good)
	f.Add(good[:len(good)/2])
	r.Truncated = true
	tc, _ := r.Pack()
	f.Add(tc)
	r.Truncated, r.Rcode, r.Answer = false, dns.RcodeNameError, nil
	nx, _ := r.Pack()
	f.Add(nx)
	f.Add([]byte{})
	f.Add(make([]byte, 12))
}

// FuzzParseReply feeds arbitrary bytes to the reply check and, when they
// pass, to the answer walk, with the first two bytes set to the query's
// ID so that most inputs get past the ID check.
func FuzzParseReply(f *testing.F) {
	seedReplies(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		q := newQuery("host.raw.test.", dns.TypeA)
		if len(raw) >= 2 {
			raw[0], raw[1] = byte(q.Id>>8), byte(q.Id)
		}
		m, err := parseReply(q, raw)
		if err != nil {
			return
		}
		cur := "host.raw.test."
		for hop := 0; hop <= DefaultMaxCNAME; hop++ {
			recordsAt(m, cur, dns.TypeA)
			next, ok, err := cnameAt(m, cur)
			if err != nil || !ok {
				return
			}
			cur = next
		}
	})
}

// FuzzClientReply sends a real lookup to a UDP responder that answers
// with the fuzz input (its ID set to the query's): the lookup must end,
// with an answer or an error, within its bounds.
func FuzzClientReply(f *testing.F) {
	seedReplies(f)
	var current atomic.Pointer[[]byte]
	s := dnstest.StartRaw(f, func(q []byte) []byte {
		p := current.Load()
		if p == nil {
			return nil
		}
		reply := *p
		if len(q) < 2 || len(reply) < 2 {
			return reply
		}
		out := append([]byte(nil), reply...)
		out[0], out[1] = q[0], q[1]
		return out
	})
	f.Fuzz(func(t *testing.T, raw []byte) {
		current.Store(&raw)
		c, err := New(Options{Servers: []string{s.Addr}, Timeout: 50 * time.Millisecond, Retries: -1, MaxQueries: 4})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		a, err := c.Lookup(ctx, "host.raw.test", dns.TypeA)
		if c.Queries() > 4 {
			t.Fatalf("%d queries over a budget of 4", c.Queries())
		}
		if err == nil && (a == nil || len(a.Chain) > DefaultMaxCNAME) {
			t.Fatalf("answer %v", a)
		}
		if err != nil && strings.TrimSpace(err.Error()) == "" {
			t.Fatal("empty error")
		}
	})
}

// FuzzNormalize: any accepted name is lowercase, fully qualified, ASCII,
// within length, and normalising it again changes nothing.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Example.COM", "_dmarc.example.com.", ".", "", "a..b", "bücher.test", "\x00", strings.Repeat("a.", 130)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		n, err := Normalize(in)
		if err != nil {
			return
		}
		if len(n) > maxNameLen+1 || n != strings.ToLower(n) || !dns.IsFqdn(n) {
			t.Fatalf("Normalize(%q) = %q", in, n)
		}
		if again, err := Normalize(n); err != nil || again != n {
			t.Fatalf("Normalize(%q) = %q, %v", n, again, err)
		}
	})
}

// FuzzUnescapeTXT: unescaping never grows a string.
func FuzzUnescapeTXT(f *testing.F) {
	for _, s := range []string{`plain`, `\"`, `\\`, `\065`, `\999`, `\`, `a\0`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if out := unescapeTXT(in); len(out) > len(in) {
			t.Fatalf("unescapeTXT(%q) = %q, longer", in, out)
		}
	})
}
