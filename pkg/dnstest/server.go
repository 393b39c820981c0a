package dnstest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/miekg/dns"
)

// Bounds on the server's work, so a misbehaving client cannot keep it
// busy past its test.
const (
	// listenTries is how many ports are tried to find one free for both
	// UDP and TCP.
	listenTries = 20
	// maxConnMessages is how many queries one TCP connection may send.
	maxConnMessages = 100
	// tcpIdle is how long a TCP connection may sit without a query.
	tcpIdle = 5 * time.Second
	// maxReadErrors is how many consecutive read errors end a UDP loop.
	maxReadErrors = 100
)

// Server is a DNS server on 127.0.0.1 serving zones over UDP and TCP.
type Server struct {
	// Addr is the HOST:PORT it listens on, for UDP and TCP alike.
	Addr string

	zones *store
	do    behaviour
	// raw, when set, replaces the zones: every UDP query is answered
	// with the bytes it returns (nil drops the query).
	raw func(query []byte) []byte

	pc net.PacketConn
	ln net.Listener
	wg sync.WaitGroup

	mu     sync.Mutex
	conns  map[net.Conn]bool
	counts map[Query]int
	closed bool
	once   sync.Once
}

// Start serves the zone files on a free port of 127.0.0.1 until the test
// ends; a file that cannot be read or parsed fails the test.
func Start(t testing.TB, zones ...string) *Server {
	t.Helper()
	return StartWith(t, Options{Zones: zones})
}

// StartText serves zones written inline, keyed by their apex.
func StartText(t testing.TB, zones map[string]string) *Server {
	t.Helper()
	return StartWith(t, Options{Text: zones})
}

// StartWith serves the zones of o with its failure behaviours.
func StartWith(t testing.TB, o Options) *Server {
	t.Helper()
	s, err := Serve(o)
	if err != nil {
		t.Fatalf("dnstest: %v", err)
	}
	t.Cleanup(s.Close)
	return s
}

// Serve is StartWith outside a test, for a program that serves the test
// zones (the demo of the README): the caller closes the server.
func Serve(o Options) (*Server, error) {
	st := newStore()
	for _, f := range o.Zones {
		if err := st.loadFile(f); err != nil {
			return nil, fmt.Errorf("zone file %s: %w", f, err)
		}
	}
	for apex, text := range o.Text {
		if err := st.load(text, apex, "zone "+apex); err != nil {
			return nil, fmt.Errorf("zone %s: %w", apex, err)
		}
	}
	s := &Server{zones: st, do: behaviour{
		truncate: nameSet(o.Truncate), timeout: nameSet(o.Timeout),
		servFail: nameSet(o.ServFail), refuse: nameSet(o.Refuse),
		noChase: o.NoChase,
	}}
	if err := s.listen(); err != nil {
		return nil, err
	}
	return s, nil
}

// StartRaw runs a UDP-only server on 127.0.0.1 that answers each query
// with the bytes reply returns for it (nil: no answer), for feeding a
// client arbitrary replies. TCP connections are accepted and closed.
func StartRaw(t testing.TB, reply func(query []byte) []byte) *Server {
	t.Helper()
	s := &Server{zones: newStore(), raw: reply}
	if err := s.listen(); err != nil {
		t.Fatalf("dnstest: %v", err)
	}
	t.Cleanup(s.Close)
	return s
}

// listen binds UDP and TCP on one free port and starts serving.
func (s *Server) listen() error {
	s.conns = map[net.Conn]bool{}
	s.counts = map[Query]int{}
	var lastErr error
	for i := 0; i < listenTries; i++ {
		pc, err := net.ListenPacket("udp4", "127.0.0.1:0")
		if err != nil {
			return fmt.Errorf("listening on UDP: %w", err)
		}
		ln, err := net.Listen("tcp4", pc.LocalAddr().String())
		if err != nil {
			pc.Close()
			lastErr = err
			continue
		}
		s.pc, s.ln, s.Addr = pc, ln, pc.LocalAddr().String()
		s.wg.Add(2)
		go s.serveUDP()
		go s.serveTCP()
		return nil
	}
	return fmt.Errorf("no port free for both UDP and TCP after %d tries: %w", listenTries, lastErr)
}

// Close stops the server and waits for its goroutines to end. It is
// called by the test's cleanup; calling it again does nothing.
func (s *Server) Close() {
	s.once.Do(func() {
		s.mu.Lock()
		s.closed = true
		for c := range s.conns {
			c.Close()
		}
		s.mu.Unlock()
		s.pc.Close()
		s.ln.Close()
		s.wg.Wait()
	})
}

// isClosed reports whether Close has begun.
func (s *Server) isClosed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}

// serveUDP answers UDP queries one at a time until the socket closes.
func (s *Server) serveUDP() {
	defer s.wg.Done()
	buf := make([]byte, 65535)
	for errs := 0; errs < maxReadErrors; {
		n, addr, err := s.pc.ReadFrom(buf)
		if err != nil {
			if errors.Is(err, net.ErrClosed) || s.isClosed() {
				return
			}
			errs++
			continue
		}
		errs = 0
		if out := s.answer(buf[:n], "udp"); out != nil {
			_, _ = s.pc.WriteTo(out, addr)
		}
	}
}

// serveTCP accepts connections until the listener closes.
func (s *Server) serveTCP() {
	defer s.wg.Done()
	for errs := 0; errs < maxReadErrors; {
		c, err := s.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) || s.isClosed() {
				return
			}
			errs++
			continue
		}
		errs = 0
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			c.Close()
			return
		}
		s.conns[c] = true
		s.wg.Add(1)
		s.mu.Unlock()
		go s.serveConn(c)
	}
}

// serveConn answers the length-prefixed queries of one TCP connection.
func (s *Server) serveConn(c net.Conn) {
	defer s.wg.Done()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		c.Close()
	}()
	if s.raw != nil {
		return
	}
	for i := 0; i < maxConnMessages; i++ {
		if err := c.SetDeadline(time.Now().Add(tcpIdle)); err != nil {
			return
		}
		var l [2]byte
		if _, err := io.ReadFull(c, l[:]); err != nil {
			return
		}
		msg := make([]byte, binary.BigEndian.Uint16(l[:]))
		if _, err := io.ReadFull(c, msg); err != nil {
			return
		}
		out := s.answer(msg, "tcp")
		if out == nil {
			continue
		}
		framed := make([]byte, 2+len(out))
		binary.BigEndian.PutUint16(framed, uint16(len(out)))
		copy(framed[2:], out)
		if _, err := c.Write(framed); err != nil {
			return
		}
	}
}

// answer turns one received packet into the bytes to send back, or nil
// for none.
func (s *Server) answer(packet []byte, proto string) []byte {
	if s.raw != nil {
		req := new(dns.Msg)
		if err := req.Unpack(packet); err == nil && len(req.Question) == 1 {
			s.count(canonical(req.Question[0].Name), req.Question[0].Qtype, proto)
		}
		return s.raw(append([]byte(nil), packet...))
	}
	req := new(dns.Msg)
	if err := req.Unpack(packet); err != nil {
		return nil
	}
	resp := s.respond(req, proto)
	if resp == nil {
		return nil
	}
	if proto == "udp" {
		resp = s.fitUDP(req, resp)
	}
	out, err := resp.Pack()
	if err != nil {
		fail := new(dns.Msg)
		fail.SetRcode(req, dns.RcodeServerFailure)
		if out, err = fail.Pack(); err != nil {
			return nil
		}
	}
	return out
}

// String describes the server for failure messages.
func (s *Server) String() string { return fmt.Sprintf("dnstest server on %s", s.Addr) }
