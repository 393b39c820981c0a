package secrets

import (
	"fmt"
	"regexp/syntax"
	"strings"
	"sync"

	"github.com/zricethezav/gitleaks/v8/config"
	glregexp "github.com/zricethezav/gitleaks/v8/regexp"
)

// Compiling gitleaks' ~220 rule expressions in RE2 takes a tenth of a
// second or more, in every process: the redactor that every message goes
// through needs the engine, and a run that scans no files (--checks
// openapi, a probe, a diff of a few files) needs few of the rules. So the
// engine takes the expressions out of gitleaks' configuration before it is
// translated and compiles each one the first time a scan runs its rule.

// deferPatterns takes the expressions out of vc's rules and returns them
// by rule ID. In their place each rule gets a stand-in with as many
// capture groups that matches nothing, so that Translate still checks the
// secret group and converts the rule's keywords, allowlists and path;
// takePatterns then clears the stand-ins.
func deferPatterns(vc *config.ViperConfig) (map[string]string, error) {
	patterns := map[string]string{}
	for i := range vc.Rules {
		r := &vc.Rules[i]
		if r.Regex == "" {
			continue
		}
		re, err := syntax.Parse(r.Regex, syntax.Perl)
		if err != nil {
			return nil, fmt.Errorf("gitleaks rule %s: %w", r.ID, err)
		}
		patterns[r.ID] = r.Regex
		r.Regex = strings.Repeat("()", re.MaxCap()) + neverMatches
	}
	return patterns, nil
}

// neverMatches is an expression no text matches: a byte before the start
// of the text.
const neverMatches = `x\A`

// takePatterns clears the stand-ins deferPatterns left in cfg's rules, so
// that nothing reads a rule's expression except through the engine.
func takePatterns(cfg *config.Config, patterns map[string]string) {
	for id := range patterns {
		if r, ok := cfg.Rules[id]; ok {
			r.Regex = nil
			cfg.Rules[id] = r
		}
	}
}

// deferredRegex is one rule's expression, compiled on first use.
type deferredRegex struct {
	pattern string
	once    sync.Once
	re      *glregexp.Regexp
}

// regexOf returns the expression of r: its compiled Regex, else its
// deferred pattern, else nil (a rule on file names alone).
func regexOf(r *config.Rule, patterns map[string]string) *deferredRegex {
	if r.Regex != nil {
		return &deferredRegex{pattern: r.Regex.String(), re: r.Regex}
	}
	if p, ok := patterns[r.RuleID]; ok {
		return &deferredRegex{pattern: p}
	}
	return nil
}

// get compiles the expression the first time it is asked for, unless it
// came compiled. gitleaks' patterns are checked against Go's parser when
// deferred and compile in RE2, so it does not fail.
func (d *deferredRegex) get() *glregexp.Regexp {
	d.once.Do(func() {
		if d.re == nil {
			d.re = glregexp.MustCompile(d.pattern)
		}
	})
	return d.re
}
