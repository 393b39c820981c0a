package dnstest

import (
	"github.com/miekg/dns"
)

// maxChain bounds the CNAMEs followed inside one answer, so a loop in the
// zone data ends the answer instead of the server.
const maxChain = 16

// behaviour is what Options make the server do for chosen names.
type behaviour struct {
	truncate, timeout, servFail, refuse map[string]bool
	noChase                             bool
}

// respond builds the reply to req received over proto, or nil when the
// query is to be dropped.
func (s *Server) respond(req *dns.Msg, proto string) *dns.Msg {
	resp := new(dns.Msg)
	if len(req.Question) != 1 || req.Opcode != dns.OpcodeQuery {
		return resp.SetRcode(req, dns.RcodeFormatError)
	}
	q := req.Question[0]
	name := canonical(q.Name)
	s.count(name, q.Qtype, proto)
	switch {
	case s.do.timeout[name]:
		return nil
	case s.do.servFail[name]:
		return resp.SetRcode(req, dns.RcodeServerFailure)
	case s.do.refuse[name]:
		return resp.SetRcode(req, dns.RcodeRefused)
	}
	apex, ok := s.zones.zoneOf(name)
	if !ok || q.Qclass != dns.ClassINET {
		return resp.SetRcode(req, dns.RcodeRefused)
	}
	resp.SetReply(req)
	resp.Authoritative = true
	resp.RecursionAvailable = true
	cur := name
	seen := map[string]bool{cur: true}
	for hop := 0; hop <= maxChain; hop++ {
		byType := s.zones.records[cur]
		if rrs := byType[q.Qtype]; len(rrs) > 0 {
			resp.Answer = append(resp.Answer, copyAll(rrs)...)
			break
		}
		cnames := byType[dns.TypeCNAME]
		if q.Qtype == dns.TypeCNAME || len(cnames) == 0 {
			if !s.zones.exists[cur] {
				resp.Rcode = dns.RcodeNameError
			}
			if soa := s.zones.soa[apex]; soa != nil {
				resp.Ns = append(resp.Ns, dns.Copy(soa))
			}
			break
		}
		resp.Answer = append(resp.Answer, dns.Copy(cnames[0]))
		target := canonical(cnames[0].(*dns.CNAME).Target)
		next, inZones := s.zones.zoneOf(target)
		if !inZones || seen[target] || s.do.noChase {
			break
		}
		seen[target] = true
		cur, apex = target, next
	}
	if opt := req.IsEdns0(); opt != nil {
		resp.SetEdns0(opt.UDPSize(), false)
	}
	return resp
}

// fitUDP applies the UDP size limit: the client's EDNS0 size, or 512
// bytes without EDNS0, and Options.Truncate. A reply that does not fit
// goes out with TC=1 and no records (RFC 2181 §9).
func (s *Server) fitUDP(req, resp *dns.Msg) *dns.Msg {
	limit := dns.MinMsgSize
	if opt := req.IsEdns0(); opt != nil {
		if size := int(opt.UDPSize()); size > limit {
			limit = size
		}
	}
	forced := len(req.Question) == 1 && s.do.truncate[canonical(req.Question[0].Name)]
	if !forced && resp.Len() <= limit {
		return resp
	}
	t := new(dns.Msg)
	t.SetReply(req)
	t.Rcode = resp.Rcode
	t.Authoritative = resp.Authoritative
	t.RecursionAvailable = resp.RecursionAvailable
	t.Truncated = true
	if opt := req.IsEdns0(); opt != nil {
		t.SetEdns0(opt.UDPSize(), false)
	}
	return t
}

// copyAll copies records so a reply never shares them with the store.
func copyAll(rrs []dns.RR) []dns.RR {
	out := make([]dns.RR, len(rrs))
	for i, rr := range rrs {
		out[i] = dns.Copy(rr)
	}
	return out
}
