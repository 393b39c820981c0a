package dnscheck

import (
	"context"
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/mtasts"
)

// checkMTASTS judges the MTA-STS record and policy of a domain that
// receives mail: no record, a policy that does not load or parse, one in
// testing mode, or one that leaves an MX host out.
func (r *run) checkMTASTS(ctx context.Context) {
	if !r.mx.receives() {
		return
	}
	d := r.d.Domain
	name := "_mta-sts." + d
	txts, _, err := r.d.Resolver.TXT(ctx, name)
	if err != nil {
		r.failed("MTA-STS", name, "TXT", err)
		r.ev.mtasts = "MTA-STS not looked up (the lookup failed)"
		return
	}
	var rec string
	for _, t := range txts {
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(t)), "v=stsv1") {
			rec = t
			break
		}
	}
	if rec == "" {
		r.ev.mtasts = "no MTA-STS record"
		r.report(ruleMTASTS, name, "TXT", "record",
			fmt.Sprintf("%s receives mail but publishes no MTA-STS record at %s: senders deliver in the clear when STARTTLS is stripped", d, name))
		return
	}
	if _, err := mtasts.ParseRecord(rec); err != nil {
		r.ev.mtasts = "an MTA-STS record that does not parse"
		r.report(ruleMTASTS, name, "TXT", "record", fmt.Sprintf("the MTA-STS record at %s does not parse: %v", name, err))
		return
	}
	host := "mta-sts." + d
	url := "https://" + host + "/.well-known/mta-sts.txt"
	if r.d.FetchPolicy == nil {
		r.ev.mtasts = "MTA-STS record set, policy not fetched"
		r.d.Coverage.Note("dns: the MTA-STS policy at " + url + " was not fetched")
		return
	}
	body, err := r.d.FetchPolicy(ctx, host)
	if err != nil {
		r.ev.mtasts = "MTA-STS record set, policy does not load"
		r.report(ruleMTASTS, host, "HTTPS", "policy", fmt.Sprintf("the MTA-STS policy at %s does not load: %v", url, err))
		return
	}
	pol, err := mtasts.ParsePolicy(body)
	if err != nil {
		r.ev.mtasts = "MTA-STS record set, policy does not parse"
		r.report(ruleMTASTS, host, "HTTPS", "policy", fmt.Sprintf("the MTA-STS policy at %s does not parse: %v", url, err))
		return
	}
	lines := []string{"record at " + name + ": " + rec, "policy at " + url + ": mode " + pol.Mode}
	r.ev.mtasts = "MTA-STS mode " + pol.Mode
	uncovered := 0
	defer func() {
		if uncovered > 0 {
			r.ev.mtasts += fmt.Sprintf(" (%d MX not covered)", uncovered)
		}
	}()
	if pol.Mode != "enforce" {
		r.report(ruleMTASTS, host, "HTTPS", "mode",
			fmt.Sprintf("the MTA-STS policy at %s is in mode %s: senders report failures but still deliver in the clear; set mode: enforce", url, pol.Mode))
	}
	for _, mx := range r.mx.hosts {
		if !pol.Matches(mx) {
			r.report(ruleMTASTS, host, "HTTPS", "mx "+mx,
				fmt.Sprintf("the MTA-STS policy at %s does not list MX %s: in enforce mode senders refuse to deliver there", url, mx))
			lines = append(lines, "MX "+mx+": not covered by the policy")
			uncovered++
		}
	}
	r.d.Evidence.Add("MTA-STS of "+d, lines)
}

// checkTLSRPT reports a domain that receives mail without a TLS-RPT
// record.
func (r *run) checkTLSRPT(ctx context.Context) {
	if !r.mx.receives() {
		return
	}
	name := "_smtp._tls." + r.d.Domain
	txts, _, err := r.d.Resolver.TXT(ctx, name)
	if err != nil {
		r.failed("TLS-RPT", name, "TXT", err)
		r.ev.tlsrpt = "TLS-RPT not looked up (the lookup failed)"
		return
	}
	for _, t := range txts {
		if !strings.HasPrefix(strings.ToLower(strings.TrimSpace(t)), "v=tlsrptv1") {
			continue
		}
		r.ev.tlsrpt = "TLS-RPT set"
		if _, err := mtasts.ParseTLSRPT(t); err != nil {
			r.ev.tlsrpt = "a TLS-RPT record that does not parse"
			r.report(ruleTLSRPT, name, "TXT", "record", fmt.Sprintf("the TLS-RPT record at %s does not parse: %v", name, err))
		}
		return
	}
	r.ev.tlsrpt = "no TLS-RPT record"
	r.report(ruleTLSRPT, name, "TXT", "record",
		fmt.Sprintf("%s receives mail but publishes no TLS-RPT record at %s: failed TLS deliveries go unreported", r.d.Domain, name))
}
