// Package config reads and validates .launchgate.yml.
//
// Load turns the file into a Config and reports the first problem as one
// line naming the file and line; Validate then checks rule IDs against the
// catalog, which this package does not import. The zero Config is the
// default configuration: its methods supply the defaults (tenant parameter
// names, admin path patterns) so a missing file and an empty one behave the
// same.
package config

import (
	"strings"
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
	// owner (tenantId, orgId, …). They add to DefaultTenantParams.
	TenantParams []string `yaml:"tenant_params"`
	// AdminPaths are path patterns (or tags, written "tag:admin") of
	// operations only administrators may call. When set they replace
	// DefaultAdminPaths, so a project whose /admin is not an admin area can
	// say so; see IsAdminPath.
	AdminPaths []string `yaml:"admin_paths"`
	// Specs and Artifacts add to what scan reads when flags don't say.
	Specs     []string `yaml:"specs"`
	Artifacts []string `yaml:"artifacts"`
	// Exclude are path patterns under the root that scan never reads.
	Exclude []string `yaml:"exclude"`
	Env     Env      `yaml:"env"`
	CORS    CORS     `yaml:"cors"`
	Secrets Secrets  `yaml:"secrets"`
	// Severity overrides a rule's severity: rule ID (or "category/*") →
	// severity.
	Severity map[string]finding.Severity `yaml:"severity"`
	Ignores  []Ignore                    `yaml:"ignores"`
	Probe    Probe                       `yaml:"probe"`
	DNS      DNS                         `yaml:"dns"`
	// Monitoring declares uptime monitors kept outside the repository (in
	// a vendor's UI), where monitors-as-code cannot be read.
	Monitoring Monitoring `yaml:"monitoring"`
	Limits     Limits     `yaml:"limits"`

	// lines maps value paths ("severity.openapi/x") to lines, for the
	// errors Validate reports after loading.
	lines map[string]int
}

// Limits move the bounds scan reads within, for a project whose spec,
// files or build archives are legitimately bigger; zero keeps the default.
// What a limit stops is reported as a finding, never skipped in silence.
type Limits struct {
	// MaxSpecBytes bounds one OpenAPI document (its $refs together may
	// take twice that).
	MaxSpecBytes int `yaml:"max_spec_bytes"`
	// MaxFileBytes bounds one file of the tree.
	MaxFileBytes int `yaml:"max_file_bytes"`
	// MaxArtifactBytes bounds one build artifact file or archive member,
	// decompressed.
	MaxArtifactBytes int `yaml:"max_artifact_bytes"`
	// MaxArchiveBytes bounds everything decompressed from one archive,
	// nested archives included.
	MaxArchiveBytes int `yaml:"max_archive_bytes"`
	// MaxArchiveEntries bounds the members read from one archive.
	MaxArchiveEntries int `yaml:"max_archive_entries"`
	// MaxArchiveDepth is how many archive levels are opened.
	MaxArchiveDepth int `yaml:"max_archive_depth"`
}

// PublicRoute declares a route public, with the reason.
type PublicRoute struct {
	// Method is an HTTP method or "*" for any.
	Method string `yaml:"method"`
	// Path is a path pattern: literal segments, {param} or * for one
	// segment, ** for any number.
	Path   string `yaml:"path"`
	Reason string `yaml:"reason"`
	// Line is where the route was written in the config file.
	Line int `yaml:"-"`
}

// Env lists production environment expectations.
type Env struct {
	Required []string `yaml:"required"`
}

// Secrets tunes the secrets check.
type Secrets struct {
	// ScanFixtures also reads test code and test-fixture folders
	// (*_test.go, *.test.ts, testdata, fixtures, __mocks__, …), which are
	// skipped by default because their keys are fakes made for tests.
	ScanFixtures bool `yaml:"scan_fixtures"`
	// ScanLockFiles also reads dependency lock files (package-lock.json,
	// yarn.lock, go.sum, …), which are skipped by default.
	ScanLockFiles bool `yaml:"scan_lock_files"`
	// ScanDependencies also reads vendor and node_modules folders, in the
	// tree and in build output, which are skipped by default.
	ScanDependencies bool `yaml:"scan_dependencies"`
}

// CORS lists the origins browsers may call the API from.
type CORS struct {
	AllowedOrigins []string `yaml:"allowed_origins"`
}

// Ignore suppresses findings of a rule at a path or with a fingerprint,
// for a reason, until it expires.
type Ignore struct {
	// Rule is a rule ID or a whole category written "openapi/*".
	Rule string `yaml:"rule"`
	// Path is a glob over the finding's file, relative to the root with /;
	// ** spans folders.
	Path        string `yaml:"path"`
	Fingerprint string `yaml:"fingerprint"`
	Reason      string `yaml:"reason"`
	// Expires is the end (23:59:59 UTC) of the day written in the file.
	Expires time.Time `yaml:"expires"`
	// File and Line say where the ignore was written, for notes about it.
	File string `yaml:"-"`
	Line int    `yaml:"-"`
}

// Probe configures the live probe.
type Probe struct {
	// Identities are users of different tenants; headers may hold ${NAME},
	// which the probe expands from the environment.
	Identities []Identity `yaml:"identities"`
	// Objects maps a tenant to the object IDs it owns, by path-parameter
	// name.
	Objects map[string]map[string]string `yaml:"objects"`
	// Login is the "METHOD /path" the rate-limit probe targets.
	Login string `yaml:"login"`
	// Critical are "METHOD /path" routes measured for latency.
	Critical []string `yaml:"critical"`
	// LatencyBudgetMS is the p95 budget; zero means the default, 500.
	LatencyBudgetMS int `yaml:"latency_budget_ms"`
	// Health is the "METHOD /path" of the health route; default: the
	// spec's.
	Health string `yaml:"health"`
	// HTTPURL is where plain HTTP is tried; default: --url with http://
	// on port 80.
	HTTPURL string `yaml:"http_url"`
}

// DNS configures launchgate dns.
type DNS struct {
	// Domain is the sending domain checked when the command names none.
	Domain string `yaml:"domain"`
	// DKIMSelectors are the selectors whose keys are looked up; when
	// empty they are inferred from the providers SPF and MX reveal.
	DKIMSelectors []string `yaml:"dkim_selectors"`
}

// Monitoring declares the uptime monitoring of a project whose monitors
// are configured outside the repository.
type Monitoring struct {
	// Provider names the monitoring service ("Better Stack").
	Provider string `yaml:"provider"`
	// URL is where the monitors can be seen (an https status or dashboard
	// page); optional.
	URL string `yaml:"url"`
	// Reason says why the monitors are not kept as code.
	Reason string `yaml:"reason"`
	// Line is where the monitoring key is written; zero when the file
	// declares no monitoring.
	Line int `yaml:"-"`
}

// Declared reports whether the config file declares monitoring.
func (m Monitoring) Declared() bool { return m.Line > 0 }

// Identity is one user the probe acts as.
type Identity struct {
	Name   string `yaml:"name"`
	Tenant string `yaml:"tenant"`
	// Role "admin" marks an identity that may call admin operations;
	// every other identity must be refused there.
	Role    string            `yaml:"role"`
	Headers map[string]string `yaml:"headers"`
}

// Admin reports whether the identity has the admin role.
func (i Identity) Admin() bool { return strings.EqualFold(strings.TrimSpace(i.Role), "admin") }

// Version is the only config file format version there is.
const Version = 1

// FileName is the config file scan looks for at the root of a checkout.
const FileName = ".launchgate.yml"

// Default returns the configuration used when there is no config file.
func Default() *Config {
	return &Config{Version: Version}
}

// LineOf is the line of the file where the value at path is written
// ("probe.login", "dns.domain"; for a section such as "probe", the line
// of its first key), or 0 when the file does not set it.
func (c *Config) LineOf(path string) int { return c.lines[path] }
