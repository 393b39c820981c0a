package probeauth

import (
	"fmt"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
)

// evidence counts what the run verified, for the scorecard's auth and
// tenant rows: the same operations the coverage counts as probed and not
// probed, and every request a correct server refuses, by kind. It is
// guarded by run.mu.
type evidence struct {
	// probed and skipped are operation keys, as the coverage takes them.
	probed, skipped map[string]bool
	// refusedNone counts the probed operations that refused the request
	// without credentials; invalidTried those that were then sent
	// invalid credentials, and refusedInvalid those that refused them all.
	refusedNone, invalidTried, refusedInvalid int
	// crossRefused and crossServed count the reads of one tenant's
	// object sent with another tenant's credentials.
	crossRefused, crossServed int
	// writeRefused and writeAccepted count the writes so sent.
	writeRefused, writeAccepted int
	// listsCompared counts the lists two tenants both read, and
	// listsLeaked those where one held the other's objects.
	listsCompared, listsLeaked int
	// adminOps counts the admin operations sent with a non-admin's
	// credentials, and adminRefused those every non-admin was refused.
	adminOps, adminRefused int
}

func newEvidence() evidence {
	return evidence{probed: map[string]bool{}, skipped: map[string]bool{}}
}

// probedOp records that p was probed, as the coverage does.
func (r *run) probedOp(p *op) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ev.probed[p.key()] = true
	r.lt.Coverage.Probed(p.key())
}

// skippedOp records that p was not probed, and why, as the coverage does.
func (r *run) skippedOp(p *op, why string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ev.skipped[p.key()] = true
	r.lt.Coverage.Skipped(p.key(), why)
}

// count changes the evidence under the run's lock.
func (r *run) count(f func(e *evidence)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(&r.ev)
}

// notProbed counts the operations skipped and never probed.
func (e *evidence) notProbed() int {
	n := 0
	for k := range e.skipped {
		if !e.probed[k] {
			n++
		}
	}
	return n
}

// record tells the tally what the run verified. It names identities and
// tenants, never their credentials.
func (r *run) record(t *check.Tally) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e := &r.ev
	origin := r.lt.Client.Origin()
	if n := len(e.probed); n == 0 {
		t.Unverified("auth", "%s: no operation probed", origin)
	} else {
		line := fmt.Sprintf("%s: %d of %d probed operations refused a request without a token", origin, e.refusedNone, n)
		if e.invalidTried > 0 {
			line += fmt.Sprintf("; %d of %d refused forged and expired tokens", e.refusedInvalid, e.invalidTried)
		} else {
		}
		t.Record("auth", "%s", line)
		if e.invalidTried == 0 {
			t.Unverified("auth", "%s: no forged or expired token tried (needs an identity with a token)", origin)
		}
	}
	if n := e.notProbed(); n > 0 {
		t.Record("auth", "%s: %s not probed (the coverage lists why)", origin, plural(n, "operation"))
	}
	if why := r.seen.refusesAll(); why != "" {
		t.Record("auth", "%s: every answer was the same refusal (%s)", origin, why)
	}

	var users, admins []config.Identity
	for _, id := range r.lt.Identities {
		if id.Admin() {
			admins = append(admins, id)
		} else {
			users = append(users, id)
		}
	}
	who := identities(users)
	switch {
	case tenants(users) < 2:
		t.Unverified("tenant", "%s: cross-tenant reads not tested (needs two identities of two tenants)", who)
	case e.crossRefused+e.crossServed == 0:
		t.Unverified("tenant", "%s: no cross-tenant read sent (no object of one tenant to ask for as another)", who)
	default:
		t.Record("tenant", "%s: %d cross-tenant reads refused, %d served", who, e.crossRefused, e.crossServed)
	}
	if e.listsCompared > 0 {
		t.Record("tenant", "cross-tenant lists: %d compared, %d held another tenant's objects", e.listsCompared, e.listsLeaked)
	}
	if e.writeRefused+e.writeAccepted > 0 {
		t.Record("tenant", "cross-tenant writes: %d refused, %d accepted", e.writeRefused, e.writeAccepted)
	}
	if e.adminOps > 0 {
		t.Record("tenant", "%s: %d of %d admin operations refused to non-admins", adminCount(len(admins)), e.adminRefused, e.adminOps)
	}
}

// identities says how many identities there are, with their names and
// tenants: "2 identities (alice, bob; tenants acme, globex)".
func identities(ids []config.Identity) string {
	if len(ids) == 0 {
		return "no identity"
	}
	if len(ids) == 1 {
		return "1 identity"
	}
	var names, ts []string
	for _, id := range ids {
		names = append(names, id.Name)
		if !slices.Contains(ts, id.Tenant) {
			ts = append(ts, id.Tenant)
		}
	}
	noun := "tenants "
	if len(ts) == 1 {
		noun = "tenant "
	}
	return fmt.Sprintf("%d identities (%s; %s%s)", len(ids), strings.Join(names, ", "), noun, strings.Join(ts, ", "))
}

// tenants counts the distinct tenants of ids.
func tenants(ids []config.Identity) int {
	var ts []string
	for _, id := range ids {
		if !slices.Contains(ts, id.Tenant) {
			ts = append(ts, id.Tenant)
		}
	}
	return len(ts)
}

func adminCount(n int) string {
	switch n {
	case 0:
		return "no admin identity"
	case 1:
		return "1 admin identity"
	}
	return fmt.Sprintf("%d admin identities", n)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
