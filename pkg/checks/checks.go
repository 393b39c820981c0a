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
	"github.com/launchgate/launchgate/pkg/checks/envcheck"
	"github.com/launchgate/launchgate/pkg/checks/manifests"
	"github.com/launchgate/launchgate/pkg/checks/openapi"
	"github.com/launchgate/launchgate/pkg/checks/secretscan"
	"github.com/launchgate/launchgate/pkg/secrets"
	"github.com/launchgate/launchgate/rules"
)

// Registry is the rule catalog together with the checks that emit its
// rules.
type Registry struct {
	Catalog *catalog.Catalog
	// Static are the checks `launchgate scan` runs.
	Static []*check.Check
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
	return &Registry{
		Catalog: cat,
		Static: []*check.Check{
			openapi.New(),
			secretscan.New(startEngine(), secretRuleIDs(cat)),
			dbg,
			envcheck.New(),
			crs,
			mf,
		},
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

// secretRuleIDs lists the catalog's secret/* rules: gitleaks' and ours.
func secretRuleIDs(cat *catalog.Catalog) []string {
	var ids []string
	for _, r := range cat.Rules() {
		if r.Category() == "secret" {
			ids = append(ids, r.ID)
		}
	}
	return ids
}
