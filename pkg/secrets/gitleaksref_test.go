package secrets

import (
	"context"
	"maps"
	"strings"

	"github.com/zricethezav/gitleaks/v8/config"
	glregexp "github.com/zricethezav/gitleaks/v8/regexp"

	"github.com/zricethezav/gitleaks/v8/detect"
	"github.com/zricethezav/gitleaks/v8/report"
)

// reference is gitleaks' own detector with the engine's configuration,
// set as the engine uses it: the reference the matcher is held to.
func reference(e *Engine) *detect.Detector {
	d := detect.NewDetector(compiledConfig(e))
	d.MaxDecodeDepth = 0
	d.IgnoreGitleaksAllow = true
	return d
}

// compiledConfig is e's configuration with every rule's expression
// compiled in, as gitleaks' detector reads it.
func compiledConfig(e *Engine) config.Config {
	cfg := e.cfg
	cfg.Rules = maps.Clone(e.cfg.Rules)
	for id, p := range e.patterns {
		if r, ok := cfg.Rules[id]; ok {
			r.Regex = glregexp.MustCompile(p)
			cfg.Rules[id] = r
		}
	}
	return cfg
}

// gitleaksCandidates runs d over view.
func gitleaksCandidates(d *detect.Detector, path, view string) []*candidate {
	found := d.DetectContext(context.Background(), detect.Fragment{Raw: view, FilePath: path})
	lines := newLineIndex(view)
	out := make([]*candidate, 0, len(found))
	for i := range found {
		out = append(out, locate(d, &found[i], view, lines))
	}
	return out
}

// locate finds where a gitleaks finding's value sits in content. gitleaks
// reports the match's line and column, with columns after the first line
// one too high, and trims newlines off the match; locate recomputes byte
// offsets from them and checks them against the content.
func locate(d *detect.Detector, f *report.Finding, content string, lines lineIndex) *candidate {
	c := &candidate{rule: f.RuleID, value: f.Secret, match: f.Match, shown: f.Secret}
	if f.Secret == "" && strings.HasPrefix(f.Match, "file detected: ") {
		c.pathOnly = true
		return c
	}
	lineStart := lines.start(f.StartLine)
	guess := lineStart + f.StartColumn - 1
	if f.StartLine > 0 {
		guess--
	}
	mstart := -1
	for _, at := range []int{guess, guess + 1, guess - 1} {
		if at >= 0 && at+len(f.Match) <= len(content) && content[at:at+len(f.Match)] == f.Match {
			mstart = at
			break
		}
	}
	if mstart < 0 {
		if i := strings.Index(content[min(lineStart, len(content)):], f.Match); i >= 0 && f.Match != "" {
			mstart = lineStart + i
		}
	}
	if mstart < 0 {
		// Not found verbatim (it should be); fall back on gitleaks' column.
		start := min(max(guess, 0), len(content))
		c.at = span{start, min(start+len(f.Secret), len(content))}
		return c
	}
	off := secretOffset(d, f)
	if off < 0 {
		off = 0
	}
	c.at = span{mstart + off, min(mstart+off+len(f.Secret), len(content))}
	c.settleEnv(mstart)
	return c
}

// secretOffset is where a finding's secret starts in its match. gitleaks
// reports only the secret, so when it occurs more than once in the match
// (postgres://postgres:postgres@…) the rule's secret group says which.
func secretOffset(d *detect.Detector, f *report.Finding) int {
	off := strings.Index(f.Match, f.Secret)
	if off < 0 || strings.Count(f.Match, f.Secret) == 1 {
		return off
	}
	r, ok := d.Config.Rules[f.RuleID]
	if !ok || r.Regex == nil || r.SecretGroup == 0 {
		return off
	}
	if m := r.Regex.FindStringSubmatchIndex(f.Match); len(m) > 2*r.SecretGroup+1 && m[2*r.SecretGroup] >= 0 &&
		f.Match[m[2*r.SecretGroup]:m[2*r.SecretGroup+1]] == f.Secret {
		return m[2*r.SecretGroup]
	}
	return off
}
