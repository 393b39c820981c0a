package dnstest

import "strings"

// Query identifies the queries counted together: a name (lowercase,
// fully qualified), a type and a protocol ("udp" or "tcp").
type Query struct {
	Name  string
	Type  uint16
	Proto string
}

// count records one query received.
func (s *Server) count(name string, qtype uint16, proto string) {
	s.mu.Lock()
	s.counts[Query{name, qtype, proto}]++
	s.mu.Unlock()
}

// Queries returns how many queries the server received, by name, type
// and protocol, dropped ones included.
func (s *Server) Queries() map[Query]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[Query]int, len(s.counts))
	for k, v := range s.counts {
		out[k] = v
	}
	return out
}

// Count returns how many queries for name and qtype arrived over proto;
// an empty proto counts both.
func (s *Server) Count(name string, qtype uint16, proto string) int {
	name = canonical(strings.TrimSpace(name))
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for k, v := range s.counts {
		if k.Name == name && k.Type == qtype && (proto == "" || k.Proto == proto) {
			n += v
		}
	}
	return n
}

// Total returns how many queries the server received in all.
func (s *Server) Total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.counts {
		n += v
	}
	return n
}
