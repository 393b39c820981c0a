// Package checks is the registry of every check launchgate runs: adding a
// check is adding its package and one line here.
package checks

import (
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
// rules.
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
	// engine the checks use.
	Redactor *redact.Redactor
}

// Load builds the catalog (rules/*.yaml plus one rule per gitleaks rule)
// and the checks, fresh.
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
	dbg, err := debug.New(cat)
	if err != nil {
		return nil, err
	}
	mf, err := manifests.New(cat)
	if err != nil {
		return nil, err
	}
	crs, err := cors.New(cat)
	if err != nil {
		return nil, err
	}
	engine := startEngine()
	return &Registry{
		Catalog:  cat,
		Redactor: redactor(engine),
		Static: []*check.Check{
			openapi.New(),
			monitors.New(),
			secretscan.New(engine, secretRuleIDs(cat)),
			dbg,
			envcheck.New(),
			crs,
			mf,
		},
		// probe-abuse runs last: its sign-in burst may trip a throttle,
		// whose Retry-After pauses the client for whatever comes after.
		Live: []*check.Check{
			probeauth.New(nil),
			probeexposure.New(engine),
			probetransport.New(nil),
			probeabuse.New(),
		},
		DNS: []*check.Check{dnscheck.New()},
	}, nil
}

// startEngine builds the secrets engine in the background (compiling some
// 200 patterns takes a moment) while the scan lists files and loads specs,
// and returns the function that waits for it.
func startEngine() func() (*secrets.Engine, error) {
	type built struct {
		eng *secrets.Engine
		err error
	}
	done := make(chan built, 1)
	go func() {
		eng, err := secrets.New(secrets.Options{})
		done <- built{eng, err}
	}()
	return sync.OnceValues(func() (*secrets.Engine, error) {
		b := <-done
		if b.err != nil {
			return nil, fmt.Errorf("secrets engine: %w", b.err)
		}
		return b.eng, nil
	})
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
