package probeauth

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/launchgate/launchgate/pkg/probe/params"
)

// listLeaks compares each pair of identities of different tenants on
// every list both could read: B's list must hold none of A's objects.
// A's objects are the IDs probe.objects gives for A's tenant, and the IDs
// of A's own list where A's list and B's differ (two lists that are the
// same for both hold what every tenant shares, such as plans).
func (r *run) listLeaks() {
	for _, p := range r.ops {
		if !p.list() || !p.secured || p.admin {
			continue
		}
		reported, compared := false, false
		for _, a := range r.lt.Identities {
			for _, b := range r.lt.Identities {
				if reported || a.Tenant == b.Tenant || a.Admin() || b.Admin() {
					continue
				}
				ra, rb := r.lists[a.Name][p.key()], r.lists[b.Name][p.key()]
				if ra == nil || rb == nil {
					continue
				}
				compared = true
				idsA, idsB := values(params.Harvest(ra.Body, maxHarvested)), values(params.Harvest(rb.Body, maxHarvested))
				owned := configured(r.cfg.Probe.Objects[a.Tenant])
				if !slices.Equal(idsA, idsB) {
					owned = append(owned, idsA...)
				}
				var leaked []string
				for _, v := range idsB {
					if slices.Contains(owned, v) && !slices.Contains(configured(r.cfg.Probe.Objects[b.Tenant]), v) && !slices.Contains(leaked, v) {
						leaked = append(leaked, v)
					}
				}
				if len(leaked) == 0 {
					continue
				}
				reported = true
				r.report(r.newReport(ruleListLeak, p, p.o.Path,
					fmt.Sprintf("%s: the list %s (tenant %s) gets holds %d object(s) of tenant %s (%s)",
						p.key(), b.Name, b.Tenant, len(leaked), a.Tenant, strings.Join(first(leaked, 3), ", "))))
			}
		}
		if compared {
			r.count(func(e *evidence) {
				e.listsCompared++
				if reported {
					e.listsLeaked++
				}
			})
		}
	}
}

// values joins the harvested values of every field, sorted and distinct.
func values(h map[string][]string) []string {
	var out []string
	for _, vs := range h {
		out = append(out, vs...)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// configured lists the values of a tenant's probe.objects.
func configured(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func first(xs []string, n int) []string {
	if len(xs) > n {
		return xs[:n]
	}
	return xs
}
