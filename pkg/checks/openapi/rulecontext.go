package openapi

import (
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/spec"
)

// authState is what an operation's effective security amounts to.
type authState int

const (
	// authNone: no security anywhere (no operation and no root security).
	authNone authState = iota
	// authDisabled: security is [] or has an empty {} alternative.
	authDisabled
	// authUndefined: every alternative names only undefined schemes, so no
	// real credential is asked for; undefined-security-scheme reports it.
	authUndefined
	// authRequired: some real credential is required.
	authRequired
)

// opFacts are the per-operation facts several rules share, computed once
// per document so each rule stays linear in the number of operations.
type opFacts struct {
	op *spec.Operation
	// sec is the effective security; inherited when it comes from the root.
	sec       *spec.Security
	inherited bool
	auth      authState
	// public is set when the route is declared public with a reason, by
	// config or by x-launchgate-public.
	public bool
}

// ruleContext is what a rule function sees: one document, the config, the
// shared facts and the report sink.
type ruleContext struct {
	doc    *spec.Document
	cfg    *config.Config
	report func(check.Report)
	ops    []opFacts
	// used names the schemes some requirement (root or operation) refers to.
	used map[string]bool
	// ev is what the rules verified, filled as they decide.
	ev evidence
}

func newRuleContext(doc *spec.Document, cfg *config.Config, report func(check.Report)) *ruleContext {
	rc := &ruleContext{doc: doc, cfg: cfg, report: report, used: map[string]bool{}}
	markUsed(rc.used, doc.Security)
	rc.ops = make([]opFacts, 0, len(doc.Operations))
	for _, op := range doc.Operations {
		if op == nil {
			continue
		}
		markUsed(rc.used, op.Security)
		f := opFacts{op: op, sec: op.Effective(doc), inherited: op.Security == nil}
		f.auth = classify(f.sec, doc.Schemes)
		f.public = rc.declaredPublic(op)
		rc.ops = append(rc.ops, f)
		switch {
		case f.auth == authRequired:
			rc.ev.authed++
		case f.public:
			rc.ev.public++
		}
	}
	rc.ev.docs, rc.ev.name, rc.ev.ops = 1, doc.File, len(rc.ops)
	for _, s := range doc.Schemes {
		if s != nil {
			rc.ev.schemes++
		}
	}
	return rc
}

func markUsed(used map[string]bool, s *spec.Security) {
	if s == nil {
		return
	}
	for _, r := range s.Requirements {
		for _, u := range r.Schemes {
			used[u.Name] = true
		}
	}
}

// classify decides what sec amounts to given the defined schemes. An
// alternative is real when it names at least one defined scheme: it still
// demands that credential even if a sibling scheme is misspelt.
func classify(sec *spec.Security, schemes map[string]*spec.SecurityScheme) authState {
	switch {
	case sec == nil:
		return authNone
	case sec.Disabled():
		return authDisabled
	}
	for _, r := range sec.Requirements {
		for _, u := range r.Schemes {
			if schemes[u.Name] != nil {
				return authRequired
			}
		}
	}
	return authUndefined
}

// declaredPublic reports whether op is declared public with a reason.
func (rc *ruleContext) declaredPublic(op *spec.Operation) bool {
	if _, ok := rc.cfg.PublicRoute(op.Method, op.Path); ok {
		return true
	}
	reason, _ := publicExtension(op)
	return reason != ""
}

// opReport is a report anchored at an operation's block, so the diff filter
// keeps it when any line of the operation was added.
func (rc *ruleContext) opReport(rule string, op *spec.Operation, msg string) check.Report {
	return rc.locReport(rule, op.Loc, op.Key(), msg)
}

// locReport is a report at an element's location with a stable key.
func (rc *ruleContext) locReport(rule string, loc spec.Location, key, msg string) check.Report {
	return check.Report{
		Rule:    rule,
		File:    rc.fileOf(loc),
		Line:    loc.Line,
		Column:  loc.Column,
		EndLine: loc.EndLine,
		Message: msg,
		Key:     key,
	}
}

// fileOf is the file an element is written in; elements the loader could
// not place are reported on the root document.
func (rc *ruleContext) fileOf(loc spec.Location) string {
	if loc.File != "" {
		return loc.File
	}
	return rc.doc.File
}

// rootLoc is where document-wide findings are reported.
func (rc *ruleContext) rootLoc() spec.Location {
	loc := rc.doc.Loc
	if loc.Line == 0 {
		loc.Line = 1
	}
	// A document-wide finding is about the first lines, not the whole file;
	// spanning the file would make the diff filter keep it on any change.
	loc.EndLine = 0
	return loc
}

// capAt lowers r to at most severity s, for an instance of a rule that is
// less exposed than the rule's default says; the message says why.
func capAt(r check.Report, s finding.Severity) check.Report {
	r.Capped = true
	r.MaxSeverity = s
	return r
}
