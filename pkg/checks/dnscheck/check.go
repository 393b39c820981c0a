// Package dnscheck is the check of `launchgate dns DOMAIN`: it judges a
// sending domain's email trust (SPF with RFC 7208's lookup accounting,
// DMARC found at the domain or its organizational domain, DKIM keys of
// given or inferred selectors), its mail exchangers, MTA-STS and TLS-RPT,
// and its CAA records (rules/dns.yaml). Every verdict's evidence — the
// SPF lookup tree, where DMARC came from, the selectors tried and why —
// goes to the run's evidence.
//
// A query that fails (timeout, SERVFAIL, REFUSED, the budget) is never a
// pass: what it blocks is reported as dns/lookup-failed and not judged.
package dnscheck

import (
	"context"

	"github.com/launchgate/launchgate/pkg/check"
)

// The rule IDs of rules/dns.yaml.
const (
	ruleSPFMissing     = "dns/spf-missing"
	ruleSPFMultiple    = "dns/spf-multiple-records"
	ruleSPFPermissive  = "dns/spf-permissive-all"
	ruleSPFLookups     = "dns/spf-too-many-lookups"
	ruleSPFInvalid     = "dns/spf-invalid"
	ruleSPFSoftfail    = "dns/spf-softfail-unenforced"
	ruleSPFPTR         = "dns/spf-ptr"
	ruleDMARCMissing   = "dns/dmarc-missing"
	ruleDMARCNone      = "dns/dmarc-policy-none"
	ruleDMARCPartial   = "dns/dmarc-partial"
	ruleDMARCInvalid   = "dns/dmarc-invalid"
	ruleDMARCNoReports = "dns/dmarc-no-reports"
	ruleDKIMMissing    = "dns/dkim-missing"
	ruleDKIMWeak       = "dns/dkim-weak-key"
	ruleMXInvalid      = "dns/mx-invalid"
	ruleMTASTS         = "dns/mta-sts-missing"
	ruleTLSRPT         = "dns/tls-rpt-missing"
	ruleCAA            = "dns/caa-missing"
	ruleLookupFailed   = "dns/lookup-failed"
)

// Rules lists the rules the check emits.
var Rules = []string{
	ruleSPFMissing, ruleSPFMultiple, ruleSPFPermissive, ruleSPFLookups, ruleSPFInvalid, ruleSPFSoftfail, ruleSPFPTR,
	ruleDMARCMissing, ruleDMARCNone, ruleDMARCPartial, ruleDMARCInvalid, ruleDMARCNoReports,
	ruleDKIMMissing, ruleDKIMWeak, ruleMXInvalid, ruleMTASTS, ruleTLSRPT, ruleCAA, ruleLookupFailed,
}

// New returns the check.
func New() *check.Check {
	return &check.Check{
		Name: "dns",
		Doc: `Email trust and domain hygiene of a sending domain

Looks up the domain's SPF (evaluated with RFC 7208's lookup limits),
DMARC (at the domain or its organizational domain), the DKIM keys of the
given or inferred selectors, its MX hosts, MTA-STS, TLS-RPT and CAA, and
reports what lets mail be forged or delivered in the clear.`,
		Areas: []string{"email", "transport"},
		Rules: Rules,
		Applies: func(t *check.Target) bool {
			return t.DNS != nil
		},
		Run: func(ctx context.Context, t *check.Target, emit func(check.Report)) error {
			return newRun(t.DNS, t.Tally, emit).run(ctx)
		},
	}
}
