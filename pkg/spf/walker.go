package spf

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
)

// walker holds the state of one evaluation.
type walker struct {
	r       Resolver
	res     *Result
	limit   int
	queries int
	// stopped is set once the query cap or the context ended querying; the
	// first blocked query is recorded, the rest are skipped silently.
	stopped bool
	// reported dedupes problems met twice when a record is included from
	// two places.
	reported map[Problem]bool
}

func newWalker(r Resolver, o Options, res *Result) *walker {
	limit := o.MaxQueries
	if limit <= 0 {
		limit = DefaultMaxQueries
	}
	return &walker{r: r, res: res, limit: limit, reported: map[Problem]bool{}}
}

// problem records a problem once.
func (w *walker) problem(rule string, sev finding.Severity, term, domain, msg string) {
	p := Problem{Rule: rule, Severity: sev, Term: term, Domain: domain, Message: msg}
	if w.reported[p] {
		return
	}
	w.reported[p] = true
	w.res.Problems = append(w.res.Problems, p)
}

// lookup runs one query under the cap. ok is false when the query was not
// answered: it failed (recorded in TempErrors) or was not sent.
func lookup[T any](ctx context.Context, w *walker, qtype, name string, f func(context.Context, string) ([]T, error)) (answer []T, ok bool) {
	if w.stopped {
		return nil, false
	}
	query := qtype + " " + name
	if err := ctx.Err(); err != nil {
		w.stopped = true
		w.res.TempErrors = append(w.res.TempErrors, TempError{Query: query, Err: err})
		return nil, false
	}
	if w.queries >= w.limit {
		w.stopped = true
		w.res.TempErrors = append(w.res.TempErrors, TempError{Query: query, Err: ErrQueryLimit})
		return nil, false
	}
	w.queries++
	answer, err := f(ctx, name)
	if err != nil {
		w.res.TempErrors = append(w.res.TempErrors, TempError{Query: query, Err: err})
		return nil, false
	}
	return answer, true
}

// walk evaluates rec, the record of node, and returns the all it ends in.
// path holds the canonical domains from the root to node, for loops.
func (w *walker) walk(ctx context.Context, node *Tree, rec *Record, path []string) FinalAll {
	node.Record = rec.Text
	var (
		all   *Term
		after []string
	)
	for i := range rec.Terms {
		t := &rec.Terms[i]
		if t.Modifier {
			continue
		}
		if all != nil {
			after = append(after, t.Text)
			continue
		}
		if t.CausesLookup() {
			node.Lookups++
		}
		w.mechanism(ctx, node, t, path)
		if t.Name == "all" {
			all = t
		}
	}
	if len(after) > 0 {
		node.Notes = append(node.Notes, "never evaluated, after all: "+strings.Join(after, " "))
	}
	final := FinalAll{Qualifier: Neutral, Domain: node.Domain, Implicit: true}
	if all != nil {
		final = FinalAll{Qualifier: all.Qualifier, Domain: node.Domain}
	}
	if redirect, ok := rec.Modifier("redirect"); ok {
		if all != nil {
			node.Notes = append(node.Notes, "ignored because the record has all: "+redirect.Text)
		} else {
			node.Lookups++
			final = w.redirect(ctx, node, redirect, path)
		}
	}
	node.Total = node.Lookups
	for _, c := range node.Children {
		node.Total += c.Total
	}
	return final
}

// mechanism evaluates one mechanism of node's record.
func (w *walker) mechanism(ctx context.Context, node *Tree, t *Term, path []string) {
	if t.Macro {
		node.Notes = append(node.Notes, "counted, not resolved: macros are not expanded: "+t.Text)
		switch t.Name {
		case "ptr":
			w.ptr(node, t)
		case "include":
			w.res.TempErrors = append(w.res.TempErrors, TempError{Query: t.Text, Err: ErrNotExpanded})
		}
		return
	}
	target := node.Domain
	if t.Value != "" {
		target = canonical(t.Value)
	}
	switch t.Name {
	case "include":
		w.include(ctx, node, t, target, path)
	case "a", "exists":
		addrs, ok := lookup(ctx, w, "A/AAAA", target, w.r.Addrs)
		if ok && len(addrs) == 0 {
			w.void(node, t)
		}
	case "mx":
		names, ok := lookup(ctx, w, "MX", target, w.r.MX)
		if ok && len(names) == 0 {
			w.void(node, t)
		}
		if len(names) > MaxMXNames {
			w.problem(RuleTooManyLookups, finding.High, t.Text, node.Domain, fmt.Sprintf(
				"%s has %d mail exchangers, over the %d receivers look up: the mx term gives a permanent error",
				target, len(names), MaxMXNames))
		}
	case "ptr":
		w.ptr(node, t)
	case "ip4", "ip6":
		if t.Net.Bits() == 0 && t.Qualifier == Pass {
			w.problem(RulePermissiveAll, finding.Critical, t.Text, node.Domain,
				t.Text+" matches every address of its family: it works as +all")
		}
	}
}

// ptr reports a ptr term.
func (w *walker) ptr(node *Tree, t *Term) {
	node.Notes = append(node.Notes, "counted, not resolved: ptr depends on the connecting address: "+t.Text)
	w.problem(RulePTR, finding.Medium, t.Text, node.Domain,
		"ptr is slow and unreliable and RFC 7208 §5.5 says not to use it; list the senders with ip4:, ip6: or include:")
}

// void counts a lookup of a, mx or exists that returned nothing.
func (w *walker) void(node *Tree, t *Term) {
	node.VoidTerms = append(node.VoidTerms, t.Text)
	w.res.VoidLookups++
}

// include follows an include term and reports a target whose record lets
// every sender pass, since the include then matches everyone.
func (w *walker) include(ctx context.Context, node *Tree, t *Term, target string, path []string) {
	child := &Tree{Domain: target, Via: t.Text}
	node.Children = append(node.Children, child)
	rec, ok := w.follow(ctx, child, *t, path)
	if !ok {
		return
	}
	f := w.walk(ctx, child, rec, append(path[:len(path):len(path)], target))
	if f.Qualifier == Pass && !f.Implicit && t.Qualifier == Pass {
		w.problem(RulePermissiveAll, finding.Critical, t.Text, node.Domain, fmt.Sprintf(
			"%s ends in +all (in %s), so this include matches every server on the internet", t.Text, f.Domain))
	}
}

// redirect follows a redirect modifier and returns the all the target ends
// in, or an unknown one when it cannot be followed.
func (w *walker) redirect(ctx context.Context, node *Tree, t Term, path []string) FinalAll {
	if t.Macro {
		node.Notes = append(node.Notes, "counted, not followed: macros are not expanded: "+t.Text)
		w.res.TempErrors = append(w.res.TempErrors, TempError{Query: t.Text, Err: ErrNotExpanded})
		return FinalAll{}
	}
	target := canonical(t.Value)
	child := &Tree{Domain: target, Via: t.Text}
	node.Children = append(node.Children, child)
	rec, ok := w.follow(ctx, child, t, path)
	if !ok {
		return FinalAll{}
	}
	return w.walk(ctx, child, rec, append(path[:len(path):len(path)], target))
}

// follow checks an include or redirect target for loops and depth, then
// fetches its record.
func (w *walker) follow(ctx context.Context, child *Tree, t Term, path []string) (*Record, bool) {
	for i, d := range path {
		if d == child.Domain {
			chain := strings.Join(append(path[i:len(path):len(path)], d), " -> ")
			child.Err = fmt.Errorf("loop: %s", chain)
			w.problem(RuleInvalid, finding.High, t.Text, path[len(path)-1], fmt.Sprintf(
				"%s loops back (%s): receivers give a permanent error", t.Text, chain))
			return nil, false
		}
	}
	if len(path) > MaxDepth {
		child.Err = fmt.Errorf("not followed: nested more than %d levels deep", MaxDepth)
		w.problem(RuleInvalid, finding.High, t.Text, path[len(path)-1], child.Err.Error())
		return nil, false
	}
	return w.fetchRecord(ctx, child, t, path[len(path)-1])
}

// fetchRecord fetches and parses the SPF record of node's domain. t is the
// include or redirect that led there from the record of parent; both are
// zero at the root. A problem with t is reported at parent, whose record
// holds it; a problem inside the fetched record at node's domain.
func (w *walker) fetchRecord(ctx context.Context, node *Tree, t Term, parent string) (*Record, bool) {
	root := parent == ""
	txts, ok := lookup(ctx, w, "TXT", node.Domain, w.r.TXT)
	if !ok {
		node.Err = fmt.Errorf("TXT %s could not be fetched", node.Domain)
		return nil, false
	}
	if len(txts) == 0 && t.Name == "include" {
		node.Void = true
		w.res.VoidLookups++
	}
	var spfs []string
	for _, txt := range txts {
		if IsSPF(txt) {
			spfs = append(spfs, txt)
		}
	}
	if root {
		w.res.Records = spfs[:min(len(spfs), maxRecordsKept)]
	}
	switch {
	case len(spfs) == 0 && root:
		node.Err = fmt.Errorf("no v=spf1 record")
		w.problem(RuleMissing, finding.High, "", node.Domain, fmt.Sprintf(
			"%s publishes no v=spf1 TXT record: receivers cannot tell its mail from forgeries", node.Domain))
		return nil, false
	case len(spfs) == 0:
		node.Err = fmt.Errorf("no v=spf1 record")
		w.problem(RuleInvalid, finding.High, t.Text, parent, fmt.Sprintf(
			"%s points at %s, which publishes no v=spf1 record: receivers give a permanent error", t.Text, node.Domain))
		return nil, false
	case len(spfs) > 1:
		node.Err = fmt.Errorf("%d v=spf1 records", len(spfs))
		at := parent
		if root {
			at = node.Domain
		}
		w.problem(RuleMultipleRecords, finding.High, t.Text, at, fmt.Sprintf(
			"%s publishes %d v=spf1 records; there must be exactly one, or receivers give a permanent error", node.Domain, len(spfs)))
		return nil, false
	}
	node.Record = spfs[0]
	rec, err := Parse(spfs[0])
	if err != nil {
		node.Err = err
		var pe *ParseError
		term := ""
		if errors.As(err, &pe) {
			term = pe.Term
		}
		w.problem(RuleInvalid, finding.High, term, node.Domain, fmt.Sprintf(
			"the SPF record of %s is invalid, so receivers give a permanent error: %v", node.Domain, err))
		return nil, false
	}
	return rec, true
}
