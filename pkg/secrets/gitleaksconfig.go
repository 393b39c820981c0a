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
func buildConfig(opts Options) (config.Config, error) {
	v := viper.New()
	v.SetConfigType("toml")
	if err := v.ReadConfig(strings.NewReader(config.DefaultConfig)); err != nil {
		return config.Config{}, fmt.Errorf("reading gitleaks' default rules: %w", err)
	}
	var vc config.ViperConfig
	if err := v.Unmarshal(&vc); err != nil {
		return config.Config{}, fmt.Errorf("reading gitleaks' default rules: %w", err)
	}
	cfg, err := vc.Translate()
	if err != nil {
		return config.Config{}, fmt.Errorf("reading gitleaks' default rules: %w", err)
	}

	// Keys their providers issue for browsers are not findings.
	for id := range publicRules {
		delete(cfg.Rules, id)
	}
	cfg.OrderedRules = slices.DeleteFunc(cfg.OrderedRules, func(id string) bool { return publicRules[id] })

	for _, r := range ownRules() {
		if _, dup := cfg.Rules[r.RuleID]; dup {
			return config.Config{}, fmt.Errorf("rule %s is defined by gitleaks and by launchgate", r.RuleID)
		}
		if err := r.Validate(); err != nil {
			return config.Config{}, fmt.Errorf("rule %s: %w", r.RuleID, err)
		}
		cfg.Rules[r.RuleID] = r
		cfg.OrderedRules = append(cfg.OrderedRules, r.RuleID)
		for _, k := range r.Keywords {
			cfg.Keywords[k] = struct{}{}
		}
	}

	paths := []string{lockFiles}
	for _, p := range opts.AllowPaths {
		if _, err := stdregexp.Compile(p); err != nil {
			return config.Config{}, fmt.Errorf("secret allowlist path %q: %w", p, err)
		}
		paths = append(paths, p)
	}
	allow := &config.Allowlist{Description: "launchgate paths"}
	for _, p := range paths {
		allow.Paths = append(allow.Paths, glregexp.MustCompile(p))
	}
	if err := allow.Validate(); err != nil {
		return config.Config{}, fmt.Errorf("secret allowlist: %w", err)
	}
	cfg.Allowlists = append(cfg.Allowlists, allow)
	return cfg, nil
}
