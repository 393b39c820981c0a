package config

import (
	"slices"
	"strings"
)

// DefaultAdminPaths returns the admin patterns used when the file sets
// none: any path with an "admin" segment, and operations tagged admin.
func DefaultAdminPaths() []string {
	return []string{"/**/admin/**", "tag:admin"}
}

// DefaultTenantParams returns the parameter names that scope a request to
// a tenant or owner out of the box. clientId is left out on purpose: it
// usually names an OAuth client, not a tenant.
func DefaultTenantParams() []string {
	return []string{
		"tenantId", "tenant_id",
		"orgId", "org_id",
		"organizationId", "organization_id",
		"accountId", "account_id",
		"workspaceId", "workspace_id",
		"companyId", "company_id",
		"customerId", "customer_id",
		"teamId", "team_id",
	}
}

// PublicRoute returns the first public route declared for method and path,
// an OpenAPI path template such as /invoices/{invoiceId}. See MatchRoute
// for how patterns match.
func (c *Config) PublicRoute(method, path string) (PublicRoute, bool) {
	if c == nil {
		return PublicRoute{}, false
	}
	for _, r := range c.PublicRoutes {
		if MatchRoute(r.Method, r.Path, method, path) {
			return r, true
		}
	}
	return PublicRoute{}, false
}

// MatchRoute reports whether the route pattern (patMethod, patPath) covers
// the operation (method, path). The method matches exactly, ignoring case,
// or through "*". Path segments match literally (case counts); a segment
// that is a whole {param}, or *, matches any one segment, so
// /invoices/{id} covers /invoices/{invoiceId}; ** matches any number of
// segments, none included. Trailing slashes don't count.
func MatchRoute(patMethod, patPath, method, path string) bool {
	if patMethod != "*" && !strings.EqualFold(patMethod, method) {
		return false
	}
	return matchRoutePath(patPath, path)
}

func matchRoutePath(pattern, path string) bool {
	return matchSegments(split(pattern), split(path), func(p, s string) bool {
		return p == "*" || isParam(p) || p == s
	})
}

// isParam reports whether a segment is one whole {param}.
func isParam(seg string) bool {
	return len(seg) >= 2 && seg[0] == '{' && seg[len(seg)-1] == '}' &&
		!strings.ContainsAny(seg[1:len(seg)-1], "{}")
}

// IsAdminPath reports whether an operation at path with tags is an admin
// operation: its path matches a pattern of AdminPaths (or of
// DefaultAdminPaths when the file sets none), or one of its tags matches a
// "tag:NAME" entry, ignoring case.
func (c *Config) IsAdminPath(path string, tags []string) bool {
	var patterns []string
	if c != nil {
		patterns = c.AdminPaths
	}
	if len(patterns) == 0 {
		patterns = DefaultAdminPaths()
	}
	for _, p := range patterns {
		if name, ok := strings.CutPrefix(p, "tag:"); ok {
			if slices.ContainsFunc(tags, func(t string) bool { return strings.EqualFold(t, name) }) {
				return true
			}
			continue
		}
		if matchRoutePath(p, path) {
			return true
		}
	}
	return false
}

// IsTenantParam reports whether a parameter name scopes a request to a
// tenant or owner: one of DefaultTenantParams or of TenantParams, ignoring
// case.
func (c *Config) IsTenantParam(name string) bool {
	is := func(p string) bool { return strings.EqualFold(p, name) }
	if slices.ContainsFunc(DefaultTenantParams(), is) {
		return true
	}
	return c != nil && slices.ContainsFunc(c.TenantParams, is)
}
