package secrets

import (
	"cmp"
	"context"
	"slices"
	"strings"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
	"github.com/zricethezav/gitleaks/v8/config"
)

// matcher runs the rules of a gitleaks configuration over content with the
// semantics of gitleaks' detector (a rule runs where one of its keywords
// appears; the secret group, entropy, allowlists), except that each rule's
// expression runs only in regions around its own keywords rather than over
// the whole content. On a minified bundle the common keywords ("key",
// "token") appear everywhere and gitleaks runs every such rule, and its
// generic rule twice, over every byte; here a rule whose keyword occurs
// once in a megabyte reads a few hundred bytes.
//
// A match that contains a keyword occurrence lies within the rule's reach
// of it (ruleReach), so a region of that margin around every occurrence
// holds every such match. A match that touches the edge of a region could
// see a word boundary or an end the whole content does not have; then the
// rule runs again with twice the margin, up to the whole content. Rules
// whose matches have no length bound run over the whole content.
// matcher_test.go holds the result to gitleaks' detector, rule by rule.
type matcher struct {
	cfg   *config.Config
	rules []*matchRule
	// byKeyword lists, for each keyword's index in the trie, the rules
	// that name it.
	byKeyword [][]*matchRule
	trie      *ahocorasick.Trie
	// always are the rules without keywords: they run on every content.
	always []*matchRule
	// stopWord judges an allowlist's stop words: stopWordAllows, or
	// gitleaks' own test where a test holds the matcher to gitleaks.
	stopWord stopWordJudge
}

// matchRule is one rule with what the matcher derived from it.
type matchRule struct {
	*config.Rule
	// regex is the rule's expression, compiled on first use; nil for a
	// rule on file names alone. Rule.Regex is not used.
	regex *deferredRegex
	// reach bounds how far a match extends on either side of a keyword
	// occurrence inside it, in bytes; it is unbounded when matches have no
	// length bound or need not hold a keyword.
	reach int
	// needs are texts every match contains.
	needs []literal
	// lineAllow is true when an allowlist of the rule, or a global one,
	// tests the whole line of a match.
	lineAllow bool
}

// wholeRegion is the share of a content above which a rule's regions are
// replaced by one run over all of it: each run has a fixed cost.
const wholeRegion = 0.5

// newMatcher prepares cfg's rules, whose expressions are their Regex or,
// for gitleaks' rules, in patterns by rule ID. cfg must not change
// afterwards.
func newMatcher(cfg *config.Config, patterns map[string]string) *matcher {
	m := &matcher{cfg: cfg, stopWord: stopWordAllows}
	globalLine := anyLineTarget(cfg.Allowlists)
	index := map[string]int{}
	var keywords []string
	for _, id := range cfg.OrderedRules {
		r, ok := cfg.Rules[id]
		if !ok {
			continue
		}
		mr := &matchRule{Rule: &r, regex: regexOf(&r, patterns), reach: unbounded, lineAllow: globalLine || anyLineTarget(r.Allowlists)}
		if mr.regex != nil {
			p := mr.regex.pattern
			mr.needs = requiredLiterals(p)
			if holdsKeyword(p, lowered(r.Keywords)) {
				mr.reach = ruleReach(p)
			}
		}
		m.rules = append(m.rules, mr)
		if len(r.Keywords) == 0 {
			m.always = append(m.always, mr)
			continue
		}
		for _, k := range r.Keywords {
			k = strings.ToLower(k)
			i, ok := index[k]
			if !ok {
				i = len(keywords)
				index[k] = i
				keywords = append(keywords, k)
				m.byKeyword = append(m.byKeyword, nil)
			}
			m.byKeyword[i] = append(m.byKeyword[i], mr)
		}
	}
	m.trie = ahocorasick.NewTrieBuilder().AddStrings(keywords).Build()
	return m
}

func lowered(ks []string) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = strings.ToLower(k)
	}
	return out
}

func anyLineTarget(as []*config.Allowlist) bool {
	for _, a := range as {
		if a.RegexTarget == "line" {
			return true
		}
	}
	return false
}

// hit is a keyword occurrence: where it starts and how long it is.
type hit struct{ at, n int }

// find returns the candidates the rules find in view, a part of a content
// at path; offsets are in view.
func (m *matcher) find(ctx context.Context, path, view string) []*candidate {
	if pathAllowed(path, m.cfg.Allowlists) {
		return nil
	}
	lower := asciiLower(view)
	hits := m.keywordHits(lower)
	var out []*candidate
	for _, r := range m.rules {
		if ctx.Err() != nil {
			return out
		}
		rh, ok := hits[r]
		if !ok && len(r.Keywords) > 0 {
			continue
		}
		if !present(r.needs, view, lower) {
			continue
		}
		out = append(out, m.runRule(r, path, view, rh)...)
	}
	return preferSpecific(view, out)
}

// keywordHits finds every keyword occurrence in lower, a view ASCII
// lower-cased, grouped by the rules that name the keyword. Keywords are
// lower case ASCII; folding only ASCII keeps offsets in the view.
func (m *matcher) keywordHits(lower []byte) map[*matchRule][]hit {
	hits := map[*matchRule][]hit{}
	m.trie.Walk(lower, func(end, n, pattern int64) bool {
		h := hit{at: int(end - n + 1), n: int(n)}
		for _, r := range m.byKeyword[pattern] {
			hits[r] = append(hits[r], h)
		}
		return true
	})
	return hits
}

func asciiLower(s string) []byte {
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b
}

// runRule applies one rule to view, where hits are its keywords'
// occurrences (none for a rule without keywords).
func (m *matcher) runRule(r *matchRule, path, view string, hits []hit) []*candidate {
	if r.SkipReport || pathAllowed(path, r.Allowlists) {
		return nil
	}
	if r.Path != nil {
		if !r.Path.MatchString(path) {
			return nil
		}
		if r.regex == nil {
			return []*candidate{{rule: r.RuleID, pathOnly: true}}
		}
	}
	if r.regex == nil {
		return nil
	}
	var out []*candidate
	for _, sp := range matchSpans(r, view, hits) {
		if c, ok := m.judgeMatch(r, path, view, sp); ok {
			out = append(out, c)
		}
	}
	return out
}

// matchSpans returns the rule's matches in view: over the whole view for
// a rule without keywords or without a bound on its matches, else in
// regions around the keyword hits.
func matchSpans(r *matchRule, view string, hits []hit) []span {
	if len(hits) == 0 || r.reach == unbounded {
		return wholeMatches(r, view)
	}
	// The trie reports hits in order of their end; regions need their
	// starts in order.
	slices.SortFunc(hits, func(a, b hit) int { return cmp.Compare(a.at, b.at) })
	for margin := r.reach + 1; ; margin *= 2 {
		regions, covered := regionsAround(hits, margin, len(view))
		if float64(covered) > wholeRegion*float64(len(view)) {
			return wholeMatches(r, view)
		}
		var out []span
		touched := false
		for _, g := range regions {
			for _, ix := range r.regex.get().FindAllStringIndex(view[g.start:g.end], -1) {
				sp := span{g.start + ix[0], g.start + ix[1]}
				// A match at a region's edge may be cut short or see a
				// word boundary the view does not have: look wider.
				if (sp.start == g.start && g.start > 0) || (sp.end == g.end && g.end < len(view)) {
					touched = true
				}
				out = append(out, sp)
			}
		}
		if !touched {
			return out
		}
	}
}

func wholeMatches(r *matchRule, view string) []span {
	var out []span
	for _, ix := range r.regex.get().FindAllStringIndex(view, -1) {
		out = append(out, span{ix[0], ix[1]})
	}
	return out
}

// regionsAround merges the spans of margin bytes around each hit, in
// order of their start, and returns them with the bytes they cover.
func regionsAround(hits []hit, margin, size int) ([]span, int) {
	var regions []span
	covered := 0
	for _, h := range hits {
		g := span{max(h.at-margin, 0), min(h.at+h.n+margin, size)}
		if n := len(regions); n > 0 && g.start <= regions[n-1].end {
			if g.end > regions[n-1].end {
				covered += g.end - regions[n-1].end
				regions[n-1].end = g.end
			}
			continue
		}
		regions = append(regions, g)
		covered += g.end - g.start
	}
	return regions, covered
}
