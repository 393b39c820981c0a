package dnsq

import (
	"fmt"
	"strings"

	"github.com/miekg/dns"
)

// headerLen is the size of a DNS message header.
const headerLen = 12

// tcBit is the truncation flag in the header's third byte.
const tcBit = 0x02

// parseReply unpacks raw and checks that it answers q: a response with
// q's ID and q's question. A reply whose header says it is truncated is
// returned as truncated even when its body cannot be parsed, since the
// TCP retry will bring the whole of it. Every failure wraps ErrMalformed.
func parseReply(q *dns.Msg, raw []byte) (*dns.Msg, error) {
	if len(raw) < headerLen {
		return nil, fmt.Errorf("%w: %d bytes, shorter than a header", ErrMalformed, len(raw))
	}
	id := uint16(raw[0])<<8 | uint16(raw[1])
	if id != q.Id {
		return nil, fmt.Errorf("%w: reply ID %d does not match query ID %d", ErrMalformed, id, q.Id)
	}
	m := new(dns.Msg)
	if err := m.Unpack(raw); err != nil {
		if raw[2]&tcBit != 0 && raw[2]&0x80 != 0 {
			t := new(dns.Msg)
			t.Id, t.Response, t.Truncated = id, true, true
			t.Question = q.Question
			return t, nil
		}
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if !m.Response {
		return nil, fmt.Errorf("%w: the QR bit is not set", ErrMalformed)
	}
	if m.Opcode != dns.OpcodeQuery {
		return nil, fmt.Errorf("%w: opcode %d", ErrMalformed, m.Opcode)
	}
	// Some servers leave the question out of an error reply; the ID
	// already ties it to the query.
	if len(m.Question) == 0 && m.Rcode != dns.RcodeSuccess && m.Rcode != dns.RcodeNameError {
		return m, nil
	}
	if len(m.Question) != 1 {
		return nil, fmt.Errorf("%w: %d questions in the reply", ErrMalformed, len(m.Question))
	}
	got, want := m.Question[0], q.Question[0]
	if !strings.EqualFold(got.Name, want.Name) || got.Qtype != want.Qtype || got.Qclass != want.Qclass {
		return nil, fmt.Errorf("%w: reply is for %s %s, not %s %s", ErrMalformed,
			typeName(got.Qtype), got.Name, typeName(want.Qtype), want.Name)
	}
	return m, nil
}

// newQuery builds the query for name and qtype: recursion desired, EDNS0
// with a 1232-byte UDP size, a random ID.
func newQuery(name string, qtype uint16) *dns.Msg {
	q := new(dns.Msg)
	q.SetQuestion(name, qtype)
	q.RecursionDesired = true
	q.SetEdns0(ednsSize, false)
	return q
}
