// Package debug is the debug-switch check: it reads the source and config
// files of the tree with the catalog's line rules (rules/debug.yaml) and
// reports debuggers, development modes, exposed diagnostics and stack
// traces on their way to production, and, with rules/signing.yaml, the
// keys that sign sessions and tokens written in the code as placeholders
// or weak literals.
//
// The rules are data. Each names the files it reads (globs, and whether
// only files that configure production count, as pkg/prodfile decides), a
// line pattern and what keeps a line quiet; this package compiles them once
// and applies them line by line. Test files are never read. NewLines runs
// the same engine over another category's line rules, so a check made of
// patterns needs no engine of its own.
package debug

import (
	"bytes"
	"context"
	"log/slog"
	"slices"
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/prodfile"
	"github.com/launchgate/launchgate/pkg/redact"
)

// category is the catalog category of the check's own rules.
const category = "debug"

// secretCategory is the category of the signing-secret line rules
// (rules/signing.yaml) the check runs too: they read the same code with
// the same engine. The secrets check runs the other secret rules.
const secretCategory = "secret"

// categories are the catalog categories whose line rules the check runs.
func categories() []string { return []string{category, secretCategory} }

// maxExcerpt bounds the matched text quoted in a message.
const maxExcerpt = 80

// files is what the check reads: a source.Tree, or a map in tests.
type files = check.Files

// Spec says which catalog rules a line-rule check runs and how it presents
// itself; every rule of Categories that has a line Match is run.
type Spec struct {
	// Name and Doc become the check's (see check.Check).
	Name, Doc string
	// Categories are the rule-ID categories ("debug", "cors") whose line
	// rules the check runs.
	Categories []string
	// Areas are the scorecard rows the check covers.
	Areas []string
	// Refine, when set, is given each file's reports together with the
	// file's content and returns the reports to emit: for judgements a
	// line window cannot make, such as a setting elsewhere in the same file
	// that changes what a match means.
	Refine func(name string, data []byte, reports []check.Report) []check.Report
	// Evidence, when set, is given after a run the number of files the
	// rules of each category read (test files are never read) and the
	// reports the run emitted, to record in t.Tally what was checked.
	Evidence func(t *check.Target, read map[string]int, reports []check.Report)
}

// New returns the debug-switch check, running every rule of cat in the
// debug category that has a line Match. It fails when a rule's expression
// does not compile, which the catalog's own validation already prevents.
func New(cat *catalog.Catalog) (*check.Check, error) {
	c, rules, err := newLines(cat, Spec{
		Name: "debug",
		Doc: `debug switches and development settings in production config

Reads the source and configuration files of the checkout with the line rules
of rules/debug.yaml: framework debuggers, development environments in
Dockerfiles, compose files and deploy manifests, diagnostics endpoints and
stack traces sent to clients; and with those of rules/signing.yaml: session
and token signing keys written in the code as placeholders or weak literals.`,
		Categories: categories(),
		Areas:      []string{"config"},
	})
	if err != nil {
		return nil, err
	}
	c.Run = func(ctx context.Context, t *check.Target, emit func(check.Report)) error {
		var reports []check.Report
		sel := selectFiles(t.Tree, rules, t.InDiff)
		if err := sel.scan(ctx, t.Tree, nil, loggerOf(t), func(r check.Report) { reports = append(reports, r) }); err != nil {
			return err
		}
		reports, err := withReachablePprof(ctx, t.Tree, reports)
		if err != nil {
			return err
		}
		n := 0
		for _, r := range reports {
			if strings.HasPrefix(r.Rule, category+"/") {
				n++
			}
			emit(r)
		}
		read := sel.read()[category]
		t.Tally.Record("config", "debug switches looked for in %d source and config %s: %d found", read, plural(read, "file"), n)
		return nil
	}
	return c, nil
}

// loggerOf is the target's logger, or one that discards.
func loggerOf(t *check.Target) *slog.Logger {
	if t.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return t.Logger
}

// NewLines returns a check that applies the line rules of spec's
// categories to the files of the tree, as the debug check does with its
// own. It fails when a rule's expression does not compile.
func NewLines(cat *catalog.Catalog, spec Spec) (*check.Check, error) {
	c, _, err := newLines(cat, spec)
	return c, err
}

// newLines is NewLines, with the compiled rules.
func newLines(cat *catalog.Catalog, spec Spec) (*check.Check, []*lineRule, error) {
	rules, err := compileCategories(cat, spec.Categories)
	if err != nil {
		return nil, nil, err
	}
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.id
	}
	return &check.Check{
		Name:    spec.Name,
		Doc:     spec.Doc,
		Areas:   spec.Areas,
		Rules:   ids,
		Applies: func(t *check.Target) bool { return t.Tree != nil },
		Run: func(ctx context.Context, t *check.Target, emit func(check.Report)) error {
			log := loggerOf(t)
			sel := selectFiles(t.Tree, rules, t.InDiff)
			if spec.Evidence == nil {
				return sel.scan(ctx, t.Tree, spec.Refine, log, emit)
			}
			var reports []check.Report
			err := sel.scan(ctx, t.Tree, spec.Refine, log, func(r check.Report) {
				reports = append(reports, r)
				emit(r)
			})
			if err != nil {
				return err
			}
			spec.Evidence(t, sel.read(), reports)
			return nil
		},
	}, rules, nil
}

// compileRules compiles the rules of cat the check runs that have a
// Match, in the catalog's order.
func compileRules(cat *catalog.Catalog) ([]*lineRule, error) {
	return compileCategories(cat, categories())
}

// compileCategories compiles the rules of cat in categories that have a
// Match, in the catalog's order.
func compileCategories(cat *catalog.Catalog, categories []string) ([]*lineRule, error) {
	var out []*lineRule
	for _, r := range cat.Rules() {
		if !slices.Contains(categories, r.Category()) || r.Match == nil {
			continue
		}
		lr, err := compileRule(r)
		if err != nil {
			return nil, err
		}
		out = append(out, lr)
	}
	indexLiterals(out)
	return out, nil
}

// job is one file and the rules that read it.
type job struct {
	name  string
	rules []*lineRule
}

// scanFiles applies rules to every file of fs they read, concurrently, and
// emits the reports in file order, each file's through refine when it is
// not nil.
func scanFiles(ctx context.Context, fs files, rules []*lineRule, refine func(string, []byte, []check.Report) []check.Report, log *slog.Logger, emit func(check.Report)) error {
	return selectFiles(fs, rules, nil).scan(ctx, fs, refine, log, emit)
}

// selection is the files of a tree some rule reads, in tree order, each
// with the rules that read it.
type selection struct {
	names  []string
	byName map[string][]*lineRule
}

// selectFiles picks the files of fs the rules read; test files are never
// read. With reportable not nil, only the files it accepts are (in a diff
// scan, those the range changed: a line rule reports on the file it read).
func selectFiles(fs files, rules []*lineRule, reportable func(string) bool) selection {
	sel := selection{byName: map[string][]*lineRule{}}
	for _, name := range fs.Files() {
		if prodfile.IsTest(name) || reportable != nil && !reportable(name) {
			continue
		}
		var rs []*lineRule
		for _, r := range rules {
			if r.appliesTo(name) {
				rs = append(rs, r)
			}
		}
		if len(rs) > 0 {
			sel.names = append(sel.names, name)
			sel.byName[name] = rs
		}
	}
	return sel
}

// scan applies the selected rules to their files, concurrently, and emits
// the reports in file order, each file's through refine when it is not
// nil.
func (sel selection) scan(ctx context.Context, fs files, refine func(string, []byte, []check.Report) []check.Report, log *slog.Logger, emit func(check.Report)) error {
	return check.EachFile(ctx, fs, sel.names, "line-rule check", log, func(name string, data []byte) []check.Report {
		reports := fileReports(name, data, sel.byName[name])
		if refine != nil && len(reports) > 0 {
			reports = refine(name, data, reports)
		}
		return reports
	}, emit)
}

// read counts, per rule category ("debug", "cors"), the selected files
// some rule of the category reads.
func (sel selection) read() map[string]int {
	out := map[string]int{}
	for _, name := range sel.names {
		var seen []string
		for _, r := range sel.byName[name] {
			c, _, _ := strings.Cut(r.id, "/")
			if !slices.Contains(seen, c) {
				seen = append(seen, c)
				out[c]++
			}
		}
	}
	return out
}

// plural is noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// fileReports applies rules to the content of the file name.
func fileReports(name string, data []byte, rules []*lineRule) []check.Report {
	var out []check.Report
	seen := map[string]int{}
	var lines [][]byte // split on the first conditional rule's hit
	scanLines(data, rules, func(h hit) {
		quoted := h.match
		if h.rule.judge != nil {
			quoted = maskValue(h.match, h.value)
		}
		match := normalize(closeExcerpt(quoted, h.text[h.end:]))
		// The fingerprint rests on what matched, not on the line number,
		// so it survives edits above; a repeat of the same text in the
		// same file gets its ordinal so dedupe keeps both.
		key := h.rule.id + "\x00" + name + "\x00" + match
		seen[key]++
		if n := seen[key]; n > 1 {
			key += "\x00" + strconv.Itoa(n)
		}
		r := check.Report{
			Rule:    h.rule.id,
			File:    name,
			Line:    h.line,
			Column:  h.column,
			Message: h.rule.title + ": `" + redact.Excerpt(match, maxExcerpt) + "`",
			Key:     key,
		}
		if h.rule.judge != nil {
			// The literal is a secret, however weak: the message says
			// what is wrong with it and quotes nothing.
			r.Message = h.rule.title + ": " + h.reason
		}
		if h.rule.conditional != nil {
			if lines == nil {
				lines = bytes.Split(data, []byte("\n"))
			}
			capConditional(&r, h.rule, lines)
		}
		out = append(out, r)
	})
	return out
}

// closeExcerpt extends match with the closing quotes and brackets that
// follow it on the line, so a message quotes `value: "1"` rather than
// `value: "1`.
func closeExcerpt(match, rest []byte) []byte {
	var open []byte
	for _, c := range match {
		switch {
		case len(open) > 0 && c == open[len(open)-1]:
			open = open[:len(open)-1]
		case c == '"' || c == '\'':
			open = append(open, c)
		case c == '(':
			open = append(open, ')')
		case c == '[':
			open = append(open, ']')
		case c == '{':
			open = append(open, '}')
		}
	}
	n := 0
	for n < len(rest) && len(open) > 0 && rest[n] == open[len(open)-1] {
		open = open[:len(open)-1]
		n++
	}
	if n == 0 {
		return match
	}
	return append(match[:len(match):len(match)], rest[:n]...)
}

// normalize collapses runs of white space so that re-indenting a line
// keeps its fingerprint, and makes the text valid UTF-8.
func normalize(b []byte) string {
	return strings.ToValidUTF8(strings.Join(strings.Fields(string(b)), " "), "\uFFFD")
}
