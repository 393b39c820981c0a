package scan

import (
	"path/filepath"
	"strings"

	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
)

// anchorKeys are the configuration settings whose line a live finding
// without a spec operation is shown on, by rule: the setting that made
// the probe look. Other rules fall back to the probe section.
var anchorKeys = map[string][]string{
	"ratelimit/login-not-throttled": {"probe.login"},
	"probe/health-endpoint-down":    {"probe.health"},
	"probe/latency-over-budget":     {"probe.critical", "probe.latency_budget_ms"},
	"transport/http-not-redirected": {"probe.http_url"},
}

// sectionKeys are where a section's findings go when their rule has no
// setting of its own: the DNS check's on the domain it checked.
var sectionKeys = map[string][]string{
	"dns": {"dns.domain", "dns"},
}

// AnchorToConfig gives each finding of fs without a file a place in the
// repository for code scanning: the line of cfg's setting for its rule,
// else of its section (probe or dns), in the config file when that lies
// under root; else, when fallback names a file under root (the spec the
// probe replayed), its first line. Findings keep their URL; nothing
// changes without such a file.
func AnchorToConfig(fs []finding.Finding, cfg *config.Config, root, section, fallback string) {
	rel := ""
	if cfg != nil && cfg.File != "" {
		rel = under(root, cfg.File)
	}
	for i := range fs {
		f := &fs[i]
		if f.File != "" {
			continue
		}
		if rel == "" {
			if fallback != "" {
				f.AnchorFile, f.AnchorLine = fallback, 1
			}
			continue
		}
		line := 0
		keys := append(append([]string(nil), anchorKeys[f.RuleID]...), sectionKeys[section]...)
		for _, key := range append(keys, section) {
			if line = cfg.LineOf(key); line > 0 {
				break
			}
		}
		switch {
		case line > 0:
			f.AnchorFile, f.AnchorLine = rel, line
		case fallback != "":
			f.AnchorFile, f.AnchorLine = fallback, 1
		}
	}
}

// under is file relative to root with / separators, or "" when it lies
// outside root.
func under(root, file string) string {
	rel, err := filepath.Rel(root, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return ""
	}
	return filepath.ToSlash(rel)
}
