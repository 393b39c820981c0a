package dnscheck

import (
	"context"
	"errors"
	"fmt"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/spf"
)

// run is one check of one domain. Its steps run one after another: SPF
// first (its includes tell DKIM's providers), MX (its hosts too, and
// whether the domain receives mail), then DMARC, DKIM, MTA-STS, TLS-RPT
// and CAA.
type run struct {
	d    *check.DNS
	emit func(check.Report)
	// tally takes the scorecard's evidence; nil ignores it.
	tally *check.Tally
	// spf is the SPF evaluation; nil when the TXT query failed.
	spf *spf.Result
	// mx is what the MX step learned.
	mx mxResult
	// dmarcEnforces is true when a DMARC record quarantines or rejects.
	dmarcEnforces bool
	// ev holds the one-line summaries for the scorecard.
	ev evidence
}

func newRun(d *check.DNS, tally *check.Tally, emit func(check.Report)) *run {
	if d.Coverage == nil {
		d.Coverage = &check.Coverage{}
	}
	if d.Evidence == nil {
		d.Evidence = &check.Evidence{}
	}
	return &run{d: d, tally: tally, emit: emit}
}

func (r *run) run(ctx context.Context) error {
	r.checkSPF(ctx)
	r.checkMX(ctx)
	r.checkDMARC(ctx)
	r.softfail()
	r.checkDKIM(ctx)
	r.checkMTASTS(ctx)
	r.checkTLSRPT(ctx)
	r.checkCAA(ctx)
	r.record(r.tally)
	r.d.Coverage.Note(fmt.Sprintf("dns: checked %s with %d queries to %v", r.d.Domain, r.d.Resolver.Queries(), r.d.Resolver.Servers()))
	return ctx.Err()
}

// report emits one finding about name's record of type qtype ("TXT"),
// its URL dns://NAME/TYPE, fingerprinted by rule, domain and part.
func (r *run) report(rule, name, qtype, part, msg string) {
	r.emit(check.Report{Rule: rule, URL: "dns://" + name + "/" + qtype, Message: msg,
		Key: rule + "\x00" + r.d.Domain + "\x00" + part})
}

// reportAt is report with the severity sev exactly, whatever the rule's
// default (a rule with two severities, such as +all and ?all).
func (r *run) reportAt(rule, name, qtype, part, msg string, sev finding.Severity) {
	r.emit(check.Report{Rule: rule, URL: "dns://" + name + "/" + qtype, Message: msg,
		Key: rule + "\x00" + r.d.Domain + "\x00" + part, MinSeverity: sev, Capped: true, MaxSeverity: sev})
}

// failed reports that the query behind what could not be checked
// failed: never a pass.
func (r *run) failed(what, name, qtype string, err error) {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		err = fmt.Errorf("the run's time ran out: %w", err)
	}
	r.report(ruleLookupFailed, name, qtype, what, fmt.Sprintf("%s was not checked: %v", what, err))
}
