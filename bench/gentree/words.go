package main

import (
	"math"
	"math/rand/v2"
	"strings"
)

// The vocabulary of a B2B portal codebase. Words that gitleaks keys its
// rules on (key, token, secret, password, auth, api) are common on purpose:
// they make a scanner run its regular expressions the way a real tree does.
var (
	nouns = []string{
		"invoice", "tenant", "customer", "portal", "user", "account", "session",
		"token", "key", "secret", "password", "auth", "config", "cache", "client",
		"request", "response", "order", "payment", "subscription", "report",
		"export", "webhook", "audit", "role", "permission", "project", "document",
		"upload", "notification", "email", "billing", "plan", "usage", "metric",
		"event", "queue", "worker", "job", "schedule", "contract", "quote",
		"ticket", "comment", "attachment", "team", "member", "invite", "org",
		"workspace", "dashboard", "widget", "filter", "search", "index", "record",
		"ledger", "credit", "refund", "tax", "currency", "address", "contact",
		"profile", "avatar", "setting", "feature", "flag", "limit", "quota",
		"region", "bucket", "object", "file", "folder", "share", "link", "api",
		"endpoint", "route", "handler", "service", "store", "repo", "model",
		"schema", "field", "value", "status", "state", "error", "result", "page",
		"cursor", "batch", "sync", "import", "mapping", "template", "message",
		"channel", "provider", "credential", "certificate", "signature", "nonce",
		"header", "cookie", "scope", "grant", "policy", "rule", "approval",
	}
	verbs = []string{
		"get", "list", "create", "update", "delete", "fetch", "load", "save",
		"build", "parse", "render", "validate", "resolve", "sync", "send",
		"notify", "refresh", "revoke", "rotate", "issue", "verify", "check",
		"apply", "merge", "export", "import", "upload", "download", "archive",
		"restore", "compute", "format", "normalize", "encode", "decode", "sign",
		"authorize", "approve", "reject", "schedule", "cancel", "retry", "track",
	}
	adjectives = []string{
		"active", "pending", "default", "current", "primary", "shared", "public",
		"private", "internal", "external", "recent", "archived", "billable",
		"monthly", "annual", "expired", "valid", "remote", "local", "cached",
		"signed", "draft", "final", "partial", "total", "max", "min", "next",
	}
	sentenceWords = []string{
		"the", "portal", "returns", "a", "list", "of", "invoices", "for", "each",
		"tenant", "and", "uses", "cached", "results", "when", "available", "this",
		"handler", "checks", "that", "caller", "owns", "requested", "project",
		"before", "it", "writes", "anything", "to", "store", "we", "keep", "old",
		"format", "until", "all", "clients", "have", "moved", "new", "endpoint",
		"errors", "are", "logged", "with", "request", "id", "so", "support", "can",
		"trace", "them", "later", "token", "expires", "after", "one", "hour",
		"refresh", "runs", "in", "background", "worker", "sends", "email",
		"receipts", "customers", "on", "enterprise", "plan", "see", "billing",
		"docs", "details", "limits", "apply", "per", "organization", "not", "user",
	}
	hosts = []string{
		"api.acme-portal.example", "billing.internal", "auth.acme-portal.example",
		"cdn.acme-portal.example", "queue.internal", "search.internal",
		"metrics.internal", "files.acme-portal.example",
	}
	services = []string{
		"billing", "identity", "tenants", "invoices", "notifications", "reports",
		"search", "files", "audit", "gateway", "webhooks", "scheduler",
	}
)

// gen is a seeded source of realistic names and text. Every generator takes
// one, so the same seed yields the same bytes.
type gen struct {
	r *rand.Rand
}

func newGen(seed, stream uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, stream))}
}

func (g *gen) intn(n int) int { return g.r.IntN(n) }

// between returns a number in [lo, hi].
func (g *gen) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + g.r.IntN(hi-lo+1)
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// logUniform returns a size between lo and hi whose logarithm is uniform,
// so small files are common and large ones rare, as in real trees.
func (g *gen) logUniform(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	f := float64(lo) * math.Exp(g.r.Float64()*math.Log(float64(hi)/float64(lo)))
	return min(max(int(f), lo), hi)
}

func (g *gen) words(n int, from []string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = g.pick(from)
	}
	return out
}

// camel returns a lowerCamel identifier of two or three portal words.
func (g *gen) camel() string {
	parts := g.identParts()
	for i := 1; i < len(parts); i++ {
		parts[i] = title(parts[i])
	}
	return strings.Join(parts, "")
}

// pascal returns an UpperCamel type name.
func (g *gen) pascal() string {
	parts := g.identParts()
	for i := range parts {
		parts[i] = title(parts[i])
	}
	return strings.Join(parts, "")
}

// snake returns a snake_case identifier.
func (g *gen) snake() string { return strings.Join(g.identParts(), "_") }

// screaming returns a SCREAMING_SNAKE constant name.
func (g *gen) screaming() string { return strings.ToUpper(g.snake()) }

func (g *gen) identParts() []string {
	switch g.intn(4) {
	case 0:
		return []string{g.pick(verbs), g.pick(nouns)}
	case 1:
		return []string{g.pick(adjectives), g.pick(nouns)}
	case 2:
		return []string{g.pick(nouns), g.pick(nouns)}
	default:
		return []string{g.pick(verbs), g.pick(adjectives), g.pick(nouns)}
	}
}

// sentence returns a lower-case phrase of a few words, for messages and
// comments.
func (g *gen) sentence(lo, hi int) string {
	return strings.Join(g.words(g.between(lo, hi), sentenceWords), " ")
}

// route returns an API path such as /api/v1/tenants/{tenantId}/invoices.
func (g *gen) route() string {
	var b strings.Builder
	b.WriteString("/api/v")
	b.WriteByte(byte('1' + g.intn(3)))
	for range g.between(1, 3) {
		n := g.pick(nouns)
		b.WriteString("/" + n + "s")
		if g.chance(0.5) {
			b.WriteString("/{" + n + "Id}")
		}
	}
	return b.String()
}

// url returns an https URL on one of the portal's hosts.
func (g *gen) url() string { return "https://" + g.pick(hosts) + g.route() }

// chars returns n characters from the given alphabet.
func (g *gen) chars(n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.intn(len(alphabet))]
	}
	return string(b)
}

const (
	lowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789"
	mixedAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	base64Std  = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	hexDigits  = "0123456789abcdef"
)

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
