package portaltest

import (
	"fmt"
	"maps"
	"slices"
	"sync"
)

// Identity is one user of the portal a token is issued to.
type Identity struct {
	Name   string
	Tenant string
	Role   string
	// EnvVar is the environment variable testdata/probe/portal/.launchgate.yml
	// reads the identity's token from.
	EnvVar string
}

// Identities are the portal's users: two tenants' users and one admin of
// the first tenant.
func Identities() []Identity {
	return []Identity{
		{Name: "alice", Tenant: "acme", Role: "user", EnvVar: "ALICE_TOKEN"},
		{Name: "bob", Tenant: "globex", Role: "user", EnvVar: "BOB_TOKEN"},
		{Name: "root", Tenant: "acme", Role: "admin", EnvVar: "ADMIN_TOKEN"},
	}
}

// record is one stored object. "id" and "tenant" are always strings.
type record map[string]any

func (r record) id() string     { s, _ := r["id"].(string); return s }
func (r record) tenant() string { s, _ := r["tenant"].(string); return s }

// collection is one kind of object, of every tenant.
type collection struct {
	// prefix starts every ID: inv for invoices.
	prefix string
	// writable are the fields a create or an update copies from the body.
	writable []string
	items    []record
	created  int
}

// store holds the portal's objects; every handler goes through its lock.
type store struct {
	mu    sync.Mutex
	kinds map[string]*collection
}

// find returns the object of kind with id, and a copy safe to serve.
func (s *store) find(kind, id string) (record, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.kinds[kind].items {
		if r.id() == id {
			return maps.Clone(r), true
		}
	}
	return nil, false
}

// list returns copies of kind's objects that keep says to.
func (s *store) list(kind string, keep func(record) bool) []record {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []record{}
	for _, r := range s.kinds[kind].items {
		if keep(r) {
			out = append(out, maps.Clone(r))
		}
	}
	return out
}

// create adds an object of kind to tenant with the writable fields of
// body, and returns it.
func (s *store) create(kind, tenant string, body map[string]any) record {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.kinds[kind]
	c.created++
	r := record{"id": fmt.Sprintf("%s_%s_new%d", c.prefix, tenant, c.created), "tenant": tenant}
	copyWritable(r, body, c.writable)
	c.items = append(c.items, r)
	return maps.Clone(r)
}

// update copies the writable fields of body into the object with id.
func (s *store) update(kind, id string, body map[string]any) (record, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.kinds[kind]
	for _, r := range c.items {
		if r.id() == id {
			copyWritable(r, body, c.writable)
			return maps.Clone(r), true
		}
	}
	return nil, false
}

// remove deletes the object with id.
func (s *store) remove(kind, id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.kinds[kind]
	i := slices.IndexFunc(c.items, func(r record) bool { return r.id() == id })
	if i < 0 {
		return false
	}
	c.items = slices.Delete(c.items, i, i+1)
	return true
}

// copyWritable copies the string and number fields named in writable.
func copyWritable(dst record, body map[string]any, writable []string) {
	for _, f := range writable {
		switch v := body[f].(type) {
		case string, float64, bool:
			dst[f] = v
		}
	}
}

// seed returns the portal's objects: tenant acme's (IDs ending a1, a2…)
// and tenant globex's (b1, b2…). Every object names its tenant and its
// tenant's company, so a body served to the wrong tenant shows whose it is.
func seed() *store {
	acme := record{"tenant": "acme", "company": "Acme Corp"}
	globex := record{"tenant": "globex", "company": "Globex Corporation"}
	obj := func(base record, fields record) record {
		r := maps.Clone(base)
		maps.Copy(r, fields)
		return r
	}
	return &store{kinds: map[string]*collection{
		"invoices": {prefix: "inv", writable: []string{"customer", "amount_cents", "currency"}, items: []record{
			obj(acme, record{"id": "inv_a1", "number": "ACME-2026-0001", "customer": "Acme Corp", "amount_cents": 125000, "currency": "EUR", "status": "paid"}),
			obj(acme, record{"id": "inv_a2", "number": "ACME-2026-0002", "customer": "Acme Corp", "amount_cents": 98000, "currency": "EUR", "status": "open"}),
			obj(globex, record{"id": "inv_b1", "number": "GLOBEX-2026-0001", "customer": "Globex Corporation", "amount_cents": 410000, "currency": "USD", "status": "open"}),
			obj(globex, record{"id": "inv_b2", "number": "GLOBEX-2026-0002", "customer": "Globex Corporation", "amount_cents": 15500, "currency": "USD", "status": "paid"}),
		}},
		"projects": {prefix: "prj", writable: []string{"name", "status"}, items: []record{
			obj(acme, record{"id": "prj_a1", "name": "Acme website relaunch", "status": "active"}),
			obj(acme, record{"id": "prj_a2", "name": "Acme data migration", "status": "planned"}),
			obj(globex, record{"id": "prj_b1", "name": "Globex ERP rollout", "status": "active"}),
		}},
		"tickets": {prefix: "tkt", writable: []string{"subject", "priority"}, items: []record{
			obj(acme, record{"id": "tkt_a1", "subject": "Acme: invoice PDF shows old address", "priority": "normal", "status": "open"}),
			obj(acme, record{"id": "tkt_a2", "subject": "Acme: add a second billing contact", "priority": "low", "status": "closed"}),
			obj(globex, record{"id": "tkt_b1", "subject": "Globex: SSO login loops", "priority": "high", "status": "open"}),
			obj(globex, record{"id": "tkt_b2", "subject": "Globex: export to CSV", "priority": "normal", "status": "open"}),
		}},
		"files": {prefix: "fil", writable: []string{"name"}, items: []record{
			obj(acme, record{"id": "fil_a1", "name": "acme-contract-2026.pdf", "bytes": 48213}),
			obj(globex, record{"id": "fil_b1", "name": "globex-statement-of-work.pdf", "bytes": 77120}),
		}},
		"users": {prefix: "usr", items: []record{
			obj(acme, record{"id": "usr_a1", "name": "Alice Archer", "email": "alice@acme.example", "role": "user"}),
			obj(acme, record{"id": "usr_a2", "name": "Rita Root", "email": "root@acme.example", "role": "admin"}),
			obj(globex, record{"id": "usr_b1", "name": "Bob Baker", "email": "bob@globex.example", "role": "user"}),
		}},
	}}
}
