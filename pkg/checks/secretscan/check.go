// Package secretscan is the secrets check: it feeds the files of the tree,
// the lines a --diff range adds, and build artifacts (bundles, source maps,
// archives) to the secrets engine, and reports what it finds, redacted.
package secretscan

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/secrets"
)

// Rule IDs of the check's own findings about what it reads.
const (
	ruleSourceMap      = "debug/source-map-published"
	ruleUnreadable     = "secret/unreadable-artifact"
	ruleUnreadableFile = check.RuleUnreadableFile
)

// New returns the secrets check, scanning with the engine engine returns,
// or with one built for the target's config when it asks to read lock
// files or dependencies, which the default engine skips.
func New(engine func() (*secrets.Engine, error), ruleIDs []string) *check.Check {
	return &check.Check{
		Name: "secrets",
		Doc: `secrets in the tree, the PR diff and build artifacts

Scans tracked files (or, with --diff, only the lines the range adds and
the binary files it adds or changes) and
build output given with --artifacts — folders, archives, minified bundles
and the original sources inside their source maps — with gitleaks' rules
and launchgate's own, and reports every secret redacted. Binary files are
searched for provider-format keys in their printable strings, and key
stores are recognised by their first bytes. A file or
archive it could not read whole is a finding too, since the gate cannot
vouch for what it did not see.`,
		Areas: []string{"secrets"},
		Rules: append(slices.Clone(ruleIDs), ruleSourceMap, ruleUnreadable, ruleUnreadableFile),
		Applies: func(t *check.Target) bool {
			return t.Tree != nil || len(t.Artifacts) > 0
		},
		Run: func(ctx context.Context, t *check.Target, emit func(check.Report)) error {
			var e *secrets.Engine
			var err error
			if c := t.Config; c != nil && (c.Secrets.ScanLockFiles || c.Secrets.ScanDependencies) {
				e, err = secrets.New(secrets.Options{ScanLockFiles: c.Secrets.ScanLockFiles, ScanDependencies: c.Secrets.ScanDependencies})
			} else {
				e, err = engine()
			}
			if err != nil {
				return err
			}
			return (&scan{eng: e, t: t, emit: syncEmit(emit)}).run(ctx)
		},
	}
}

// scan is one run of the check.
type scan struct {
	eng  *secrets.Engine
	t    *check.Target
	emit func(check.Report)
	// c counts what the running phase scanned.
	c *counts
}

func (s *scan) run(ctx context.Context) error {
	if s.t.Tree != nil {
		s.unreadable()
	}
	if s.t.Diff != nil {
		s.c = &counts{}
		if err := s.diff(ctx); err != nil {
			return err
		}
		s.recordDiff(s.c)
	} else if s.t.Tree != nil {
		s.c = &counts{}
		if err := s.tree(ctx); err != nil {
			return err
		}
		s.recordTree(s.c)
	}
	if len(s.t.Artifacts) == 0 {
		return nil
	}
	s.c = &counts{}
	if err := s.artifacts(ctx); err != nil {
		return err
	}
	s.recordArtifacts(s.c)
	return nil
}

// piece is one fragment to scan and how its findings are reported.
type piece struct {
	secrets.Fragment
	// ofChange marks findings the diff filter must keep whatever their
	// lines (build output is judged whole).
	ofChange bool
	// binary marks the printable strings of a binary file: only keys in a
	// provider's own format count there, and they have no line.
	binary bool
}

// put hands a piece to the scanner.
type put func(piece) error

// fragments scans each piece the feed produces, in parallel.
func (s *scan) fragments(ctx context.Context, feed func(put) error) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	err := feed(func(p piece) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		g.Go(func() error {
			found, err := s.eng.Scan(ctx, p.Fragment)
			if err != nil {
				return fmt.Errorf("scanning %s: %w", p.Path, err)
			}
			for _, sec := range found {
				if p.binary {
					if r, ok := binaryReport(p.Path, sec, p.ofChange); ok {
						s.emit(r)
					}
					continue
				}
				s.emit(report(p.Path, sec, p.ofChange))
			}
			return nil
		})
		return nil
	})
	if werr := g.Wait(); err == nil {
		err = werr
	}
	return err
}

// report turns what the engine found in the fragment at path into a check
// report. The engine's severity is the finding's, above or below the
// rule's default: it knows what the value and its place say (a
// test-mode key, a password for localhost, an example in a README).
func report(path string, sec secrets.Secret, ofChange bool) check.Report {
	return check.Report{
		Rule:        sec.RuleID,
		File:        path,
		Line:        sec.Line,
		Column:      sec.Column,
		Message:     sec.Message,
		Key:         sec.Key,
		MinSeverity: sec.Severity,
		Capped:      true,
		MaxSeverity: sec.Severity,
		OfChange:    ofChange,
	}
}

// syncEmit makes emit safe to call from several goroutines.
func syncEmit(emit func(check.Report)) func(check.Report) {
	var mu sync.Mutex
	return func(r check.Report) {
		mu.Lock()
		defer mu.Unlock()
		emit(r)
	}
}
