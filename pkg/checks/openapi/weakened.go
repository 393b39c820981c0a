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
func compareDocs(base, head *spec.Document, cfg *config.Config, emit func(check.Report)) {
	before := make(map[string]*spec.Operation, len(base.Operations))
	for _, op := range base.Operations {
		if op != nil {
			before[op.Key()] = op
		}
	}
	rc := &ruleContext{doc: head, cfg: cfg, report: emit}
	for _, op := range head.Operations {
		if op == nil {
			continue
		}
		old, ok := before[op.Key()]
		if !ok {
			continue
		}
		was, now := old.Effective(base), op.Effective(head)
		var changes []string
		if weaker(was, now) {
			changes = append(changes, "security was "+describeSecurity(was)+", now "+describeSecurity(now))
		}
		oldReason, _ := publicExtension(old)
		newReason, _ := publicExtension(op)
		if oldReason == "" && newReason != "" {
			changes = append(changes, "newly declared public with "+extPublic+" (\""+newReason+"\"), so the auth checks no longer cover it")
		}
		if len(changes) > 0 {
			r := rc.opReport(ruleAuthWeakened, op, op.Key()+": "+strings.Join(changes, "; "))
			r.OfChange = true
			emit(r)
		}
	}
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
	bases, err := loadAll(ctx, names, read)
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
