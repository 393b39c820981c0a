// Package openapi checks OpenAPI documents for the holes a buyer's security
// reviewer tests first: routes without authentication, optional auth,
// object routes without an ownership check, admin routes any user can call,
// weak transport and credentials, and sensitive routes without rate limits.
package openapi

import (
	"context"
	"fmt"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/spec"
)

// New returns the OpenAPI route-auth check.
func New() *check.Check {
	return &check.Check{
		Name: "openapi",
		Doc: `route authentication, tenant isolation and transport in OpenAPI specs

Loads every OpenAPI 2.0, 3.0 and 3.1 document of the target and checks that
every operation resolves to a defined security scheme or is declared public,
that object and admin routes declare ownership and roles, that servers and
credentials travel safely, and that sensitive routes declare rate limits.`,
		Areas: []string{"auth", "tenant", "transport", "ratelimit", "monitoring"},
		// A loaded document is the live heap: collecting at the usual
		// target instead of a tight one saves a fifth of the load time.
		GCPercent: 100,
		Rules:     RuleIDs(),
		Applies:   func(t *check.Target) bool { return len(t.Specs) > 0 },
		Run:       run,
	}
}

// loaded is one spec of the target after loading.
type loaded struct {
	doc      *spec.Document
	problems []spec.Problem
}

func run(ctx context.Context, t *check.Target, emit func(check.Report)) error {
	cfg := t.Config
	if cfg == nil {
		cfg = &config.Config{}
	}
	docs, err := loadAll(ctx, t.Specs, spec.DirReader(t.Root), specOptions(cfg))
	if err != nil {
		return err
	}
	var ev evidence
	var unread []string
	for i, l := range docs {
		for _, p := range l.problems {
			emit(problemReport(t.Specs[i], p))
		}
		if l.doc == nil {
			unread = append(unread, t.Specs[i])
			continue
		}
		d := checkDocument(l.doc, cfg, emit)
		ev.add(&d)
	}
	ev.record(t.Tally, unread)
	if t.Diff != nil {
		return checkWeakened(ctx, t, docs, cfg, emit)
	}
	return nil
}

// loadAll loads every named spec concurrently; the result is in the order
// of names so that reports come out deterministically.
// specOptions are the loader's options the config asks for.
func specOptions(cfg *config.Config) spec.Options {
	return spec.Options{MaxBytes: int64(cfg.Limits.MaxSpecBytes)}
}

func loadAll(ctx context.Context, names []string, read spec.ReadFunc, opts spec.Options) ([]loaded, error) {
	out := make([]loaded, len(names))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, name := range names {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			doc, problems := spec.Load(gctx, name, read, opts)
			out[i] = loaded{doc: doc, problems: problems}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, fmt.Errorf("loading OpenAPI specs: %w", err)
	}
	return out, nil
}

// checkDocument runs every rule function over one document and returns
// what they verified.
func checkDocument(doc *spec.Document, cfg *config.Config, emit func(check.Report)) evidence {
	rc := newRuleContext(doc, cfg, emit)
	for _, r := range ruleTable() {
		r.fn(rc)
	}
	return rc.ev
}
