package secrets

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"github.com/zricethezav/gitleaks/v8/config"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/redact"
)

// Options adjust what an Engine reports.
type Options struct {
	// AllowPaths are RE2 expressions over Fragment.Path: a fragment whose
	// path matches one is not scanned.
	AllowPaths []string
	// ScanLockFiles scans dependency lock files, which are skipped by
	// default: their hashes look random and no one writes a key into them.
	ScanLockFiles bool
	// ScanDependencies scans node_modules and vendored packages, which
	// gitleaks' default allowlist skips.
	ScanDependencies bool
	// AllowValues are RE2 expressions: a secret whose value matches one is
	// dropped.
	AllowValues []string
	// ReportPublic keeps values that are meant to be public (publishable
	// keys, anon keys), marked Public, instead of dropping them.
	ReportPublic bool
	// Now is the clock a token's expiry is judged by; nil is time.Now.
	Now func() time.Time
}

// Engine finds secrets in fragments. Build one per process with New; Scan
// is safe for concurrent use.
type Engine struct {
	cfg config.Config
	// patterns are gitleaks' rule expressions by rule ID, which cfg's
	// rules do not hold: the matcher compiles each on first use.
	patterns     map[string]string
	matcher      *matcher
	allowValues  []*regexp.Regexp
	reportPublic bool
	now          func() time.Time
}

// New builds an Engine: gitleaks' default rules plus launchgate's own.
func New(opts Options) (*Engine, error) {
	// gitleaks logs through a package-level zerolog logger, to stderr, and
	// its trace events carry secret values. launchgate logs with slog only.
	zerolog.SetGlobalLevel(zerolog.Disabled)

	cfg, patterns, err := buildConfig(opts)
	if err != nil {
		return nil, err
	}
	e := &Engine{cfg: cfg, patterns: patterns, reportPublic: opts.ReportPublic, now: opts.Now}
	if e.now == nil {
		e.now = time.Now
	}
	for _, v := range opts.AllowValues {
		re, err := regexp.Compile(v)
		if err != nil {
			return nil, fmt.Errorf("secret allowlist value pattern %q: %w", v, err)
		}
		e.allowValues = append(e.allowValues, re)
	}
	// Recursive decoding stays off (see the package doc), and
	// "gitleaks:allow" is looked for once per fragment in Scan rather
	// than in the whole line of every match, which on a minified bundle is
	// quadratic.
	e.matcher = newMatcher(&e.cfg, e.patterns)
	return e, nil
}

// RuleCount is the number of rules the engine runs, gitleaks' and ours.
func (e *Engine) RuleCount() int { return len(e.cfg.Rules) }

// Scan finds the secrets in f. An error means the scan could not be done
// (the context ended); it never contains any of f's content.
func (e *Engine) Scan(ctx context.Context, f Fragment) (out []Secret, err error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: secret scan: %w", f.Path, err)
	}
	defer func() {
		// A bug in a rule must not take the whole scan down, and the panic
		// value could quote the content, so it is not passed on.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%s: secret scan failed on an internal error", f.Path)
		}
	}()
	cands := e.detect(ctx, f)
	cands = e.keyMaterial(f, cands)
	// DetectContext stops early and quietly when ctx ends; a partial result
	// would read as "no secrets", so fail closed.
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: secret scan: %w", f.Path, err)
	}
	if len(cands) == 0 {
		return nil, nil
	}
	lines := newLineIndex(f.Content)
	if strings.Contains(f.Content, gitleaksAllow) {
		kept := cands[:0]
		for _, c := range cands {
			if !onAllowedLine(f.Content, lines, c.at.start) {
				kept = append(kept, c)
			}
		}
		cands = kept
	}
	cands = e.judge(f, lines, cands)
	return e.secrets(f, cands, lines), nil
}

// secrets turns the surviving candidates into Secrets, in content order.
func (e *Engine) secrets(f Fragment, cands []*candidate, lines lineIndex) []Secret {
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].at.start != cands[j].at.start {
			return cands[i].at.start < cands[j].at.start
		}
		return cands[i].rule < cands[j].rule
	})
	spans := make([]span, 0, len(cands))
	for _, c := range cands {
		if !c.pathOnly {
			spans = append(spans, c.at)
		}
		if c.pairAt.end > c.pairAt.start {
			// The ID of a pair is masked in the anchor like a found value.
			spans = append(spans, c.pairAt)
		}
	}
	first := max(f.StartLine, 1)
	out := make([]Secret, 0, len(cands))
	for _, c := range cands {
		s := Secret{
			RuleID:   "secret/" + c.rule,
			Title:    titleOf(c.rule),
			Severity: c.severity,
			Public:   c.public,
		}
		if c.pathOnly {
			s.Line, s.Column, s.EndLine, s.EndColumn = first, 1, first, 1
			s.Redacted = "(whole file)"
			s.Key = "secret/" + c.rule + "|file"
			s.WholeFile = true
		} else {
			l, col := lines.position(c.at.start)
			el, ecol := lines.position(c.at.end)
			s.Line, s.Column, s.EndLine, s.EndColumn = first+l, col, first+el, ecol
			s.Redacted = redact.Value(c.shown)
			s.Marker = redact.Marker(c.shown)
			if c.bare {
				s.Redacted = strings.TrimPrefix(s.Redacted, s.Marker)
				s.Marker = ""
			}
			s.Key = anchorKey(c.rule, c.value, f.Content, c.at, spans)
			s.pairAt = c.pairAt
		}
		s.Message = message(c, s)
		out = append(out, s)
	}
	return out
}

// judge decides what each candidate is: reclassifies Supabase keys, drops
// placeholders, published development keys and allowlisted values, marks
// public ones, weighs what the place and the value say of the rest,
// joins AWS access key IDs with their secret keys, folds secrets found
// inside a public env variable into that variable's finding.
func (e *Engine) judge(f Fragment, lines lineIndex, cands []*candidate) []*candidate {
	w := weighing{path: f.Path, content: f.Content, lines: lines, place: placeOf(f.Path), now: e.now()}
	for _, c := range cands {
		if c.pathOnly {
			c.severity = severityOf(c.rule)
			w.weigh(c)
			continue
		}
		if role, ok := jwtRole(c.value); ok && role == "service_role" && c.rule != rulePublicEnv {
			c.rule = ruleServiceRole
		}
		c.severity = severityOfValue(c.rule, c.value, severityOf(c.rule))
		switch {
		case c.rule == rulePublicEnv:
		case c.rule == ruleConnString:
			if isPlaceholderPassword(c.value) {
				c.drop = true
			}
			c.scheme, c.host = connStringParts(c.match)
		case c.rule == ruleAWSSecretKey:
			c.bare = true
			c.drop = !awsSecretLike(c.value)
		case isPlaceholder(c.value):
			c.drop = true
		}
		if wellKnown(c.value) {
			c.drop = true
		}
		if !c.drop {
			w.weigh(c)
		}
		if c.severity <= finding.Medium && isFixturePath(f.Path) {
			c.drop = true
		}
		for _, re := range e.allowValues {
			if re.MatchString(c.value) {
				c.drop = true
			}
		}
		c.public = isPublic(c.rule, c.value, f.Content, c.at.start, c.at.end)
	}
	cands = e.pairAWSKeys(f, lines, cands)
	foldPublicEnv(f.Path, cands)
	out := cands[:0]
	seen := map[string]bool{}
	for _, c := range cands {
		if c.drop || (c.public && !e.reportPublic) {
			continue
		}
		k := fmt.Sprintf("%s@%d-%d", c.rule, c.at.start, c.at.end)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, c)
	}
	return out
}

// foldPublicEnv decides each public-env candidate. A secret found inside
// its value becomes part of it (one finding, critical, naming the inner
// kind); otherwise it stands only if the variable's name says secret and
// the value is not one meant to be public.
func foldPublicEnv(path string, cands []*candidate) {
	// A generic rule's hit on a public variable's value says only what the
	// name says; the variable's own finding judges it.
	for _, p := range cands {
		if p.rule == rulePublicEnv {
			for _, c := range cands {
				if c != p && !c.pathOnly && strings.Contains(c.rule, "generic") && c.at.start >= p.at.start && c.at.end <= p.at.end {
					c.drop = true
				}
			}
		}
	}
	for _, p := range cands {
		if p.rule != rulePublicEnv || p.drop {
			continue
		}
		var inner *candidate
		for _, c := range cands {
			if c == p || c.rule == rulePublicEnv || c.pathOnly || c.drop || c.public {
				continue
			}
			if c.at.start >= p.at.start && c.at.end <= p.at.end && (inner == nil || c.severity > inner.severity) {
				inner = c
			}
		}
		says := nameSays(p.envName)
		switch {
		case p.envName == "":
			p.drop = true
		case inner != nil && says == publicName && inner.severity <= finding.Medium:
			// NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=<random>: only a
			// low-confidence rule saw a key, and the name says it is public.
			p.drop = true
			dropInside(cands, p)
		case inner != nil:
			p.innerKind = titleOf(inner.rule)
			p.shown, p.bare, p.pairAt = inner.value, inner.bare, inner.pairAt
			dropInside(cands, p)
			p.public = false
		case p.public:
			// The value is a publishable key: the name is only misleading.
		case says != secretName || !isDefinition(p.value) || !secretLike(p.value),
			sveltePublicOnly(p.envName) && !envFile(path):
			// Only the name says secret, and the value is no secret
			// (a path, a URL), or the bare PUBLIC_ prefix (SvelteKit's) is
			// an ordinary constant name outside an env file.
			p.drop = true
		}
	}
}

// dropInside drops the other rules' candidates inside p's value.
func dropInside(cands []*candidate, p *candidate) {
	for _, c := range cands {
		if c != p && c.rule != rulePublicEnv && !c.pathOnly && c.at.start >= p.at.start && c.at.end <= p.at.end {
			c.drop = true
		}
	}
}

// gitleaksAllow on a line suppresses the secrets found on it.
const gitleaksAllow = "gitleaks:allow"

// onAllowedLine reports whether the line holding offset carries the
// gitleaks:allow marker.
func onAllowedLine(content string, lines lineIndex, offset int) bool {
	n, _ := lines.position(offset)
	end := len(content)
	if n+1 < len(lines) {
		end = lines[n+1]
	}
	return strings.Contains(content[lines.start(n):end], gitleaksAllow)
}
