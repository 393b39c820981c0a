package secrets

import (
	"math"
	"strings"

	"github.com/zricethezav/gitleaks/v8/config"
)

// judgeMatch turns one match of r in view into a candidate as gitleaks'
// detector does: newlines trimmed off the match, the secret taken from the
// rule's secret group (or the first non-empty group), dropped below the
// rule's entropy or when an allowlist allows it. Offsets are in view.
func (m *matcher) judgeMatch(r *matchRule, path, view string, sp span) (*candidate, bool) {
	raw := view[sp.start:sp.end]
	match := strings.Trim(raw, "\n")
	mstart := sp.start + strings.Index(raw, match)
	secret, off := match, 0
	if groups := r.regex.get().FindStringSubmatchIndex(match); len(groups) >= 4 {
		switch {
		case r.SecretGroup > 0:
			if 2*r.SecretGroup+1 >= len(groups) {
				return nil, false
			}
			if a, b := groups[2*r.SecretGroup], groups[2*r.SecretGroup+1]; a >= 0 {
				secret, off = match[a:b], a
			} else {
				secret = ""
			}
		default:
			for g := 1; 2*g+1 < len(groups); g++ {
				if a, b := groups[2*g], groups[2*g+1]; a >= 0 && b > a {
					secret, off = match[a:b], a
					break
				}
			}
		}
	}
	if r.Entropy != 0 && shannonEntropy(secret) <= float64(r.Entropy) {
		return nil, false
	}
	line := ""
	if r.lineAllow {
		line = lineAround(view, mstart, mstart+len(match))
	}
	if findingAllowed(path, secret, match, line, m.cfg.Allowlists, m.stopWord) || findingAllowed(path, secret, match, line, r.Allowlists, m.stopWord) {
		return nil, false
	}
	start := mstart + off
	c := &candidate{
		rule:  r.RuleID,
		value: secret,
		match: match,
		shown: secret,
		at:    span{start, start + len(secret)},

		matchStart: mstart,
	}
	c.settleEnv(mstart)
	return c, true
}

// lineAround returns the whole lines of view that hold [start, end).
func lineAround(view string, start, end int) string {
	lo := strings.LastIndexByte(view[:start], '\n') + 1
	hi := len(view)
	if i := strings.IndexByte(view[end:], '\n'); i >= 0 {
		hi = end + i
	}
	return view[lo:hi]
}

// pathAllowed reports whether an allowlist skips the file at path, as
// gitleaks decides it before reading content: by path alone, or with
// commits (never set here) under the AND condition.
func pathAllowed(path string, allowlists []*config.Allowlist) bool {
	if path == "" {
		return false
	}
	for _, a := range allowlists {
		if a.MatchCondition == config.AllowlistMatchAnd {
			if len(a.Regexes) > 0 || len(a.StopWords) > 0 {
				continue
			}
			if len(a.Commits) > 0 {
				continue // no commit is ever set, so the AND fails
			}
			if len(a.Paths) > 0 && a.PathAllowed(path) {
				return true
			}
			continue
		}
		if a.PathAllowed(path) {
			return true
		}
	}
	return false
}

// findingAllowed reports whether an allowlist allows a match by its
// secret, match or line (the allowlist's regex target) or by its stop
// words, as stop judges them (stopWordAllows). Under the OR condition
// paths were decided by pathAllowed; under AND every condition the
// allowlist sets must hold, the path's included.
func findingAllowed(path, secret, match, line string, allowlists []*config.Allowlist, stop stopWordJudge) bool {
	for _, a := range allowlists {
		target := secret
		switch a.RegexTarget {
		case "match":
			target = match
		case "line":
			target = line
		}
		regex := a.RegexAllowed(target)
		stopped := len(a.StopWords) > 0 && stop(a, secret)
		if a.MatchCondition != config.AllowlistMatchAnd {
			if regex || stopped {
				return true
			}
			continue
		}
		ok := len(a.Commits) == 0 // no commit is ever set
		if len(a.Paths) > 0 && !a.PathAllowed(path) {
			ok = false
		}
		if len(a.Regexes) > 0 && !regex {
			ok = false
		}
		if len(a.StopWords) > 0 && !stopped {
			ok = false
		}
		if ok {
			return true
		}
	}
	return false
}

// shannonEntropy is gitleaks' measure: over runes, divided by bytes.
func shannonEntropy(s string) float64 {
	if s == "" {
		return 0
	}
	counts := map[rune]int{}
	for _, c := range s {
		counts[c]++
	}
	inv := 1.0 / float64(len(s))
	e := 0.0
	for _, n := range counts {
		f := float64(n) * inv
		e -= f * math.Log2(f)
	}
	return e
}

// preferSpecific drops a generic rule's candidate when a specific rule
// found a secret containing it on the same line, as gitleaks does: the
// specific rule names the kind.
func preferSpecific(view string, cands []*candidate) []*candidate {
	var lines lineIndex
	lineOf := func(c *candidate) int {
		if lines == nil {
			lines = newLineIndex(view)
		}
		l, _ := lines.position(c.matchStart)
		return l
	}
	out := cands[:0]
	for _, c := range cands {
		if c.pathOnly || !strings.Contains(strings.ToLower(c.rule), "generic") {
			out = append(out, c)
			continue
		}
		keep := true
		for _, o := range cands {
			// gitleaks compares with the other rule's secret, which for the
			// public-env rule is the variable's name (see ownRules).
			ov := o.value
			if o.rule == rulePublicEnv && o.envName != "" {
				ov = o.envName
			}
			if o.rule != c.rule && !o.pathOnly && !strings.Contains(strings.ToLower(o.rule), "generic") &&
				strings.Contains(ov, c.value) && lineOf(o) == lineOf(c) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, c)
		}
	}
	return out
}
