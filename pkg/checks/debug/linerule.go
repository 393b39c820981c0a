package debug

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/prodfile"
)

// lineRule is a catalog rule's Match, compiled.
type lineRule struct {
	id         string
	title      string
	files      []string
	exclude    []string // Match.Exclude
	production bool
	notDev     bool // Match.NotDevelopment
	pattern    expr
	unless     *regexp.Regexp // nil when the rule has none
	before     *regexp.Regexp // Match.UnlessBefore; nil when none
	after      *regexp.Regexp // Match.UnlessAfter; nil when none
	window     int            // lines Pattern sees, at least 1
	// conditional is Match.Conditional: the severity at most of a match
	// inside a conditional Python block; nil when the rule has none.
	conditional *finding.Severity
	// judge is Match.Value's judgement of the captured literal, and
	// valueGroup the index of the capture group it reads; judge is nil
	// when the rule has none.
	judge      valueJudge
	valueGroup int
	// literals holds lowercase strings one of which every match of
	// pattern contains; nil when no such set is known. They let a file or
	// line be skipped without running the expression.
	literals [][]byte
	// index finds the literals in a file, and litIDs are theirs in it
	// (see indexLiterals); index is nil when literals is.
	index  *litIndex
	litIDs []int
}

// compileRule compiles r's Match; r must have one.
func compileRule(r *catalog.Rule) (*lineRule, error) {
	m := r.Match
	lr := &lineRule{
		id:          r.ID,
		title:       r.Title,
		files:       m.Files,
		exclude:     m.Exclude,
		production:  m.Production,
		notDev:      m.NotDevelopment,
		window:      max(m.Window, 1),
		conditional: m.Conditional,
	}
	var err error
	if lr.window > 1 {
		lr.pattern, err = compileWindowed(m.Pattern)
	} else {
		lr.pattern, err = regexp.Compile(m.Pattern)
	}
	if err != nil {
		return nil, fmt.Errorf("rule %s: pattern: %w", r.ID, err)
	}
	if m.Unless != "" {
		if lr.unless, err = regexp.Compile(m.Unless); err != nil {
			return nil, fmt.Errorf("rule %s: unless: %w", r.ID, err)
		}
	}
	if m.UnlessBefore != "" {
		if lr.before, err = regexp.Compile(m.UnlessBefore); err != nil {
			return nil, fmt.Errorf("rule %s: unless_before: %w", r.ID, err)
		}
	}
	if m.UnlessAfter != "" {
		if lr.after, err = regexp.Compile(m.UnlessAfter); err != nil {
			return nil, fmt.Errorf("rule %s: unless_after: %w", r.ID, err)
		}
	}
	if lr.judge, err = judgeFor(m.Value); err != nil {
		return nil, fmt.Errorf("rule %s: %w", r.ID, err)
	}
	if lr.judge != nil {
		if lr.valueGroup = lr.pattern.SubexpIndex("value"); lr.valueGroup < 1 {
			return nil, fmt.Errorf("rule %s: pattern has no group named value to judge", r.ID)
		}
	}
	lits, err := requiredLiterals(m.Pattern)
	if err != nil {
		return nil, fmt.Errorf("rule %s: pattern: %w", r.ID, err)
	}
	for _, l := range lits {
		lr.literals = append(lr.literals, []byte(l))
	}
	// A rule compiled alone has an index of its own; compileCategories
	// indexes a set's rules together.
	indexLiterals([]*lineRule{lr})
	return lr, nil
}

// appliesTo reports whether the rule reads the file name, a slash path
// relative to the root. Test files are the caller's to skip.
func (lr *lineRule) appliesTo(name string) bool {
	if lr.production && !prodfile.IsProduction(name) {
		return false
	}
	if lr.notDev && prodfile.IsDevelopment(name) {
		return false
	}
	return matchesAny(lr.files, name) && !matchesAny(lr.exclude, name)
}

// matchesAny reports whether one of globs matches name: a glob without a
// slash matches the base name at any depth.
func matchesAny(globs []string, name string) bool {
	base := path.Base(name)
	for _, g := range globs {
		if !strings.Contains(g, "/") {
			if ok, err := path.Match(g, base); ok && err == nil {
				return true
			}
			continue
		}
		if config.MatchPath(g, name) {
			return true
		}
	}
	return false
}
