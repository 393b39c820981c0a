package dnscheck

import (
	"fmt"
	"slices"
	"strings"

	"github.com/miekg/dns"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/dmarc"
	"github.com/launchgate/launchgate/pkg/spf"
)

// evidence holds the one-line summaries of what the run looked up, for
// the scorecard's email and transport rows; the evidence blocks hold the
// detail. Each is "" when the part was not looked at.
type evidence struct {
	spf, dmarc, dkim, mx, mtasts, tlsrpt, caa string
	// dkimParts are the selectors' findings, in order.
	dkimParts []string
}

// record tells the tally what the run verified: at most four email
// lines (SPF, DMARC, DKIM, and MX with MTA-STS and TLS-RPT) and the CAA
// line.
func (r *run) record(t *check.Tally) {
	e := &r.ev
	for _, l := range []string{e.spf, e.dmarc, e.dkim} {
		if l != "" {
			t.Record("email", "%s", l)
		}
	}
	if mx := joinNonEmpty("; ", e.mx, e.mtasts, e.tlsrpt); mx != "" {
		t.Record("email", "%s", mx)
	}
	if e.caa != "" {
		t.Record("transport", "%s", e.caa)
	}
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// spfLine summarises an SPF evaluation: the lookups against their
// limits and the all the policy ends in.
func spfLine(d string, res *spf.Result) string {
	switch {
	case len(res.Records) == 0 && len(res.TempErrors) > 0:
		return "SPF of " + d + ": not looked up (the lookup failed)"
	case len(res.Records) == 0:
		return "SPF of " + d + ": no v=spf1 record"
	case len(res.Records) > 1:
		return fmt.Sprintf("SPF of %s: %d v=spf1 records (receivers apply none)", d, len(res.Records))
	}
	line := fmt.Sprintf("SPF of %s: %d of 10 lookups, %d of 2 void", d, res.Lookups, res.VoidLookups)
	switch f := res.FinalAll; {
	case f.Qualifier == 0:
		line += ", final all unknown"
	case f.Implicit:
		line += ", no all (neutral)"
	default:
		line += ", ends " + f.Qualifier.String() + "all"
		if f.Domain != "" && f.Domain != d {
			line += " (at " + f.Domain + ")"
		}
	}
	if len(res.TempErrors) > 0 {
		line += fmt.Sprintf(", %d lookups failed", len(res.TempErrors))
	}
	return line
}

// dmarcLine summarises the DMARC record found at name.
func dmarcLine(name string, inherited bool, rec *dmarc.Record) string {
	where := "DMARC at " + name
	policy := "p=" + rec.Policy
	if inherited {
		where += " (the organizational domain's)"
		if rec.SubdomainPolicy != "" {
			policy = "sp=" + rec.SubdomainPolicy
		}
	}
	parts := []string{policy}
	if rec.PercentSet && rec.Percent < 100 {
		parts = append(parts, fmt.Sprintf("pct=%d", rec.Percent))
	}
	if rec.Testing {
		parts = append(parts, "t=y")
	}
	switch n := len(rec.Aggregate); n {
	case 0:
		parts = append(parts, "no rua")
	case 1:
		parts = append(parts, "rua="+rec.Aggregate[0].URI)
	default:
		parts = append(parts, fmt.Sprintf("rua=%s and %d more", rec.Aggregate[0].URI, n-1))
	}
	return where + ": " + strings.Join(parts, ", ")
}

// provider is the provider part of a selector's reason ("Google
// Workspace" of "Google Workspace, SPF include:_spf.google.com").
func provider(why string) string {
	p, _, _ := strings.Cut(why, ", ")
	return p
}

// dkimLine summarises the selectors looked up: each key found (or not
// parsed, or not looked up), then the selectors without a key.
func (r *run) dkimLine(sels []selector) {
	var none []string
	for _, s := range sels[:min(len(sels), maxSelectors)] {
		looked := false
		for _, p := range r.ev.dkimParts {
			looked = looked || strings.HasPrefix(p, s.name+" ") || strings.HasPrefix(p, s.name+":")
		}
		if !looked {
			none = append(none, s.name)
		}
	}
	parts := r.ev.dkimParts
	if len(none) > 0 {
		if len(none) > 4 {
			none = append(none[:4], "…")
		}
		parts = append(parts, "no key at "+strings.Join(none, ", "))
	}
	r.ev.dkim = "DKIM " + strings.Join(parts, "; ")
}

func mxLine(d string, n, resolved int) string {
	noun := "hosts"
	if n == 1 {
		noun = "host"
	}
	if resolved == n {
		return fmt.Sprintf("MX of %s: %d %s, all resolve", d, n, noun)
	}
	return fmt.Sprintf("MX of %s: %d %s, %d resolve to an address of their own", d, n, noun, resolved)
}

// caaLine names the authorities the CAA records at name let issue.
func caaLine(name string, recs []*dns.CAA) string {
	var issuers, tags []string
	for _, c := range recs {
		switch strings.ToLower(c.Tag) {
		case "issue", "issuewild":
			v, _, _ := strings.Cut(c.Value, ";")
			v = strings.TrimSpace(v)
			if v == "" {
				v = "none (\";\")"
			}
			if !slices.Contains(issuers, v) {
				issuers = append(issuers, v)
			}
		default:
			if !slices.Contains(tags, c.Tag) {
				tags = append(tags, c.Tag)
			}
		}
	}
	line := "CAA at " + name + ": "
	if len(issuers) == 0 {
		line += "no issue tag"
	} else {
		line += strings.Join(issuers, ", ")
	}
	if len(tags) > 0 {
		line += " (and " + strings.Join(tags, ", ") + ")"
	}
	return line
}
