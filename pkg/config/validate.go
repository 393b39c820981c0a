package config

import (
	"cmp"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/redact"
)

// methods are the HTTP methods a route pattern may name, besides "*".
var methods = []string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"}

// categories are the rule categories; an ignore or override may name a
// whole one as "category/*".
var categories = []string{"openapi", "secret", "debug", "env", "cors", "transport", "ratelimit", "probe", "dns", "monitoring"}

var (
	ruleIDPattern  = regexp.MustCompile(`^[a-z0-9]+/(\*|[a-z0-9]+(-[a-z0-9]+)*)$`)
	envNamePattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

// problem is one mistake in the file, kept with its line so that all of
// them can be reported in file order.
type problem struct {
	line int
	msg  string
}

type problems []problem

func (ps *problems) add(line int, format string, args ...any) {
	*ps = append(*ps, problem{line, fmt.Sprintf(format, args...)})
}

// maxReported bounds how many problems one error lists: enough for every
// mistake of a real file, few enough that a generated one cannot flood the
// log.
const maxReported = 25

// err returns every problem, in file order, as one error: an *Error when
// there is one, Errors when there are more.
func (ps problems) err(file string) error {
	if len(ps) == 0 {
		return nil
	}
	sorted := slices.Clone(ps)
	slices.SortStableFunc(sorted, func(a, b problem) int { return cmp.Compare(a.line, b.line) })
	var out Errors
	for i, p := range sorted {
		if i == maxReported {
			out = append(out, &Error{File: file, Msg: fmt.Sprintf("and %d more problems", len(sorted)-maxReported)})
			break
		}
		out = append(out, &Error{File: file, Line: p.line, Msg: p.msg})
	}
	if len(out) == 1 {
		return out[0]
	}
	return out
}

// check reports what Load can tell is wrong without the rule catalog.
func (c *Config) check(lines map[string]int) error {
	var ps problems
	at := func(path string) int { return lineOf(lines, path) }
	if c.Version != Version {
		ps.add(at("version"), "version must be %d, not %d", Version, c.Version)
	}
	for i, r := range c.PublicRoutes {
		p := fmt.Sprintf("public_routes[%d]", i)
		switch {
		case r.Method == "":
			ps.add(r.Line, "public route needs a method (GET, POST, … or *)")
		case !validMethod(r.Method):
			ps.add(at(p+".method"), "public route method %s is not an HTTP method (want %s or *)", redact.Quote(r.Method), strings.Join(methods, ", "))
		case r.Path == "":
			ps.add(r.Line, "public route %s needs a path", redact.Quote(r.Method))
		case !strings.HasPrefix(r.Path, "/"):
			ps.add(at(p+".path"), "public route path %s must start with /", redact.Quote(r.Path))
		case strings.TrimSpace(r.Reason) == "":
			ps.add(r.Line, "public route %s %s needs a reason", strings.ToUpper(r.Method), r.Path)
		}
	}
	checkNames(&ps, at, "tenant_params", c.TenantParams)
	for i, a := range c.AdminPaths {
		p := fmt.Sprintf("admin_paths[%d]", i)
		if tag, ok := strings.CutPrefix(a, "tag:"); ok {
			if strings.TrimSpace(tag) == "" {
				ps.add(at(p), "admin_paths: %s names no tag", redact.Quote(a))
			}
		} else if !strings.HasPrefix(a, "/") {
			ps.add(at(p), "admin path pattern %s must start with / (or be tag:NAME)", redact.Quote(a))
		}
	}
	checkNames(&ps, at, "specs", c.Specs)
	checkNames(&ps, at, "artifacts", c.Artifacts)
	checkNames(&ps, at, "exclude", c.Exclude)
	checkNames(&ps, at, "cors.allowed_origins", c.CORS.AllowedOrigins)
	for i, k := range c.Env.Required {
		if !envNamePattern.MatchString(k) {
			ps.add(at(fmt.Sprintf("env.required[%d]", i)), "env.required: %s is not an environment variable name", redact.Quote(k))
		}
	}
	for id := range c.Severity {
		if !ruleIDPattern.MatchString(id) {
			ps.add(at("severity."+id), "severity: %s is not a rule ID (category/name or category/*)", redact.Quote(id))
		}
	}
	for _, ig := range c.Ignores {
		checkIgnore(&ps, ig)
	}
	c.Probe.check(&ps, at)
	c.DNS.check(&ps, at)
	c.Monitoring.check(&ps, at)
	c.Limits.check(&ps, at)
	return ps.err(c.File)
}

func checkIgnore(ps *problems, ig Ignore) {
	switch {
	case ig.Rule == "":
		ps.add(ig.Line, "ignore needs a rule (a rule ID or category/*)")
	case !ruleIDPattern.MatchString(ig.Rule):
		ps.add(ig.Line, "ignore rule %s is not a rule ID (category/name or category/*)", redact.Quote(ig.Rule))
	case ig.Path == "" && ig.Fingerprint == "":
		ps.add(ig.Line, "ignore of %s needs a path or a fingerprint", ig.Rule)
	case strings.HasPrefix(ig.Path, "/"):
		ps.add(ig.Line, "ignore path %s must be relative to the scanned folder", redact.Quote(ig.Path))
	case strings.TrimSpace(ig.Reason) == "":
		ps.add(ig.Line, "ignore of %s needs a reason", ig.Rule)
	case ig.Expires.IsZero():
		ps.add(ig.Line, "ignore needs an expires date (YYYY-MM-DD)")
	}
}

// maxLimitBytes is the most any byte limit may be raised to: past it, a
// scan would need more memory than a CI runner has.
const maxLimitBytes = 8 << 30

func (l Limits) check(ps *problems, at func(string) int) {
	for _, v := range []struct {
		key     string
		value   int
		highest int
	}{
		{"max_spec_bytes", l.MaxSpecBytes, maxLimitBytes},
		{"max_file_bytes", l.MaxFileBytes, maxLimitBytes},
		{"max_artifact_bytes", l.MaxArtifactBytes, maxLimitBytes},
		{"max_archive_bytes", l.MaxArchiveBytes, maxLimitBytes},
		{"max_archive_entries", l.MaxArchiveEntries, 100_000_000},
		{"max_archive_depth", l.MaxArchiveDepth, 16},
	} {
		switch {
		case v.value < 0:
			ps.add(at("limits."+v.key), "limits.%s must not be negative", v.key)
		case v.value > v.highest:
			ps.add(at("limits."+v.key), "limits.%s may be at most %d", v.key, v.highest)
		}
	}
}

func (p *Probe) check(ps *problems, at func(string) int) {
	names := map[string]bool{}
	for i, id := range p.Identities {
		path := fmt.Sprintf("probe.identities[%d]", i)
		switch {
		case strings.TrimSpace(id.Name) == "":
			ps.add(at(path), "probe identity needs a name")
		case names[id.Name]:
			ps.add(at(path), "probe identity %s is named twice", redact.Quote(id.Name))
		}
		names[id.Name] = true
		for h := range id.Headers {
			if h == "" || strings.ContainsAny(h, " :\r\n") {
				ps.add(at(path+".headers"), "probe identity %s: %s is not a header name", redact.Quote(id.Name), redact.Quote(h))
			}
		}
	}
	if p.Login != "" {
		if msg := routeProblem(p.Login); msg != "" {
			ps.add(at("probe.login"), "probe.login: %s", msg)
		}
	}
	for i, r := range p.Critical {
		if msg := routeProblem(r); msg != "" {
			ps.add(at(fmt.Sprintf("probe.critical[%d]", i)), "probe.critical: %s", msg)
		}
	}
	if p.LatencyBudgetMS < 0 {
		ps.add(at("probe.latency_budget_ms"), "probe.latency_budget_ms must not be negative")
	}
}

func (d DNS) check(ps *problems, at func(string) int) {
	if d.Domain != "" {
		if msg := DomainProblem(d.Domain); msg != "" {
			ps.add(at("dns.domain"), "dns.domain: %s", msg)
		}
	}
	for i, s := range d.DKIMSelectors {
		if msg := SelectorProblem(s); msg != "" {
			ps.add(at(fmt.Sprintf("dns.dkim_selectors[%d]", i)), "dns.dkim_selectors: %s", msg)
		}
	}
}

func (m *Monitoring) check(ps *problems, at func(string) int) {
	if !m.Declared() {
		return
	}
	if strings.TrimSpace(m.Provider) == "" {
		ps.add(at("monitoring"), "monitoring needs a provider (the service the monitors live in, such as \"Better Stack\")")
	}
	if strings.TrimSpace(m.Reason) == "" {
		ps.add(at("monitoring"), "monitoring needs a reason (why the monitors are not kept as code)")
	}
	if m.URL != "" {
		u, err := url.Parse(m.URL)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			ps.add(at("monitoring.url"), "monitoring.url %s must be an https:// URL", redact.Quote(trimmed(m.URL)))
		}
	}
}

// maxDomain is the longest domain name DNS carries, without the root dot.
const maxDomain = 253

// DomainProblem says what is wrong with name as a domain to check: ""
// for a name of at least two labels of letters, digits and hyphens (no
// leading or trailing hyphen), each at most 63 bytes, 253 in all. A
// trailing dot is allowed. Non-ASCII names must be given in their
// xn-- form.
func DomainProblem(name string) string {
	n := strings.TrimSuffix(name, ".")
	switch {
	case n == "":
		return "the domain is empty"
	case len(n) > maxDomain:
		return fmt.Sprintf("%s is longer than %d bytes", redact.Quote(trimmed(n)), maxDomain)
	case !strings.Contains(n, "."):
		return fmt.Sprintf("%s is not a domain name (want one like portal.example.com)", redact.Quote(n))
	}
	for _, l := range strings.Split(n, ".") {
		if msg := labelProblem(l); msg != "" {
			return fmt.Sprintf("%s: %s", redact.Quote(trimmed(n)), msg)
		}
	}
	return ""
}

// SelectorProblem says what is wrong with a DKIM selector: "" for one
// or more dot-separated labels as DomainProblem allows (underscores too,
// as some providers use).
func SelectorProblem(sel string) string {
	if sel == "" {
		return "a selector is empty"
	}
	if len(sel) > 63*4 {
		return fmt.Sprintf("selector %s is too long", redact.Quote(trimmed(sel)))
	}
	for _, l := range strings.Split(sel, ".") {
		if msg := labelProblem(strings.ReplaceAll(l, "_", "-")); msg != "" {
			return fmt.Sprintf("selector %s: %s", redact.Quote(trimmed(sel)), msg)
		}
	}
	return ""
}

// labelProblem checks one DNS label.
func labelProblem(l string) string {
	switch {
	case l == "":
		return "an empty label (two dots in a row)"
	case len(l) > 63:
		return "a label longer than 63 bytes"
	case l[0] == '-' || l[len(l)-1] == '-':
		return fmt.Sprintf("label %s starts or ends with a hyphen", redact.Quote(l))
	}
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case c >= 0x80:
			return fmt.Sprintf("label %s is not ASCII: write it in its xn-- form", redact.Quote(l))
		case !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'):
			return fmt.Sprintf("label %s holds %q, which a host name cannot", redact.Quote(l), rune(c))
		}
	}
	return ""
}

// trimmed keeps at most 80 bytes of s for a message.
func trimmed(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// routeProblem checks a "METHOD /path" route, saying what is wrong.
func routeProblem(route string) string {
	method, path, ok := strings.Cut(strings.TrimSpace(route), " ")
	path = strings.TrimSpace(path)
	switch {
	case !ok || !validMethod(method) || method == "*":
		return fmt.Sprintf("%s must be METHOD /path, as in \"POST /api/login\"", redact.Quote(route))
	case !strings.HasPrefix(path, "/"):
		return fmt.Sprintf("%s: the path must start with /", redact.Quote(route))
	}
	return ""
}

func checkNames(ps *problems, at func(string) int, key string, values []string) {
	for i, v := range values {
		if strings.TrimSpace(v) == "" {
			ps.add(at(fmt.Sprintf("%s[%d]", key, i)), "%s: entry %d is empty", key, i+1)
		}
	}
}

func validMethod(m string) bool {
	return m == "*" || slices.Contains(methods, strings.ToUpper(m))
}

// Validate checks the rule IDs the file names (severity overrides and
// ignores) against the catalog, through known, which reports whether a
// rule ID exists. A "category/*" entry needs a known category.
func (c *Config) Validate(known func(id string) bool) error {
	var ps problems
	ok := func(id string) bool {
		if cat, ok := strings.CutSuffix(id, "/*"); ok {
			return slices.Contains(categories, cat)
		}
		return known(id)
	}
	for id := range c.Severity {
		if !ok(id) {
			ps.add(lineOf(c.lines, "severity."+id), "severity: unknown rule %s (the rules command lists them)", redact.Quote(id))
		}
	}
	for _, ig := range c.Ignores {
		if !ok(ig.Rule) {
			ps.add(ig.Line, "ignore of unknown rule %s (the rules command lists them)", redact.Quote(ig.Rule))
		}
	}
	return ps.err(c.File)
}
