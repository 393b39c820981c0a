// Package manifests is the deploy-manifest check: it reads the environment
// that Dockerfiles, Compose files, Kubernetes manifests, platform files
// (vercel.json, netlify.toml, fly.toml, render.yaml, app.yaml, Procfile)
// and GitHub workflows set, through pkg/manifest, and reports secrets
// written into them and manifests that do not parse.
//
// The rules are data in rules/manifest.yaml; the judgement of each is a
// function in judge.go. Placeholder, weak and local values and development
// switches in the same variables are the env check's and the debug check's.
package manifests

import (
	"context"
	"fmt"
	"log/slog"
	"path"
	"strings"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/manifest"
	"github.com/launchgate/launchgate/pkg/prodfile"
)

// files is what the check reads: a source.Tree, or a map in tests.
type files = check.Files

// New returns the manifests check. It fails when the catalog lacks one of
// the check's rules, which would leave its findings without a title.
func New(cat *catalog.Catalog) (*check.Check, error) {
	ids := ruleIDs()
	for _, id := range ids {
		if cat.Rule(id) == nil {
			return nil, fmt.Errorf("manifests check: rule %s is not in the catalog", id)
		}
	}
	return &check.Check{
		Name: "manifests",
		Doc: `secrets written into deploy manifests

Reads the environment that Dockerfiles, Compose files, Kubernetes manifests,
vercel.json, netlify.toml, fly.toml, render.yaml, App Engine app.yaml,
Procfiles and GitHub workflows set, and reports secret-named variables with
values written in the file, ConfigMaps holding secrets, committed Kubernetes
Secrets and manifests that do not parse.`,
		Areas:   []string{"config"},
		Rules:   ids,
		Applies: func(t *check.Target) bool { return t.Tree != nil },
		Run: func(ctx context.Context, t *check.Target, emit func(check.Report)) error {
			log := t.Logger
			if log == nil {
				log = slog.New(slog.DiscardHandler)
			}
			reports := 0
			found, err := scanFiles(ctx, t.Tree, log, func(r check.Report) {
				reports++
				emit(r)
			})
			if err != nil {
				return err
			}
			recordEvidence(t.Tally, found, reports)
			return nil
		},
	}, nil
}

// candidate reports whether the file at name may be a manifest, by name
// alone: a known file name, or YAML that may hold Kubernetes objects.
func candidate(name string) bool {
	if prodfile.IsTest(name) {
		return false
	}
	if manifest.KindOf(name, nil) != "" {
		return true
	}
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// scanFiles extracts every manifest of fs concurrently and emits the
// reports in file order. It returns the files that held a manifest, in
// tree order.
func scanFiles(ctx context.Context, fs files, log *slog.Logger, emit func(check.Report)) ([]string, error) {
	var names []string
	for _, name := range fs.Files() {
		if candidate(name) {
			names = append(names, name)
		}
	}
	found := make([]bool, len(names))
	index := make(map[string]int, len(names))
	for i, n := range names {
		index[n] = i
	}
	err := check.EachFile(ctx, fs, names, "manifests check", log, func(name string, data []byte) []check.Report {
		if src, ok := manifest.Extract(name, data); ok {
			// Each file is read once, by one goroutine: its slot is its own.
			found[index[name]] = true
			return judge(src)
		}
		return nil
	}, emit)
	var out []string
	for i, n := range names {
		if found[i] {
			out = append(out, n)
		}
	}
	return out, err
}
