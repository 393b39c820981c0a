package dnscheck

import (
	"context"
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/dmarc"
	"github.com/launchgate/launchgate/pkg/finding"
)

// checkDMARC finds the DMARC record at the domain's _dmarc name, else at
// its organizational domain's, judges it (the inherited one by what it
// says of subdomains), checks the external report destinations'
// authorization records, and says in the evidence where it came from.
func (r *run) checkDMARC(ctx context.Context) {
	d := r.d.Domain
	names, err := dmarc.LookupNames(d)
	if err != nil {
		r.report(ruleDMARCInvalid, d, "TXT", "name", err.Error())
		return
	}
	var found, at string
	for _, name := range names {
		txts, _, err := r.d.Resolver.TXT(ctx, name)
		if err != nil {
			r.failed("DMARC", name, "TXT", err)
			r.ev.dmarc = "DMARC at " + name + ": not looked up (the lookup failed)"
			return
		}
		rec, problems := dmarc.SelectRecords(txts)
		for _, p := range problems {
			r.problem(p.Rule, name, "select", p.Message, p.Severity)
		}
		if len(problems) > 0 {
			r.ev.dmarc = fmt.Sprintf("DMARC at %s: %d records (receivers apply none)", name, countDMARC(txts))
			r.d.Evidence.Add("DMARC of "+d, []string{fmt.Sprintf("%s holds %d DMARC records: receivers apply none", name, countDMARC(txts))})
			return
		}
		if rec != "" {
			found, at = rec, name
			break
		}
	}
	if found == "" {
		r.report(ruleDMARCMissing, names[0], "TXT", "missing",
			fmt.Sprintf("no DMARC record at %s: the From address of mail from %s can be forged; publish v=DMARC1; p=quarantine with a rua", strings.Join(names, " nor at "), d))
		r.d.Evidence.Add("DMARC of "+d, []string{"asked " + strings.Join(names, ", then ") + ": no v=DMARC1 record"})
		r.ev.dmarc = "DMARC: no record at " + strings.Join(names, " nor at ")
		return
	}
	inherited := at != names[0]
	where := at
	if inherited {
		where = at + " (the organizational domain's record, which applies its sp to " + d + ")"
	}
	r.d.Evidence.Add("DMARC of "+d, []string{"found at " + where, "  " + found})
	rec, err := dmarc.Parse(found)
	if err != nil {
		r.ev.dmarc = "DMARC at " + at + ": a record that does not parse"
		p := dmarc.InvalidProblem(err)
		r.problem(p.Rule, at, p.Tag, p.Message, p.Severity)
		return
	}
	r.ev.dmarc = dmarcLine(at, inherited, rec)
	judged := dmarc.Judge(rec, d)
	policy := rec.Policy
	if inherited {
		judged = dmarc.JudgeInherited(rec, d)
		if rec.SubdomainPolicy != "" {
			policy = rec.SubdomainPolicy
		}
	}
	for _, p := range judged {
		if p.Rule == ruleDMARCNoReports && r.parked() {
			// A domain that sends and receives nothing and rejects what
			// claims to come from it is correct as it is.
			continue
		}
		r.problem(p.Rule, at, p.Tag, p.Message, p.Severity)
	}
	r.dmarcEnforces = (policy == dmarc.PolicyQuarantine || policy == dmarc.PolicyReject) && !rec.Testing
	r.reportAuthorizations(ctx, rec, at)
}

// reportAuthorizations checks that each rua destination in another
// organizational domain authorises reports about the domain (RFC 7489
// §7.1): without the record, receivers send it nothing.
func (r *run) reportAuthorizations(ctx context.Context, rec *dmarc.Record, at string) {
	for i, dest := range dmarc.ExternalReportDomains(rec, r.d.Domain) {
		if i >= 4 {
			break
		}
		name := dmarc.AuthorizationName(r.d.Domain, dest)
		txts, _, err := r.d.Resolver.TXT(ctx, name)
		if err != nil {
			r.failed("the DMARC report authorization of "+dest, name, "TXT", err)
			continue
		}
		if !dmarc.Authorizes(txts) {
			r.report(ruleDMARCNoReports, name, "TXT", "rua "+dest,
				fmt.Sprintf("the DMARC record at %s sends aggregate reports to %s, which publishes no authorization record at %s: receivers send it nothing", at, dest, name))
		}
	}
}

// problem reports a problem of the record parsers, at the severity they
// judged.
func (r *run) problem(rule, name, part, msg, severity string) {
	sev, err := finding.ParseSeverity(severity, false)
	if err != nil {
		r.report(rule, name, "TXT", part, msg)
		return
	}
	r.reportAt(rule, name, "TXT", part, msg, sev)
}

// countDMARC counts the v=DMARC1 records among txts.
func countDMARC(txts []string) int {
	n := 0
	for _, t := range txts {
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(t)), "v=dmarc1") {
			n++
		}
	}
	return n
}
