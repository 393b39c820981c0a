package dnsq

import (
	"context"
	"fmt"
	"strings"

	"github.com/miekg/dns"
)

// Lookup asks for the records of qtype at name, following CNAMEs (unless
// qtype is CNAME): through the chain the reply carries and, when the
// reply stops at a target it says nothing about, by asking for the
// target. It returns an Answer for NOERROR and NXDOMAIN, and a
// *QueryError otherwise.
func (c *Client) Lookup(ctx context.Context, name string, qtype uint16) (*Answer, error) {
	start, err := Normalize(name)
	if err != nil {
		return nil, &QueryError{Query: typeName(qtype) + " " + name, Err: ErrName, Detail: err.Error()}
	}
	ans := &Answer{Name: start}
	seen := map[string]bool{start: true}
	asked := start
	for {
		rep, err := c.cachedQuery(ctx, asked, qtype)
		if err != nil {
			if asked != start {
				return nil, fmt.Errorf("%s, following CNAMEs %s: %w", queryLabel(start, qtype), strings.Join(ans.Chain, " -> "), err)
			}
			return nil, err
		}
		ans.Server, ans.ViaTCP, ans.Rcode = rep.server, rep.viaTCP, rep.msg.Rcode
		ans.Truncated = ans.Truncated || rep.truncated
		cur := asked
		for {
			if recs := recordsAt(rep.msg, cur, qtype); len(recs) > 0 || qtype == dns.TypeCNAME {
				ans.Name, ans.Records = cur, recs
				return ans.clone(), nil
			}
			target, ok, err := cnameAt(rep.msg, cur)
			if err != nil {
				return nil, &QueryError{Query: queryLabel(start, qtype), Err: ErrMalformed,
					Detail: fmt.Sprintf("server %s sent a CNAME with an unusable target: %v", rep.server, err)}
			}
			if !ok {
				break
			}
			if seen[target] || len(ans.Chain) >= c.opts.MaxCNAME {
				return nil, c.loopError(start, qtype, append(ans.Chain, target), seen[target])
			}
			seen[target] = true
			ans.Chain = append(ans.Chain, target)
			cur = target
		}
		ans.Name = cur
		// The reply's code speaks for the end of the chain it carries
		// (RFC 6604); only a chain that stops at a target the reply says
		// nothing about needs another query.
		if cur == asked || rep.msg.Rcode == dns.RcodeNameError {
			return ans.clone(), nil
		}
		asked = cur
	}
}

// loopError names a CNAME chain that loops or is too long.
func (c *Client) loopError(start string, qtype uint16, chain []string, loop bool) error {
	names := make([]string, 0, len(chain)+1)
	for _, n := range append([]string{start}, chain...) {
		names = append(names, strings.TrimSuffix(n, "."))
	}
	detail := "CNAME loop: " + strings.Join(names, " -> ")
	if !loop {
		detail = fmt.Sprintf("CNAME chain longer than %d: %s", c.opts.MaxCNAME, strings.Join(names, " -> "))
	}
	return &QueryError{Query: queryLabel(start, qtype), Err: ErrCNAMELoop, Detail: detail}
}

// recordsAt returns the IN records of qtype owned by name in the answer
// section.
func recordsAt(m *dns.Msg, name string, qtype uint16) []dns.RR {
	var out []dns.RR
	for _, rr := range m.Answer {
		h := rr.Header()
		if h.Rrtype == qtype && h.Class == dns.ClassINET && strings.EqualFold(h.Name, name) {
			out = append(out, rr)
		}
	}
	return out
}

// cnameAt returns the normalised target of the CNAME owned by name in the
// answer section, and an error when that target is not a usable name.
func cnameAt(m *dns.Msg, name string) (string, bool, error) {
	for _, rr := range m.Answer {
		cn, ok := rr.(*dns.CNAME)
		if !ok || cn.Hdr.Class != dns.ClassINET || !strings.EqualFold(cn.Hdr.Name, name) {
			continue
		}
		target, err := Normalize(cn.Target)
		if err != nil {
			return "", false, err
		}
		return target, true, nil
	}
	return "", false, nil
}
