// Package config reads and validates .launchgate.yml.
package config

import (
	"time"

	"github.com/launchgate/launchgate/pkg/finding"
)

// Config is the content of .launchgate.yml. The zero value is the default
// configuration.
type Config struct {
	// File is where the config was read from ("" when defaults are used).
	File string `yaml:"-"`

	Version int `yaml:"version"`
	// PublicRoutes are routes meant to be reachable without authentication.
	PublicRoutes []PublicRoute `yaml:"public_routes"`
	// TenantParams are parameter names that scope a request to a tenant or
	// owner (tenantId, orgId, …).
	TenantParams []string `yaml:"tenant_params"`
	// AdminPaths are path patterns (or tags, written "tag:admin") of
	// operations only administrators may call. Default: /admin.
	AdminPaths []string `yaml:"admin_paths"`
	// Specs and Artifacts add to what scan reads when flags don't say.
	Specs     []string `yaml:"specs"`
	Artifacts []string `yaml:"artifacts"`
	// Exclude are path patterns under the root that scan never reads.
	Exclude []string `yaml:"exclude"`
	Env     Env      `yaml:"env"`
	CORS    CORS     `yaml:"cors"`
	// Severity overrides a rule's severity: rule ID → severity.
	Severity map[string]finding.Severity `yaml:"severity"`
	Ignores  []Ignore                    `yaml:"ignores"`
	Probe    Probe                       `yaml:"probe"`
}

// PublicRoute declares a route public, with the reason.
type PublicRoute struct {
	// Method is an HTTP method or "*" for any.
	Method string `yaml:"method"`
	// Path is a path pattern: literal segments, {param} or * for one
	// segment, ** for any number.
	Path   string `yaml:"path"`
	Reason string `yaml:"reason"`
	Line   int    `yaml:"-"`
}

// Env lists production environment expectations.
type Env struct {
	Required []string `yaml:"required"`
}

// CORS lists the origins browsers may call the API from.
type CORS struct {
	AllowedOrigins []string `yaml:"allowed_origins"`
}

// Ignore suppresses findings of a rule at a path or with a fingerprint,
// for a reason, until it expires.
type Ignore struct {
	Rule        string    `yaml:"rule"`
	Path        string    `yaml:"path"`
	Fingerprint string    `yaml:"fingerprint"`
	Reason      string    `yaml:"reason"`
	Expires     time.Time `yaml:"expires"`
	Line        int       `yaml:"-"`
}

// Probe configures the live probe.
type Probe struct {
	Identities      []Identity                   `yaml:"identities"`
	Objects         map[string]map[string]string `yaml:"objects"`
	Login           string                       `yaml:"login"`
	Critical        []string                     `yaml:"critical"`
	LatencyBudgetMS int                          `yaml:"latency_budget_ms"`
}

// Identity is one user the probe acts as.
type Identity struct {
	Name    string            `yaml:"name"`
	Tenant  string            `yaml:"tenant"`
	Headers map[string]string `yaml:"headers"`
}
