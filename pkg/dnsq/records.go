package dnsq

import (
	"context"
	"net/netip"
	"sort"
	"strings"

	"github.com/miekg/dns"
)

// TXT returns each TXT record at name (after CNAMEs) as one string: its
// character strings joined without spaces, as RFC 7208 §3.3 reads SPF
// records, with the wire bytes unescaped. The Answer tells an absence
// (NXDomain, Empty) from records.
func (c *Client) TXT(ctx context.Context, name string) ([]string, *Answer, error) {
	ans, err := c.Lookup(ctx, name, dns.TypeTXT)
	if err != nil {
		return nil, nil, err
	}
	var out []string
	for _, rr := range ans.Records {
		if t, ok := rr.(*dns.TXT); ok {
			out = append(out, JoinTXT(t.Txt))
		}
	}
	return out, ans, nil
}

// JoinTXT concatenates the character strings of one TXT record, turning
// the escapes the DNS library writes (\" \\ \DDD) back into bytes.
func JoinTXT(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(unescapeTXT(p))
	}
	return b.String()
}

// unescapeTXT undoes the presentation escapes of one character string.
func unescapeTXT(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch != '\\' || i+1 >= len(s) {
			b.WriteByte(ch)
			continue
		}
		if i+3 < len(s) && isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) {
			v := int(s[i+1]-'0')*100 + int(s[i+2]-'0')*10 + int(s[i+3]-'0')
			if v <= 255 {
				b.WriteByte(byte(v))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i+1])
		i++
	}
	return b.String()
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// MX returns the MX records at name sorted by preference, then host.
func (c *Client) MX(ctx context.Context, name string) ([]*dns.MX, *Answer, error) {
	ans, err := c.Lookup(ctx, name, dns.TypeMX)
	if err != nil {
		return nil, nil, err
	}
	var out []*dns.MX
	for _, rr := range ans.Records {
		if mx, ok := rr.(*dns.MX); ok {
			out = append(out, mx)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Preference != out[j].Preference {
			return out[i].Preference < out[j].Preference
		}
		return out[i].Mx < out[j].Mx
	})
	return out, ans, nil
}

// A returns the IPv4 addresses at name.
func (c *Client) A(ctx context.Context, name string) ([]netip.Addr, *Answer, error) {
	return c.addrs(ctx, name, dns.TypeA)
}

// AAAA returns the IPv6 addresses at name.
func (c *Client) AAAA(ctx context.Context, name string) ([]netip.Addr, *Answer, error) {
	return c.addrs(ctx, name, dns.TypeAAAA)
}

// Addrs returns the IPv4 then the IPv6 addresses at name. Either lookup
// failing fails it, so an empty result always means neither exists.
func (c *Client) Addrs(ctx context.Context, name string) ([]netip.Addr, error) {
	v4, _, err := c.A(ctx, name)
	if err != nil {
		return nil, err
	}
	v6, _, err := c.AAAA(ctx, name)
	if err != nil {
		return nil, err
	}
	return append(v4, v6...), nil
}

// addrs looks up A or AAAA records and returns their addresses.
func (c *Client) addrs(ctx context.Context, name string, qtype uint16) ([]netip.Addr, *Answer, error) {
	ans, err := c.Lookup(ctx, name, qtype)
	if err != nil {
		return nil, nil, err
	}
	var out []netip.Addr
	for _, rr := range ans.Records {
		var ip []byte
		switch r := rr.(type) {
		case *dns.A:
			ip = r.A.To4()
		case *dns.AAAA:
			ip = r.AAAA.To16()
		}
		if a, ok := netip.AddrFromSlice(ip); ok {
			out = append(out, a)
		}
	}
	return out, ans, nil
}

// CAA returns the CAA records at name itself (not its parents).
func (c *Client) CAA(ctx context.Context, name string) ([]*dns.CAA, *Answer, error) {
	ans, err := c.Lookup(ctx, name, dns.TypeCAA)
	if err != nil {
		return nil, nil, err
	}
	var out []*dns.CAA
	for _, rr := range ans.Records {
		if r, ok := rr.(*dns.CAA); ok {
			out = append(out, r)
		}
	}
	return out, ans, nil
}

// RelevantCAA returns the relevant CAA record set for name (RFC 8659
// §3): the records at the closest of name and its parents (up to the
// root, not included) that has any, with the name they were found at. No
// records and no error means no CAA restricts issuance for name.
func (c *Client) RelevantCAA(ctx context.Context, name string) ([]*dns.CAA, string, error) {
	n, err := Normalize(name)
	if err != nil {
		return nil, "", &QueryError{Query: "CAA " + name, Err: ErrName, Detail: err.Error()}
	}
	labels := dns.SplitDomainName(n)
	for i := 0; i < len(labels); i++ {
		at := dns.Fqdn(strings.Join(labels[i:], "."))
		recs, _, err := c.CAA(ctx, at)
		if err != nil {
			return nil, "", err
		}
		if len(recs) > 0 {
			return recs, at, nil
		}
	}
	return nil, "", nil
}
