package openapi

import (
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
)

// evidence counts what the rules verified in the documents of a target,
// for the scorecard: the rule functions fill it as they decide, so the
// counts are the rules' own verdicts, not a second reading of the spec.
type evidence struct {
	// docs are the documents counted; name is the first one's file.
	docs int
	name string
	// ops are the operations; authed those whose effective security
	// names a defined scheme; public those declared public otherwise.
	ops, authed, public int
	// objects are the authenticated, non-admin operations that address
	// an object by ID, key or query parameter; scoped those of them that
	// declare a tenant or ownership check.
	objects, scoped int
	// admin are the admin operations; adminRole those that require more
	// than an ordinary route's credentials.
	admin, adminRole int
	// servers are the distinct servers written; https those served over
	// https, plain those over plain http (relative, local and templated
	// ones are the rest).
	servers, https, plain int
	// schemes are the defined security schemes; queryKeys the used apiKey
	// schemes sent in the query; basic the HTTP Basic or Digest ones.
	schemes, queryKeys, basic int
	// sensitive are the sign-in, token, reset and sign-up operations;
	// limited those that declare a 429 or a rate limit; kinds what they
	// are, once each, in the order met.
	sensitive, limited int
	kinds              []string
	// health is the first health route met ("GET /healthz"); healthDocs
	// the documents that declare one.
	health     string
	healthDocs int
}

// add folds one document's evidence into e.
func (e *evidence) add(d *evidence) {
	if e.docs == 0 {
		e.name = d.name
	}
	e.docs += d.docs
	e.ops += d.ops
	e.authed += d.authed
	e.public += d.public
	e.objects += d.objects
	e.scoped += d.scoped
	e.admin += d.admin
	e.adminRole += d.adminRole
	e.servers += d.servers
	e.https += d.https
	e.plain += d.plain
	e.schemes += d.schemes
	e.queryKeys += d.queryKeys
	e.basic += d.basic
	e.sensitive += d.sensitive
	e.limited += d.limited
	for _, k := range d.kinds {
		e.addKind(k)
	}
	if e.health == "" {
		e.health = d.health
	}
	e.healthDocs += d.healthDocs
}

// addKind notes a kind of sensitive operation once.
func (e *evidence) addKind(k string) {
	for _, have := range e.kinds {
		if have == k {
			return
		}
	}
	e.kinds = append(e.kinds, k)
}

// record writes the evidence into t, one line per area and fact; the
// lines name the document when there is one and count the documents
// otherwise. unread are the documents that could not be loaded: every
// area says so, since none of their operations was checked.
func (e *evidence) record(t *check.Tally, unread []string) {
	areas := []string{"auth", "tenant", "transport", "ratelimit", "monitoring"}
	if len(unread) > 0 {
		for _, a := range areas {
			t.Record(a, "%s not loaded (%s), so none of its operations was checked", countOrName(unread, "spec document"), ruleInvalidDocument)
		}
	}
	if e.docs == 0 {
		return
	}
	what := e.name
	if e.docs > 1 {
		what = strconv.Itoa(e.docs) + " spec documents"
	}
	t.Record("auth", "%s: %d of %s declare%s auth; %d declared public (%s or config public routes)",
		what, e.authed, plural(e.ops, "operation"), pluralVerb(e.authed), e.public, extPublic)

	admin := "no admin operations"
	if e.admin > 0 {
		admin = strconv.Itoa(e.adminRole) + " of " + plural(e.admin, "admin operation") + " require" + pluralVerb(e.adminRole) + " a role or scope"
	}
	t.Record("tenant", "%s: %s take%s an object ID; %d declare%s a tenant or ownership check; %s",
		what, plural(e.objects, "operation"), pluralVerb(e.objects), e.scoped, pluralVerb(e.scoped), admin)

	switch {
	case e.servers == 0:
		t.Record("transport", "%s: no servers declared", what)
	case e.https == e.servers:
		t.Record("transport", "%s: %s, all https", what, plural(e.servers, "server"))
	default:
		parts := []string{strconv.Itoa(e.https) + " https", strconv.Itoa(e.plain) + " plain http"}
		if rest := e.servers - e.https - e.plain; rest > 0 {
			parts = append(parts, strconv.Itoa(rest)+" relative, local or templated")
		}
		t.Record("transport", "%s: %s: %s", what, plural(e.servers, "server"), strings.Join(parts, ", "))
	}
	t.Record("transport", "%s: %s; %d send%s an API key in the query; %d use%s HTTP Basic or Digest",
		what, plural(e.schemes, "security scheme"), e.queryKeys, pluralVerb(e.queryKeys), e.basic, pluralVerb(e.basic))

	if e.sensitive == 0 {
		t.Record("ratelimit", "%s: no sensitive operations (login, token, password reset, sign-up, one-time code, magic link)", what)
	} else {
		t.Record("ratelimit", "%s: %s (%s); %d declare%s a 429 or rate limit",
			what, plural(e.sensitive, "sensitive operation"), strings.Join(e.kinds, ", "), e.limited, pluralVerb(e.limited))
	}

	switch {
	case e.healthDocs == 0:
		t.Record("monitoring", "%s: no health route declared", what)
	case e.docs == 1:
		t.Record("monitoring", "%s: health route %s declared", what, e.health)
	default:
		t.Record("monitoring", "%s: %d declare%s a health route (%s)", what, e.healthDocs, pluralVerb(e.healthDocs), e.health)
	}
}

// countOrName names the only item, or counts them.
func countOrName(items []string, noun string) string {
	if len(items) == 1 {
		return items[0]
	}
	return plural(len(items), noun)
}
