package openapi

import (
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/spec"
)

// credential is one alternative of a security requirement as a set of
// items: each scheme name, and each scheme:scope pair. A caller who holds
// the items of alternative B can satisfy alternative A when A ⊆ B.
type credential []string

// credentialOf folds a requirement into its sorted, de-duplicated items.
func credentialOf(r spec.Requirement) credential {
	var items []string
	for _, u := range r.Schemes {
		items = append(items, u.Name)
		for _, s := range u.Scopes {
			items = append(items, u.Name+"\x00"+s)
		}
	}
	slices.Sort(items)
	return slices.Compact(items)
}

// subsetOf reports whether every item of c is in other: whoever can satisfy
// other can satisfy c.
func (c credential) subsetOf(other credential) bool {
	for _, item := range c {
		if _, found := slices.BinarySearch(other, item); !found {
			return false
		}
	}
	return true
}

func (c credential) key() string { return strings.Join(c, "\x01") }

// ordinaryCredential is a credential ordinary routes accept, with one
// route that accepts it for the message.
type ordinaryCredential struct {
	cred    credential
	example string
}

// adminWithoutRole reports admin operations (BFLA) that an ordinary user's
// credentials satisfy: some alternative of the admin route asks for nothing
// beyond what an ordinary authenticated route asks for. An admin route with
// an extra scope or a scheme ordinary routes don't use is fine. A document
// with no ordinary authenticated route has nothing to compare with and
// stays quiet.
func adminWithoutRole(rc *ruleContext) {
	admin := make([]bool, len(rc.ops))
	var ordinary []ordinaryCredential
	seen := map[string]int{}
	for i, f := range rc.ops {
		admin[i] = rc.cfg.IsAdminPath(f.op.Path, f.op.Tags)
		if admin[i] {
			rc.ev.admin++
			if f.auth == authRequired && !f.public {
				rc.ev.adminRole++
			}
		}
		if admin[i] || f.auth != authRequired || f.public {
			continue
		}
		for _, r := range f.sec.Requirements {
			c := credentialOf(r)
			k := c.key()
			if i, ok := seen[k]; ok {
				// A plain read makes the clearest example in a message.
				if f.op.Method == "GET" && !strings.HasPrefix(ordinary[i].example, "GET ") {
					ordinary[i].example = f.op.Key()
				}
				continue
			}
			seen[k] = len(ordinary)
			ordinary = append(ordinary, ordinaryCredential{cred: c, example: f.op.Key()})
		}
	}
	if len(ordinary) == 0 {
		return
	}
	for i, f := range rc.ops {
		if !admin[i] || f.auth != authRequired || f.public {
			continue
		}
		if alt, o, ok := weakAdminAlternative(f.sec, ordinary); ok {
			rc.ev.adminRole--
			rc.report(rc.opReport(ruleAdminWithoutRole, f.op,
				f.op.Key()+" is an admin operation, but an ordinary user's credentials satisfy it: it accepts "+describeRequirement(alt)+
					", and so does "+o.example+"; require an admin scope or role, or a separate admin scheme"))
		}
	}
}

// weakAdminAlternative finds an alternative of sec that some ordinary
// credential satisfies.
func weakAdminAlternative(sec *spec.Security, ordinary []ordinaryCredential) (spec.Requirement, ordinaryCredential, bool) {
	for _, r := range sec.Requirements {
		c := credentialOf(r)
		if len(c) == 0 {
			continue
		}
		for _, o := range ordinary {
			if c.subsetOf(o.cred) {
				return r, o, true
			}
		}
	}
	return spec.Requirement{}, ordinaryCredential{}, false
}
