package dnscheck

import (
	"context"
	"fmt"
	"net/netip"
	"strings"
)

// maxMXHosts bounds the MX targets resolved.
const maxMXHosts = 10

// mxResult is what the MX step learned.
type mxResult struct {
	// known is false when the MX query failed.
	known bool
	// null is a Null MX (RFC 7505: one MX 0 "."): the domain receives no
	// mail.
	null bool
	// hosts are the MX targets, without the root dot.
	hosts []string
}

// receives reports whether the domain takes mail: MX records that are
// not a Null MX.
func (m mxResult) receives() bool { return m.known && !m.null && len(m.hosts) > 0 }

// checkMX looks up the domain's MX records and each target's address:
// a target that does not resolve, is a CNAME or an IP literal, and a
// domain with neither MX nor Null MX, are dns/mx-invalid.
func (r *run) checkMX(ctx context.Context) {
	d := r.d.Domain
	mxs, _, err := r.d.Resolver.MX(ctx, d)
	if err != nil {
		r.failed("MX", d, "MX", err)
		r.ev.mx = "MX of " + d + ": not looked up (the lookup failed)"
		return
	}
	r.mx.known = true
	if len(mxs) == 1 && mxs[0].Mx == "." {
		r.mx.null = true
		r.d.Evidence.Add("MX of "+d, []string{"Null MX (MX 0 .): the domain receives no mail"})
		r.ev.mx = "MX of " + d + ": Null MX (receives no mail)"
		return
	}
	if len(mxs) == 0 {
		r.ev.mx = "MX of " + d + ": none, and no Null MX"
		r.report(ruleMXInvalid, d, "MX", "none",
			fmt.Sprintf("%s has no MX records and no Null MX (MX 0 .): mail to it falls back to its address records, and bounces to its senders go nowhere predictable; publish MX records or a Null MX", d))
		return
	}
	var lines []string
	resolved := 0
	defer func() { r.ev.mx = mxLine(d, len(mxs), resolved) }()
	for i, m := range mxs {
		host := strings.TrimSuffix(strings.ToLower(m.Mx), ".")
		if i >= maxMXHosts {
			lines = append(lines, fmt.Sprintf("…and %d more not resolved", len(mxs)-maxMXHosts))
			break
		}
		r.mx.hosts = append(r.mx.hosts, host)
		line := fmt.Sprintf("%d %s", m.Preference, host)
		if m.Mx == "." {
			r.report(ruleMXInvalid, d, "MX", "null-among",
				fmt.Sprintf("%s mixes a Null MX (MX 0 .) with other MX records; a Null MX must be the only one", d))
			continue
		}
		if _, err := netip.ParseAddr(host); err == nil {
			r.report(ruleMXInvalid, d, "MX", host, fmt.Sprintf("MX %s of %s is an IP address; an MX target must be a host name with address records", host, d))
			lines = append(lines, line+"  (an IP literal)")
			continue
		}
		addrs, ans, err := r.d.Resolver.A(ctx, host)
		if err != nil {
			r.failed("MX host "+host, host, "A", err)
			continue
		}
		if ans != nil && len(ans.Chain) > 0 {
			r.report(ruleMXInvalid, host, "CNAME", host,
				fmt.Sprintf("MX %s of %s is a CNAME (to %s); RFC 5321 requires MX targets to be names with their own address records", host, d, ans.Chain[len(ans.Chain)-1]))
			lines = append(lines, line+"  (a CNAME)")
			continue
		}
		if len(addrs) == 0 {
			v6, _, err := r.d.Resolver.AAAA(ctx, host)
			if err != nil {
				r.failed("MX host "+host, host, "AAAA", err)
				continue
			}
			addrs = v6
		}
		if len(addrs) == 0 {
			r.report(ruleMXInvalid, host, "A", host, fmt.Sprintf("MX %s of %s has no A or AAAA record: mail to %s cannot be delivered there", host, d, d))
			lines = append(lines, line+"  (no address)")
			continue
		}
		resolved++
		lines = append(lines, fmt.Sprintf("%s  %v", line, addrs))
	}
	r.d.Evidence.Add("MX of "+d, lines)
}
