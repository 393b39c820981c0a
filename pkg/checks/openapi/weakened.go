package openapi

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/gitdiff"
	"github.com/launchgate/launchgate/pkg/spec"
)

// weaker reports whether head lets in a caller base kept out: it went from
// auth to none, [] or {}, or some alternative of head asks for less than
// every alternative of base (a scheme or a scope dropped, or a new way in).
func weaker(base, head *spec.Security) bool {
	if base.Disabled() {
		return false
	}
	if head.Disabled() {
		return true
	}
	baseCreds := make([]credential, len(base.Requirements))
	for i, r := range base.Requirements {
		baseCreds[i] = credentialOf(r)
	}
	for _, r := range head.Requirements {
		h := credentialOf(r)
		covered := false
		for _, b := range baseCreds {
			if b.subsetOf(h) {
				covered = true
				break
			}
		}
		if !covered {
			return true
		}
	}
	return false
}

// compareDocs reports the operations of head whose security is weaker than
// at base. Operations only at base were removed, not weakened.
//
// A route written twice in one document (two path keys that read the same,
// a duplicated key in a broken spec) has no one security to compare with:
// it is weakened only when head is weaker than every writing of it at base.
// Pairing the writings some other way would compare a route with a
// different writing of itself and report a change in a document that did
// not change at all.
func compareDocs(base, head *spec.Document, cfg *config.Config, emit func(check.Report)) {
	before := make(map[string][]*spec.Operation, len(base.Operations))
	for _, op := range base.Operations {
		if op != nil {
			before[op.Key()] = append(before[op.Key()], op)
		}
	}
	rc := &ruleContext{doc: head, cfg: cfg, report: emit}
	for _, op := range head.Operations {
		if op == nil {
			continue
		}
		var changes []string
		for i, old := range before[op.Key()] {
			c := weakening(base, old, head, op)
			if len(c) == 0 {
				changes = nil
				break
			}
			if i == 0 {
				changes = c
			}
		}
		if len(changes) > 0 {
			r := rc.opReport(ruleAuthWeakened, op, op.Key()+": "+strings.Join(changes, "; "))
			r.OfChange = true
			emit(r)
		}
	}
}

// weakening says how op in head lets in callers that old in base kept out,
// or is empty when it does not.
func weakening(base *spec.Document, old *spec.Operation, head *spec.Document, op *spec.Operation) []string {
	var changes []string
	was, now := old.Effective(base), op.Effective(head)
	if weaker(was, now) {
		changes = append(changes, "security was "+describeSecurity(was)+", now "+describeSecurity(now))
	}
	oldReason, _ := publicExtension(old)
	newReason, _ := publicExtension(op)
	if oldReason == "" && newReason != "" {
		changes = append(changes, "newly declared public with "+extPublic+" (\""+newReason+"\"), so the auth checks no longer cover it")
	}
	return changes
}

// checkWeakened loads each spec as it was at the range's base and reports
// operations whose security got weaker. A spec absent at base is new:
// nothing in it was weakened.
func checkWeakened(ctx context.Context, t *check.Target, heads []loaded, cfg *config.Config, emit func(check.Report)) error {
	repo, err := gitdiff.Open(ctx, t.Root)
	if err != nil {
		return fmt.Errorf("comparing OpenAPI specs with %s: %w", t.Diff.Base, err)
	}
	prefix, err := repo.RelPath(t.Root)
	if err != nil {
		return fmt.Errorf("comparing OpenAPI specs with %s: %w", t.Diff.Base, err)
	}
	read := baseReader(ctx, repo, t.Diff.Base, prefix)
	var names []string
	var pair []int
	for i, name := range t.Specs {
		if heads[i].doc == nil {
			continue
		}
		if _, err := read(name); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return fmt.Errorf("reading %s at %s: %w", name, t.Diff.Base, err)
		}
		names = append(names, name)
		pair = append(pair, i)
	}
	bases, err := loadAll(ctx, names, read, specOptions(cfg))
	if err != nil {
		return err
	}
	for j, b := range bases {
		if b.doc != nil {
			compareDocs(b.doc, heads[pair[j]].doc, cfg, emit)
		}
	}
	return nil
}

// baseReader reads files, named relative to the scan root, as committed at
// rev; prefix is the scan root relative to the repository root.
func baseReader(ctx context.Context, repo *gitdiff.Repo, rev, prefix string) spec.ReadFunc {
	return func(name string) ([]byte, error) {
		return repo.ReadFile(ctx, rev, path.Join(prefix, name))
	}
}
