package dnsq

import (
	"net"
	"strings"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/dnstest"
	"github.com/miekg/dns"
)

// replier builds a raw responder from a function that edits a correct
// reply before it is packed, or returns raw bytes of its own.
func replier(edit func(req, resp *dns.Msg) []byte) func([]byte) []byte {
	return func(q []byte) []byte {
		req := new(dns.Msg)
		if req.Unpack(q) != nil {
			return nil
		}
		resp := new(dns.Msg)
		resp.SetReply(req)
		resp.Answer = append(resp.Answer, &dns.A{Hdr: dns.RR_Header{Name: req.Question[0].Name, Rrtype: dns.TypeA, Class: dns.ClassINET, Ttl: 60}, A: net.IPv4(192, 0, 2, 1)})
		if raw := edit(req, resp); raw != nil {
			return raw
		}
		out, _ := resp.Pack()
		return out
	}
}

func TestMalformedReplies(t *testing.T) {
	noLeaks(t)
	cases := []struct {
		name string
		edit func(req, resp *dns.Msg) []byte
		kind error
	}{
		{"well formed", func(req, resp *dns.Msg) []byte { return nil }, nil},
		{"question in other case", func(req, resp *dns.Msg) []byte {
			resp.Question[0].Name = strings.ToUpper(resp.Question[0].Name)
			return nil
		}, nil},
		{"wrong ID", func(req, resp *dns.Msg) []byte { resp.Id = req.Id + 1; return nil }, ErrMalformed},
		{"other name", func(req, resp *dns.Msg) []byte { resp.Question[0].Name = "other.test."; return nil }, ErrMalformed},
		{"other type", func(req, resp *dns.Msg) []byte { resp.Question[0].Qtype = dns.TypeMX; return nil }, ErrMalformed},
		{"no question", func(req, resp *dns.Msg) []byte { resp.Question = nil; return nil }, ErrMalformed},
		{"not a response", func(req, resp *dns.Msg) []byte { resp.Response = false; return nil }, ErrMalformed},
		{"cut short", func(req, resp *dns.Msg) []byte { out, _ := resp.Pack(); return out[:len(out)-3] }, ErrMalformed},
		{"header only", func(req, resp *dns.Msg) []byte { out, _ := resp.Pack(); return out[:5] }, ErrMalformed},
		{"NOTIMP", func(req, resp *dns.Msg) []byte { resp.Rcode = dns.RcodeNotImplemented; resp.Question = nil; return nil }, ErrRcode},
		{"FORMERR", func(req, resp *dns.Msg) []byte { resp.Rcode = dns.RcodeFormatError; return nil }, ErrRcode},
		{"bad CNAME target", func(req, resp *dns.Msg) []byte {
			resp.Answer = []dns.RR{&dns.CNAME{Hdr: dns.RR_Header{Name: req.Question[0].Name, Rrtype: dns.TypeCNAME, Class: dns.ClassINET}, Target: "b\x80d.test."}}
			return nil
		}, ErrMalformed},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := dnstest.StartRaw(t, replier(tc.edit))
			c := client(t, Options{Timeout: 300 * time.Millisecond}, s)
			a, err := c.Lookup(testCtx(t), "host.raw.test", dns.TypeA)
			if tc.kind == nil {
				if err != nil || len(a.Records) != 1 {
					t.Fatalf("%v %v", a, err)
				}
				return
			}
			wantKind(t, err, tc.kind)
			if !strings.Contains(err.Error(), "A host.raw.test: ") {
				t.Fatalf("error does not name the query: %v", err)
			}
		})
	}
}

func TestTruncatedUnparseableGoesToTCP(t *testing.T) {
	noLeaks(t)
	// The raw server closes TCP connections at once, so the TCP attempt
	// fails; what matters is that it is made.
	s := dnstest.StartRaw(t, replier(func(req, resp *dns.Msg) []byte {
		resp.Truncated = true
		out, _ := resp.Pack()
		return out[:len(out)-2]
	}))
	c := client(t, Options{}, s)
	_, err := c.Lookup(testCtx(t), "host.raw.test", dns.TypeA)
	if err == nil {
		t.Fatal("a TCP attempt that failed gave an answer")
	}
	log := c.Log()
	if len(log) != 2 || !strings.Contains(log[1], " tcp ") {
		t.Fatalf("no TCP attempt after a truncated reply: %q (%v)", log, err)
	}
}

func TestUnreachableServer(t *testing.T) {
	noLeaks(t)
	// A port that was free a moment ago: nothing listens on it.
	pc, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := pc.LocalAddr().String()
	pc.Close()
	good := dnstest.Start(t, zoneFile)
	c, err := New(Options{Servers: []string{dead, good.Addr}, Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	a, err := c.Lookup(testCtx(t), "host.example.test", dns.TypeA)
	if err != nil || a.Server != good.Addr {
		t.Fatalf("%v %v", a, err)
	}
	c, _ = New(Options{Servers: []string{dead}, Timeout: 300 * time.Millisecond, Retries: -1})
	_, err = c.Lookup(testCtx(t), "host.example.test", dns.TypeA)
	if err == nil {
		t.Fatal("an unreachable server gave an answer")
	}
	wantKind(t, err, ErrNetwork)
	if !strings.Contains(err.Error(), "server "+dead) {
		t.Fatalf("error does not name the server: %v", err)
	}
}
