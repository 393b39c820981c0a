package spf

import (
	"context"
	"fmt"

	"github.com/launchgate/launchgate/pkg/finding"
)

// Options tune an evaluation.
type Options struct {
	// MaxQueries caps the DNS queries of one evaluation, so a hostile zone
	// cannot make it unbounded; 0 means DefaultMaxQueries. Each query
	// after the first answers one counted term, so the cap is only reached
	// by a policy far over MaxLookups.
	MaxQueries int
}

// Evaluate fetches domain's TXT records, selects the v=spf1 one and walks
// it: every include and redirect is fetched and parsed in turn (up to
// MaxDepth levels, loops detected by domain), the DNS-querying terms and
// void lookups of the whole tree are counted, each mx term's exchanges are
// looked up, and a and exists terms are resolved to tell void lookups.
// Mechanisms after all are not evaluated, and redirect= is followed only
// when the record has no all, as receivers do. The exchanges an mx term
// yields are counted, not resolved. Terms with macros are counted but not
// expanded; an include or redirect with macros is listed in TempErrors,
// since what it points at was not checked. ptr terms are counted but not
// resolved: they depend on the connecting address.
//
// Evaluate never fails: what it could not check is in Result.TempErrors.
func Evaluate(ctx context.Context, r Resolver, domain string, o Options) *Result {
	d := canonical(domain)
	res := &Result{Domain: d}
	if err := checkDomain(d); err != nil {
		res.TempErrors = append(res.TempErrors, TempError{Query: "domain", Err: fmt.Errorf("cannot evaluate SPF: %w", err)})
		return res
	}
	w := newWalker(r, o, res)
	root := &Tree{Domain: d}
	res.Tree = root
	rec, ok := w.fetchRecord(ctx, root, Term{}, "")
	if !ok {
		return res
	}
	res.FinalAll = w.walk(ctx, root, rec, []string{d})
	w.judgeFinalAll(d, res.FinalAll)
	res.Lookups = root.Total
	w.judgeTotals()
	return res
}

// judgeFinalAll reports a final all that lets senders pass or leaves them
// neutral.
func (w *walker) judgeFinalAll(domain string, f FinalAll) {
	via := ""
	if f.Domain != domain {
		via = fmt.Sprintf(" (reached from %s through redirect=)", domain)
	}
	switch {
	case f.Qualifier == Pass:
		w.problem(RulePermissiveAll, finding.Critical, "+all", f.Domain,
			"the policy ends in +all"+via+": every server on the internet may send as this domain")
	case f.Qualifier == Neutral && f.Implicit:
		w.problem(RulePermissiveAll, finding.High, "", f.Domain,
			"the policy has no all mechanism"+via+": unlisted senders get neutral, as with ?all, and receivers accept them")
	case f.Qualifier == Neutral:
		w.problem(RulePermissiveAll, finding.High, "?all", f.Domain,
			"the policy ends in ?all"+via+": unlisted senders get neutral and receivers accept them")
	}
}

// judgeTotals reports the limits of RFC 7208 §4.6.4 on the whole tree.
func (w *walker) judgeTotals() {
	res := w.res
	if res.Lookups > MaxLookups {
		w.problem(RuleTooManyLookups, finding.High, "", res.Domain, fmt.Sprintf(
			"the policy needs %d DNS lookups, over the limit of %d: receivers give a permanent error and SPF fails for all mail",
			res.Lookups, MaxLookups))
	}
	if res.VoidLookups > MaxVoidLookups {
		w.problem(RuleTooManyLookups, finding.High, "", res.Domain, fmt.Sprintf(
			"%d lookups of the policy return nothing, over the limit of %d void lookups: receivers give a permanent error",
			res.VoidLookups, MaxVoidLookups))
	}
}
