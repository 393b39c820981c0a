package dnscheck

import (
	"context"
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/spf"
)

// checkSPF evaluates the domain's SPF and reports its problems; a failed
// query is reported for what it blocked. The lookup tree goes to the
// evidence.
func (r *run) checkSPF(ctx context.Context) {
	res := spf.Evaluate(ctx, spfResolver{r.d.Resolver}, r.d.Domain, spf.Options{})
	r.spf = res
	r.ev.spf = spfLine(r.d.Domain, res)
	for _, p := range res.Problems {
		part := p.Domain + " " + p.Term
		msg := p.Message
		if p.Domain != "" && p.Domain != r.d.Domain && !strings.Contains(msg, p.Domain) {
			msg = p.Domain + ": " + msg
		}
		// The record at fault: the domain's own, or an include's.
		at := r.d.Domain
		if p.Domain != "" {
			at = p.Domain
		}
		if p.Rule == ruleSPFPermissive {
			// +all is critical, ?all high: the one SPF rule of two
			// severities.
			r.reportAt(p.Rule, at, "TXT", part, msg, p.Severity)
			continue
		}
		r.report(p.Rule, at, "TXT", part, msg)
	}
	for _, e := range res.TempErrors {
		var err error = e
		if e.Err != nil && strings.HasPrefix(e.Err.Error(), e.Query) {
			// The resolver's error names the query already.
			err = e.Err
		}
		r.failed("SPF", r.d.Domain, "TXT", err)
	}
	if res.Tree != nil {
		r.d.Evidence.Add(fmt.Sprintf("SPF of %s: %d of 10 DNS lookups, %d of 2 void lookups", r.d.Domain, res.Lookups, res.VoidLookups),
			strings.Split(strings.TrimRight(res.Tree.String(), "\n"), "\n"))
	}
}

// spfIncludes are the include: and redirect= targets of the SPF tree,
// the providers' own names that tell who sends for the domain.
func (r *run) spfIncludes() []string {
	if r.spf == nil || r.spf.Tree == nil {
		return nil
	}
	var out []string
	var walk func(t *spf.Tree, depth int)
	walk = func(t *spf.Tree, depth int) {
		if depth > 12 {
			return
		}
		for _, c := range t.Children {
			out = append(out, c.Domain)
			walk(c, depth+1)
		}
	}
	walk(r.spf.Tree, 0)
	return out
}

// sendsNothing reports whether the SPF policy authorises no server at
// all: "v=spf1 -all", the record of a domain that sends no mail.
func (r *run) sendsNothing() bool {
	return r.spf != nil && len(r.spf.Records) == 1 &&
		strings.EqualFold(strings.Join(strings.Fields(r.spf.Records[0]), " "), "v=spf1 -all")
}

// parked reports whether the domain neither sends (v=spf1 -all) nor
// receives (Null MX) mail.
func (r *run) parked() bool { return r.sendsNothing() && r.mx.null }

// softfail reports ~all while DMARC does not enforce.
func (r *run) softfail() {
	if r.spf == nil || r.spf.FinalAll.Qualifier != spf.SoftFail || r.dmarcEnforces {
		return
	}
	r.report(ruleSPFSoftfail, r.d.Domain, "TXT", "~all",
		fmt.Sprintf("the SPF policy of %s ends in ~all (softfail) and DMARC does not quarantine or reject: mail from servers SPF does not list is still delivered", r.d.Domain))
}
