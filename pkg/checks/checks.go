// Package checks is the registry of every check launchgate runs: adding a
// check is adding its package and one line here.
package checks

import (
	"context"
	"fmt"
	"sync"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/checks/cors"
	"github.com/launchgate/launchgate/pkg/checks/debug"
	"github.com/launchgate/launchgate/pkg/checks/dnscheck"
	"github.com/launchgate/launchgate/pkg/checks/envcheck"
	"github.com/launchgate/launchgate/pkg/checks/manifests"
	"github.com/launchgate/launchgate/pkg/checks/monitors"
	"github.com/launchgate/launchgate/pkg/checks/openapi"
	"github.com/launchgate/launchgate/pkg/checks/probeabuse"
	"github.com/launchgate/launchgate/pkg/checks/probeauth"
	"github.com/launchgate/launchgate/pkg/checks/probeexposure"
	"github.com/launchgate/launchgate/pkg/checks/probetransport"
	"github.com/launchgate/launchgate/pkg/checks/secretscan"
	"github.com/launchgate/launchgate/pkg/redact"
	"github.com/launchgate/launchgate/pkg/secrets"
	"github.com/launchgate/launchgate/rules"
)

// Registry is the rule catalog together with the checks that emit its
// rules. The catalog is built by Load; what a check needs to run (compiled
// patterns, the secrets engine) is built the first time a run asks whether
// it applies, so a command builds only what the checks it runs need.
type Registry struct {
	Catalog *catalog.Catalog
	// Static are the checks `launchgate scan` runs.
	Static []*check.Check
	// Live are the checks `launchgate probe` runs.
	Live []*check.Check
	// DNS are the checks `launchgate dns` runs.
	DNS []*check.Check
	// Redactor is what every message, note, error and log line goes
	// through on its way out: the built-in recognisers and the secrets
	// engine the checks use. The first text it redacts waits for the
	// engine, building it if nothing has started it.
	Redactor *redact.Redactor

	engine *engine
	// built are the lazily built checks of Static, Live and DNS, by the
	// value the registry lists.
	built map[*check.Check]func() (*check.Check, error)
}

// Load builds the catalog (rules/*.yaml plus one rule per gitleaks rule)
// and the checks, fresh. Checks are built on first use.
func Load() (*Registry, error) {
	cat, err := catalog.Load(rules.FS)
	if err != nil {
		return nil, fmt.Errorf("rule catalog: %w", err)
	}
	generated, err := secrets.CatalogRules()
	if err != nil {
		return nil, fmt.Errorf("rule catalog: %w", err)
	}
	if err := cat.Add(generated...); err != nil {
		return nil, fmt.Errorf("rule catalog: %w", err)
	}
	mf, err := manifests.New(cat)
	if err != nil {
		return nil, err
	}
	eng := newEngine()
	reg := &Registry{
		Catalog:  cat,
		Redactor: redactor(eng.get),
		engine:   eng,
		built:    map[*check.Check]func() (*check.Check, error){},
	}
	reg.Static = []*check.Check{
		openapi.New(),
		monitors.New(),
		secretscan.New(eng.get, secretRuleIDs(cat)),
		reg.lazy("debug", []string{"config"}, func() (*check.Check, error) { return debug.New(cat) }),
		envcheck.New(),
		reg.lazy("cors", []string{"cors", "transport"}, func() (*check.Check, error) { return cors.New(cat) }),
		mf,
	}
	// probe-abuse runs last: its sign-in burst may trip a throttle,
	// whose Retry-After pauses the client for whatever comes after.
	reg.Live = []*check.Check{
		probeauth.New(nil),
		probeexposure.New(eng.get),
		probetransport.New(nil),
		probeabuse.New(),
	}
	reg.DNS = []*check.Check{dnscheck.New()}
	// Every run redacts what it reports, so the engine builds in the
	// background from the first check a run asks about, while that check
	// reads the checkout or waits on the network.
	for _, list := range [][]*check.Check{reg.Static, reg.Live, reg.DNS} {
		for i, c := range list {
			list[i] = startingEngine(c, eng.start)
			if build, ok := reg.built[c]; ok {
				delete(reg.built, c)
				reg.built[list[i]] = build
			}
		}
	}
	return reg, nil
}

// StartEngine starts building the secrets engine in the background, for
// a command that will redact what it prints (every scan does) and has
// other work to do first: listing files, loading specs. Calling it again
// does nothing.
func (r *Registry) StartEngine() {
	if r.engine != nil {
		r.engine.start()
	}
}

// Built returns c, a check of the registry, with everything it needs to
// run built: its rule IDs and doc included.
func (r *Registry) Built(c *check.Check) (*check.Check, error) {
	if build, ok := r.built[c]; ok {
		return build()
	}
	return c, nil
}

// lazy is the check build makes, built the first time a run asks whether
// it applies or runs it. Its name and areas are known before: the runner
// shows the areas of a check not selected as "not run".
func (r *Registry) lazy(name string, areas []string, build func() (*check.Check, error)) *check.Check {
	once := sync.OnceValues(build)
	c := &check.Check{
		Name:  name,
		Areas: areas,
		// A check that failed to build applies, and its Run says why.
		Applies: func(t *check.Target) bool {
			b, err := once()
			return err != nil || b.Applies == nil || b.Applies(t)
		},
		Run: func(ctx context.Context, t *check.Target, emit func(check.Report)) error {
			b, err := once()
			if err != nil {
				return err
			}
			return b.Run(ctx, t, emit)
		},
	}
	r.built[c] = once
	return c
}

// startingEngine is c, starting the secrets engine the first time a run
// asks whether it applies.
func startingEngine(c *check.Check, start func()) *check.Check {
	out := *c
	out.Applies = func(t *check.Target) bool {
		start()
		return c.Applies == nil || c.Applies(t)
	}
	return &out
}

// engine is the secrets engine, built once (compiling some 200 patterns
// takes a moment): in the background from start, or by the first get.
type engine struct {
	start func()
	get   func() (*secrets.Engine, error)
}

func newEngine() *engine {
	type built struct {
		eng *secrets.Engine
		err error
	}
	done := make(chan built, 1)
	start := sync.OnceFunc(func() {
		go func() {
			eng, err := secrets.New(secrets.Options{})
			done <- built{eng, err}
		}()
	})
	return &engine{
		start: start,
		get: sync.OnceValues(func() (*secrets.Engine, error) {
			start()
			b := <-done
			if b.err != nil {
				return nil, fmt.Errorf("secrets engine: %w", b.err)
			}
			return b.eng, nil
		}),
	}
}

// secretRuleIDs lists the catalog's secret/* rules: gitleaks' and ours,
// except the line rules, which the debug check runs.
func secretRuleIDs(cat *catalog.Catalog) []string {
	var ids []string
	for _, r := range cat.Rules() {
		if r.Category() == "secret" && r.Match == nil {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// redactor takes out of text what the built-in recognisers and the
// secrets engine find, once the engine is built; an engine that failed to
// build leaves the built-in recognisers, and the scan reports its error.
func redactor(engine func() (*secrets.Engine, error)) *redact.Redactor {
	return redact.New(func(text string) []redact.Span {
		e, err := engine()
		if err != nil {
			return nil
		}
		return e.Spans(text)
	})
}
