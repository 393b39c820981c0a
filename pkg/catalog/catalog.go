// Package catalog reads the rule catalog: every rule launchgate can emit,
// with its title, severity, taxonomy mapping, help text and examples. The
// catalog is data (rules/*.yaml, embedded); checks refer to rules by ID.
package catalog

import (
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/launchgate/launchgate/pkg/finding"
)

// Rule describes one kind of finding.
type Rule struct {
	ID       string           `yaml:"id"`
	Title    string           `yaml:"title"`
	Severity finding.Severity `yaml:"severity"`
	// Area is the scorecard row the rule belongs to.
	Area string `yaml:"area"`
	// CWE lists weaknesses such as "CWE-306".
	CWE []string `yaml:"cwe"`
	// OWASP lists OWASP API Security Top 10 (2023) entries such as
	// "API2:2023 Broken Authentication".
	OWASP []string `yaml:"owasp"`
	// Function names the Go function that implements the rule, for rules
	// whose logic is code rather than a pattern.
	Function string `yaml:"function"`
	// Description says what the rule detects and why it matters.
	Description string `yaml:"description"`
	// Help is markdown that says how to fix it.
	Help string `yaml:"help"`
	// Match, for rules that are a pattern over file lines, says which
	// files and lines the rule fires on.
	Match *Match `yaml:"match"`
	// Examples are inputs the rule must fire on (Match) or stay quiet on.
	Examples []Example `yaml:"examples"`
}

// Match is a line pattern and the files it applies to.
type Match struct {
	// Files are slash globs (** allowed) of the paths, relative to the
	// scanned root, the rule reads; a pattern without a slash matches the
	// base name anywhere ("Dockerfile", "*.py").
	Files []string `yaml:"files"`
	// Production limits the rule to files that configure production
	// (see pkg/prodfile).
	Production bool `yaml:"production"`
	// NotDevelopment skips the files pkg/prodfile counts as development,
	// test or example (settings/local.py, config.dev.js) while reading
	// every other file Files names: for code that ships whatever its name.
	NotDevelopment bool `yaml:"not_development"`
	// Exclude are slash globs, read as Files are, of paths the rule does
	// not read although Files names them: for two rules that split one
	// kind of file between them (Django settings modules and every other
	// Python module).
	Exclude []string `yaml:"exclude"`
	// Pattern is an RE2 regular expression matched against each line.
	Pattern string `yaml:"pattern"`
	// Value, when set, names how the text Pattern captures in its group
	// named "value" is judged: a match fires only when the judgement says
	// so, and its message gives the judgement instead of quoting the line.
	// ValueSigningSecret is the one kind.
	Value string `yaml:"value"`
	// Unless is an optional RE2 expression: a line it matches does not fire.
	Unless string `yaml:"unless"`
	// Window, from 2 to MaxWindow, lets Pattern see the lines before the
	// one it fires on, for settings a format spreads over lines (a YAML key
	// under its parent, a Kubernetes env entry's name and value): Pattern is
	// matched against the line joined by "\n" to the up to Window-1
	// non-blank lines before it, and fires on the line where its match
	// ends. Unless still looks at that line alone. 0 or 1 is one line.
	Window int `yaml:"window"`
	// UnlessBefore is an optional RE2 expression for a guard written above
	// the match (an `if` that limits it to development): when one of the
	// Window-1 non-blank lines before the line matches it, the line does
	// not fire. It needs a Window of 2 or more.
	UnlessBefore string `yaml:"unless_before"`
	// UnlessAfter is UnlessBefore for the Window-1 non-blank lines after
	// the line, for settings whose guard follows them (the `secure: true`
	// that completes a cookie's `sameSite: "none"` a line below). It needs
	// a Window of 2 or more.
	UnlessAfter string `yaml:"unless_after"`
	// Conditional, for rules over Python, caps the severity of a match on
	// a line that runs only under a condition: indented in a block opened
	// by if, elif, else, try, except, finally, with, for, while or def
	// (a class body does not count). The setting is then not on wherever
	// the file is loaded. Nil keeps the rule's severity for every match.
	Conditional *finding.Severity `yaml:"conditional"`
}

// ValueSigningSecret judges a literal that signs sessions, cookies or
// tokens: a placeholder, a short or typed value or Django's insecure
// development key fires; a long generated key is the secret rules' to
// report.
const ValueSigningSecret = "signing-secret"

// valueGroup is the name of the capture group Match.Value judges.
const valueGroup = "value"

// MaxWindow bounds Match.Window, so a rule cannot make every line cost a
// scan of many others.
const MaxWindow = 8

// Category is the part of the ID before the slash.
func (r *Rule) Category() string {
	c, _, _ := strings.Cut(r.ID, "/")
	return c
}

// Example is an input that the rule must match, or must not.
type Example struct {
	Name  string `yaml:"name"`
	Match bool   `yaml:"match"`
	// File is the name the input is checked under (it decides, say, whether
	// an env file counts as production); optional.
	File  string `yaml:"file"`
	Input string `yaml:"input"`
}

// Area is one row of the launch-readiness scorecard.
type Area struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	// Parts are what it takes to vouch for the row: it passes only when
	// every part ran and found nothing.
	Parts []AreaPart `yaml:"parts"`
}

// AreaPart is one check's share of a scorecard row.
type AreaPart struct {
	// Check is the name of the check that covers it ("openapi", "probe").
	Check string `yaml:"check"`
	// What says what the part verifies, for the report.
	What string `yaml:"what"`
	// Needs says what the part takes to run, for a row it left unchecked.
	Needs string `yaml:"needs"`
}

// Catalog is the loaded, validated rule set.
type Catalog struct {
	rules []*Rule
	byID  map[string]*Rule
	areas []Area
}

type file struct {
	Areas []Area `yaml:"areas"`
	Rules []Rule `yaml:"rules"`
}

var idPattern = regexp.MustCompile(`^(openapi|secret|debug|env|cors|transport|ratelimit|probe|dns|monitoring)/[a-z0-9]+(-[a-z0-9]+)*$`)

// Load reads every *.yaml file at the top of fsys.
func Load(fsys fs.FS) (*Catalog, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	c := &Catalog{byID: map[string]*Rule{}}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		var f file
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&f); err != nil {
			return nil, fmt.Errorf("rules/%s: %w", name, err)
		}
		for _, a := range f.Areas {
			if err := checkArea(a); err != nil {
				return nil, fmt.Errorf("rules/%s: %w", name, err)
			}
		}
		c.areas = append(c.areas, f.Areas...)
		for i := range f.Rules {
			r := &f.Rules[i]
			if _, dup := c.byID[r.ID]; dup {
				return nil, fmt.Errorf("rules/%s: rule %s is defined twice", name, r.ID)
			}
			c.byID[r.ID] = r
			c.rules = append(c.rules, r)
		}
	}
	for _, r := range c.rules {
		if err := c.validate(r); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(c.rules, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
	return c, nil
}

func (c *Catalog) validate(r *Rule) error {
	switch {
	case !idPattern.MatchString(r.ID):
		return fmt.Errorf("rule %q: id must be <category>/<slug> with a known category", r.ID)
	case r.Title == "" || r.Description == "" || r.Help == "":
		return fmt.Errorf("rule %s: title, description and help are required", r.ID)
	case r.Area == "" || !slices.ContainsFunc(c.areas, func(a Area) bool { return a.ID == r.Area }):
		return fmt.Errorf("rule %s: area %q is not a scorecard area", r.ID, r.Area)
	case r.Severity >= finding.Never:
		return fmt.Errorf("rule %s: severity must be critical, high, medium, low or info", r.ID)
	}
	if m := r.Match; m != nil {
		if m.Pattern == "" || len(m.Files) == 0 {
			return fmt.Errorf("rule %s: match needs a pattern and files", r.ID)
		}
		for _, re := range []string{m.Pattern, m.Unless, m.UnlessBefore, m.UnlessAfter} {
			if _, err := regexp.Compile(re); err != nil {
				return fmt.Errorf("rule %s: %w", r.ID, err)
			}
		}
		if err := checkValue(m); err != nil {
			return fmt.Errorf("rule %s: %w", r.ID, err)
		}
		if m.Window < 0 || m.Window > MaxWindow {
			return fmt.Errorf("rule %s: match window must be between 1 and %d lines", r.ID, MaxWindow)
		}
		if m.UnlessBefore != "" && m.Window < 2 {
			return fmt.Errorf("rule %s: match unless_before needs a window of 2 or more lines", r.ID)
		}
		if m.UnlessAfter != "" && m.Window < 2 {
			return fmt.Errorf("rule %s: match unless_after needs a window of 2 or more lines", r.ID)
		}
	}
	for _, cwe := range r.CWE {
		if !strings.HasPrefix(cwe, "CWE-") {
			return fmt.Errorf("rule %s: cwe %q must look like CWE-306", r.ID, cwe)
		}
	}
	for _, o := range r.OWASP {
		if !strings.Contains(o, ":2023 ") {
			return fmt.Errorf("rule %s: owasp %q must look like \"API2:2023 Broken Authentication\"", r.ID, o)
		}
	}
	return nil
}

// checkValue rejects a Match.Value of an unknown kind, or one whose
// pattern captures no value to judge.
func checkValue(m *Match) error {
	switch m.Value {
	case "":
		return nil
	case ValueSigningSecret:
	default:
		return fmt.Errorf("match value %q is not a known kind (%s)", m.Value, ValueSigningSecret)
	}
	// RE2, which windowed patterns run on, rejects a name used twice.
	n := 0
	for _, name := range regexp.MustCompile(m.Pattern).SubexpNames() { // compiled above
		if name == valueGroup {
			n++
		}
	}
	if n != 1 {
		return fmt.Errorf("match value needs a pattern with one group named %q", valueGroup)
	}
	return nil
}

// Add puts rules that are made at run time (one per gitleaks rule, say)
// into the catalog, validated like those read from YAML.
func (c *Catalog) Add(rules ...*Rule) error {
	for _, r := range rules {
		if _, dup := c.byID[r.ID]; dup {
			return fmt.Errorf("rule %s is defined twice", r.ID)
		}
		if err := c.validate(r); err != nil {
			return err
		}
		c.byID[r.ID] = r
		c.rules = append(c.rules, r)
	}
	slices.SortFunc(c.rules, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
	return nil
}

// Rules returns every rule, sorted by ID.
func (c *Catalog) Rules() []*Rule { return c.rules }

// Rule returns the rule with id, or nil.
func (c *Catalog) Rule(id string) *Rule { return c.byID[id] }

// checkArea rejects a scorecard row that could never pass or could not say
// why it did not.
func checkArea(a Area) error {
	if len(a.Parts) == 0 {
		return fmt.Errorf("area %s has no parts", a.ID)
	}
	for _, p := range a.Parts {
		if p.Check == "" || p.What == "" || p.Needs == "" {
			return fmt.Errorf("area %s: every part needs a check, what it verifies and what it needs", a.ID)
		}
	}
	return nil
}

// Areas returns the scorecard areas in display order.
func (c *Catalog) Areas() []Area { return c.areas }

// HelpURI is where a rule's documentation lives in the repository.
func HelpURI(id string) string {
	return "https://github.com/launchgate/launchgate/blob/main/docs/rules.md#" + anchor(id)
}
