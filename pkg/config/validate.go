package config

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// methods are the HTTP methods a route pattern may name, besides "*".
var methods = []string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"}

// categories are the rule categories; an ignore or override may name a
// whole one as "category/*".
var categories = []string{"openapi", "secret", "debug", "env", "cors", "transport", "ratelimit", "probe", "dns"}

var (
	ruleIDPattern  = regexp.MustCompile(`^[a-z0-9]+/(\*|[a-z0-9]+(-[a-z0-9]+)*)$`)
	envNamePattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

// problem is an error found after loading, kept with its line so the first
// one in the file is reported.
type problem struct {
	line int
	msg  string
}

type problems []problem

func (ps *problems) add(line int, format string, args ...any) {
	*ps = append(*ps, problem{line, fmt.Sprintf(format, args...)})
}

// first returns the problem that comes first in the file, as an error.
func (ps problems) first(file string) error {
	if len(ps) == 0 {
		return nil
	}
	p := slices.MinFunc(ps, func(a, b problem) int { return cmp.Compare(a.line, b.line) })
	return &Error{File: file, Line: p.line, Msg: p.msg}
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
			ps.add(at(p+".method"), "public route method %q is not an HTTP method (want %s or *)", r.Method, strings.Join(methods, ", "))
		case r.Path == "":
			ps.add(r.Line, "public route %s needs a path", r.Method)
		case !strings.HasPrefix(r.Path, "/"):
			ps.add(at(p+".path"), "public route path %q must start with /", r.Path)
		case strings.TrimSpace(r.Reason) == "":
			ps.add(r.Line, "public route %s %s needs a reason", strings.ToUpper(r.Method), r.Path)
		}
	}
	checkNames(&ps, at, "tenant_params", c.TenantParams)
	for i, a := range c.AdminPaths {
		p := fmt.Sprintf("admin_paths[%d]", i)
		if tag, ok := strings.CutPrefix(a, "tag:"); ok {
			if strings.TrimSpace(tag) == "" {
				ps.add(at(p), "admin_paths: %q names no tag", a)
			}
		} else if !strings.HasPrefix(a, "/") {
			ps.add(at(p), "admin path pattern %q must start with / (or be tag:NAME)", a)
		}
	}
	checkNames(&ps, at, "specs", c.Specs)
	checkNames(&ps, at, "artifacts", c.Artifacts)
	checkNames(&ps, at, "exclude", c.Exclude)
	checkNames(&ps, at, "cors.allowed_origins", c.CORS.AllowedOrigins)
	for i, k := range c.Env.Required {
		if !envNamePattern.MatchString(k) {
			ps.add(at(fmt.Sprintf("env.required[%d]", i)), "env.required: %q is not an environment variable name", k)
		}
	}
	for id := range c.Severity {
		if !ruleIDPattern.MatchString(id) {
			ps.add(at("severity."+id), "severity: %q is not a rule ID (category/name or category/*)", id)
		}
	}
	for _, ig := range c.Ignores {
		checkIgnore(&ps, ig)
	}
	c.Probe.check(&ps, at)
	return ps.first(c.File)
}

func checkIgnore(ps *problems, ig Ignore) {
	switch {
	case ig.Rule == "":
		ps.add(ig.Line, "ignore needs a rule (a rule ID or category/*)")
	case !ruleIDPattern.MatchString(ig.Rule):
		ps.add(ig.Line, "ignore rule %q is not a rule ID (category/name or category/*)", ig.Rule)
	case ig.Path == "" && ig.Fingerprint == "":
		ps.add(ig.Line, "ignore of %s needs a path or a fingerprint", ig.Rule)
	case strings.HasPrefix(ig.Path, "/"):
		ps.add(ig.Line, "ignore path %q must be relative to the scanned folder", ig.Path)
	case strings.TrimSpace(ig.Reason) == "":
		ps.add(ig.Line, "ignore of %s needs a reason", ig.Rule)
	case ig.Expires.IsZero():
		ps.add(ig.Line, "ignore needs an expires date (YYYY-MM-DD)")
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
			ps.add(at(path), "probe identity %q is named twice", id.Name)
		}
		names[id.Name] = true
		for h := range id.Headers {
			if h == "" || strings.ContainsAny(h, " :\r\n") {
				ps.add(at(path+".headers"), "probe identity %q: %q is not a header name", id.Name, h)
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

// routeProblem checks a "METHOD /path" route, saying what is wrong.
func routeProblem(route string) string {
	method, path, ok := strings.Cut(strings.TrimSpace(route), " ")
	path = strings.TrimSpace(path)
	switch {
	case !ok || !validMethod(method) || method == "*":
		return fmt.Sprintf("%q must be METHOD /path, as in \"POST /api/login\"", route)
	case !strings.HasPrefix(path, "/"):
		return fmt.Sprintf("%q: the path must start with /", route)
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
			ps.add(lineOf(c.lines, "severity."+id), "severity: unknown rule %q (launchgate rules lists them)", id)
		}
	}
	for _, ig := range c.Ignores {
		if !ok(ig.Rule) {
			ps.add(ig.Line, "ignore of unknown rule %q (launchgate rules lists them)", ig.Rule)
		}
	}
	return ps.first(c.File)
}
