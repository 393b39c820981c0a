package secrets

import (
	"fmt"
	stdregexp "regexp"
	"slices"
	"strings"

	"github.com/spf13/viper"
	"github.com/zricethezav/gitleaks/v8/config"
	glregexp "github.com/zricethezav/gitleaks/v8/regexp"
)

// lockFiles are dependency lock files: full of hashes and integrity strings
// that look random and are not secrets. "!" separates an archive from the
// entry inside it in fragment paths.
const lockFiles = `(?:^|[/!])(?:[^/!]*\.lock|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|go\.sum|Cargo\.lock|composer\.lock|Gemfile\.lock|poetry\.lock|Pipfile\.lock|packages\.lock\.json|gradle\.lockfile)$`

// buildConfig assembles the gitleaks configuration: gitleaks' embedded
// default rules and allowlists, then our rules and allowlists merged in.
// It never uses "[extend] useDefault" (see the package doc).
// gitleaks' rule expressions come back apart, by rule ID, to be compiled
// on first use (see deferPatterns); the configuration's rules hold none.
func buildConfig(opts Options) (config.Config, map[string]string, error) {
	vc, err := defaultViperConfig()
	if err != nil {
		return config.Config{}, nil, err
	}
	patterns, err := deferPatterns(&vc)
	if err != nil {
		return config.Config{}, nil, err
	}
	cfg, err := vc.Translate()
	if err != nil {
		return config.Config{}, nil, fmt.Errorf("reading gitleaks' default rules: %w", err)
	}
	takePatterns(&cfg, patterns)

	// Keys their providers issue for browsers are not findings.
	for id := range publicRules {
		delete(cfg.Rules, id)
	}
	cfg.OrderedRules = slices.DeleteFunc(cfg.OrderedRules, func(id string) bool { return publicRules[id] })

	for _, r := range ownRules() {
		if _, dup := cfg.Rules[r.RuleID]; dup {
			return config.Config{}, nil, fmt.Errorf("rule %s is defined by gitleaks and by launchgate", r.RuleID)
		}
		if err := r.Validate(); err != nil {
			return config.Config{}, nil, fmt.Errorf("rule %s: %w", r.RuleID, err)
		}
		cfg.Rules[r.RuleID] = r
		cfg.OrderedRules = append(cfg.OrderedRules, r.RuleID)
		for _, k := range r.Keywords {
			cfg.Keywords[k] = struct{}{}
		}
	}

	if opts.ScanDependencies || opts.ScanLockFiles {
		drop := func(pattern string) bool {
			return (opts.ScanDependencies && (strings.Contains(pattern, "node_modules") || strings.Contains(pattern, "vendor"))) ||
				(opts.ScanLockFiles && strings.Contains(pattern, "lock"))
		}
		if err := dropAllowedPaths(&cfg, drop); err != nil {
			return config.Config{}, nil, err
		}
	}
	var paths []string
	if !opts.ScanLockFiles {
		paths = append(paths, lockFiles)
	}
	for _, p := range opts.AllowPaths {
		if _, err := stdregexp.Compile(p); err != nil {
			return config.Config{}, nil, fmt.Errorf("secret allowlist path %q: %w", p, err)
		}
		paths = append(paths, p)
	}
	if len(paths) == 0 {
		return cfg, patterns, nil
	}
	allow := &config.Allowlist{Description: "launchgate paths"}
	for _, p := range paths {
		allow.Paths = append(allow.Paths, glregexp.MustCompile(p))
	}
	if err := allow.Validate(); err != nil {
		return config.Config{}, nil, fmt.Errorf("secret allowlist: %w", err)
	}
	cfg.Allowlists = append(cfg.Allowlists, allow)
	return cfg, patterns, nil
}

// dropAllowedPaths takes the path patterns drop picks (node_modules,
// vendor, lock files) out of gitleaks' allowlists. An allowlist compiles its
// paths into one pattern when it is validated, so each is rebuilt rather
// than edited in place.
func dropAllowedPaths(cfg *config.Config, drop func(pattern string) bool) error {
	for i, a := range cfg.Allowlists {
		paths := slices.DeleteFunc(slices.Clone(a.Paths), func(re *glregexp.Regexp) bool {
			return drop(re.String())
		})
		if len(paths) == len(a.Paths) {
			continue
		}
		rebuilt := &config.Allowlist{
			Description:    a.Description,
			MatchCondition: a.MatchCondition,
			Commits:        a.Commits,
			Paths:          paths,
			RegexTarget:    a.RegexTarget,
			Regexes:        a.Regexes,
			StopWords:      a.StopWords,
		}
		if err := rebuilt.Validate(); err != nil {
			return fmt.Errorf("gitleaks allowlist %q with fewer paths: %w", a.Description, err)
		}
		cfg.Allowlists[i] = rebuilt
	}
	return nil
}

// defaultViperConfig reads gitleaks' embedded default configuration, its
// patterns still uncompiled.
func defaultViperConfig() (config.ViperConfig, error) {
	v := viper.New()
	v.SetConfigType("toml")
	var vc config.ViperConfig
	if err := v.ReadConfig(strings.NewReader(config.DefaultConfig)); err != nil {
		return vc, fmt.Errorf("reading gitleaks' default rules: %w", err)
	}
	if err := v.Unmarshal(&vc); err != nil {
		return vc, fmt.Errorf("reading gitleaks' default rules: %w", err)
	}
	return vc, nil
}
