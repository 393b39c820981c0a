package dnscheck

import (
	"context"
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/dmarc"
)

// checkCAA reports a domain for which neither it nor a parent up to its
// organizational domain has a CAA record. RFC 8659 climbs to the root;
// public suffixes publish none a domain owner controls, so the climb
// stops at the registered domain.
func (r *run) checkCAA(ctx context.Context) {
	d := r.d.Domain
	org, err := dmarc.OrgDomain(d)
	if err != nil {
		org = d
	}
	for name := d; ; {
		recs, _, err := r.d.Resolver.CAA(ctx, name)
		if err != nil {
			r.failed("CAA", name, "CAA", err)
			r.ev.caa = "CAA of " + d + ": not looked up (the lookup failed)"
			return
		}
		if len(recs) > 0 {
			var lines []string
			for _, c := range recs {
				lines = append(lines, fmt.Sprintf("%d %s %q", c.Flag, c.Tag, c.Value))
			}
			r.d.Evidence.Add("CAA of "+d+" (at "+name+")", lines)
			r.ev.caa = caaLine(name, recs)
			return
		}
		_, parent, ok := strings.Cut(name, ".")
		if name == org || !ok || !strings.HasSuffix(parent, org) {
			break
		}
		name = parent
	}
	r.ev.caa = "CAA: no record at " + d + " or its parents up to " + org
	r.report(ruleCAA, d, "CAA", "missing",
		fmt.Sprintf("no CAA record at %s or its parents up to %s: every public CA may issue certificates for it; name yours (0 issue \"letsencrypt.org\")", d, org))
}
