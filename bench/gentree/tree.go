package main

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"

	"golang.org/x/sync/errgroup"
)

// fileSpec is one file of a generated tree, planned before any is written
// so that the plan alone decides the bytes.
type fileSpec struct {
	path   string
	shape  shape
	size   int
	stream uint64
	// plant is the kind of secret planted in the file, or "".
	plant string
}

// shape says how a file's bytes are made.
type shape int

const (
	shapeText shape = iota
	shapeBundle
	shapeImage
	shapeLock
	shapePEM
)

// category is one family of files in a mixed monorepo, with its share of
// the bytes and its size range.
type category struct {
	share    float64
	min, max int
	shape    shape
	name     func(g *gen) string
}

var apps = []string{"portal", "admin", "partner"}

var treeCategories = []category{
	{0.20, 1 << 10, 80 << 10, shapeText, func(g *gen) string {
		return fmt.Sprintf("services/%s/internal/%s/%s.go", g.pick(services), g.pick(nouns), g.snake())
	}},
	{0.14, 1 << 10, 60 << 10, shapeText, func(g *gen) string {
		return fmt.Sprintf("web/%s/src/%s/%s.%s", g.pick(apps), g.pick([]string{"components", "pages", "lib", "hooks", "api"}), g.pascal(), g.pick([]string{"ts", "tsx"}))
	}},
	{0.05, 1 << 10, 40 << 10, shapeText, func(g *gen) string {
		return fmt.Sprintf("web/%s/scripts/%s.js", g.pick(apps), g.snake())
	}},
	{0.12, 1 << 10, 60 << 10, shapeText, func(g *gen) string {
		return fmt.Sprintf("workers/%s/%s/%s.py", g.pick(services), g.pick(nouns), g.snake())
	}},
	{0.11, 2 << 10, 80 << 10, shapeText, func(g *gen) string {
		return fmt.Sprintf("billing/%s/src/main/java/com/acme/portal/%s/%sController.java", g.pick(services), g.pick(nouns), g.pascal())
	}},
	{0.05, 1 << 10, 30 << 10, shapeText, func(g *gen) string {
		return fmt.Sprintf("deploy/k8s/%s/%s.yaml", g.pick(services), g.snake())
	}},
	{0.06, 1 << 10, 2 << 20, shapeText, func(g *gen) string {
		return fmt.Sprintf("testdata/fixtures/%s/%s.json", g.pick(services), g.snake())
	}},
	{0.06, 1 << 10, 40 << 10, shapeText, func(g *gen) string {
		return fmt.Sprintf("docs/%s/%s.md", g.pick(services), g.snake())
	}},
	{0.08, 200 << 10, 2 << 20, shapeBundle, func(g *gen) string {
		return fmt.Sprintf("web/%s/public/vendor/%s-%s.min.js", g.pick(apps), g.pick(nouns), g.pick(adjectives))
	}},
	{0.10, 1 << 10, 1 << 20, shapeImage, func(g *gen) string {
		return fmt.Sprintf("web/%s/public/img/%s.png", g.pick(apps), g.snake())
	}},
	{0.03, 1 << 20, 2 << 20, shapeLock, func(g *gen) string {
		return fmt.Sprintf("web/%s/package-lock.json", g.pick(apps))
	}},
}

// treePlants says which secret goes into which kind of file: the first
// planned text file under 200 KB with that extension gets it.
var treePlants = []struct{ ext, kind string }{
	{".py", kindAWS},
	{".json", kindAWS},
	{".tsx", kindStripe},
	{".go", kindPostgres},
	{".yaml", kindPostgres},
	{".java", kindSlack},
}

// planTree lays out a mixed source tree of about size bytes.
func planTree(seed uint64, size int64) []fileSpec {
	g := newGen(seed, 0)
	used := map[string]bool{}
	var specs []fileSpec
	add := func(p string, sh shape, n int) {
		if used[p] {
			ext := path.Ext(p)
			p = fmt.Sprintf("%s_%d%s", p[:len(p)-len(ext)], len(specs), ext)
		}
		used[p] = true
		specs = append(specs, fileSpec{path: p, shape: sh, size: n, stream: uint64(len(specs) + 1)})
	}
	add("README.md", shapeText, 6<<10)
	add(".github/workflows/release.yml", shapeText, 3<<10)
	add("deploy/tls/portal-staging.key", shapePEM, 0)
	for _, c := range treeCategories {
		budget := int64(c.share * float64(size))
		for budget > 0 {
			n := g.logUniform(c.min, c.max)
			add(c.name(g), c.shape, n)
			budget -= int64(n)
		}
	}
	specs[1].plant = kindGitHub
	specs[2].plant = kindPEM
	for _, p := range treePlants {
		for i := range specs {
			s := &specs[i]
			if s.plant == "" && s.shape == shapeText && s.size < 200<<10 && path.Ext(s.path) == p.ext {
				s.plant = p.kind
				break
			}
		}
	}
	return specs
}

// writeFiles writes every planned file under dir in parallel and returns
// the planted secrets, sorted by file.
func writeFiles(ctx context.Context, dir string, seed uint64, specs []fileSpec) ([]planted, int64, error) {
	found := make([]*planted, len(specs))
	sizes := make([]int64, len(specs))
	eg, ctx := errgroup.WithContext(ctx)
	eg.SetLimit(runtime.GOMAXPROCS(0))
	for i, s := range specs {
		eg.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			content, p, err := render(newGen(seed, s.stream), s)
			if err != nil {
				return err
			}
			if p != nil {
				p.File = s.path
				found[i] = p
			}
			sizes[i] = int64(len(content))
			full := filepath.Join(dir, filepath.FromSlash(s.path))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				return err
			}
			return os.WriteFile(full, content, 0o644)
		})
	}
	if err := eg.Wait(); err != nil {
		return nil, 0, fmt.Errorf("writing tree under %s: %w", dir, err)
	}
	var out []planted
	var total int64
	for i := range specs {
		total += sizes[i]
		if found[i] != nil {
			out = append(out, *found[i])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	for i := range out {
		out[i].ID = fmt.Sprintf("%s-%d", out[i].Type, i+1)
	}
	return out, total, nil
}

// render makes one planned file's bytes and, when it holds a planted
// secret, the record of where.
func render(g *gen, s fileSpec) ([]byte, *planted, error) {
	switch {
	case s.shape >= shapePackageJSON, s.shape == shapeBundle && s.plant != "":
		return renderBuildFile(g, s)
	case s.shape == shapeBundle:
		return minified(g, s.size), nil, nil
	case s.shape == shapeImage:
		return pngLike(g, s.size), nil, nil
	case s.shape == shapeLock:
		return lockfile(g, s.size), nil, nil
	case s.shape == shapePEM:
		v := newSecret(g, kindPEM)
		return []byte(v + "\n"), &planted{Type: kindPEM, Line: 1, Column: 1, Expect: true, SHA256: hashValue(v)}, nil
	}
	l, ok := langOf(s.path)
	if !ok {
		return nil, nil, fmt.Errorf("no text generator for %s", s.path)
	}
	t := writeText(g, l, s.size)
	if s.plant == "" {
		return t.bytes(), nil, nil
	}
	at, v, col := plantInText(g, t, l, s.plant)
	return t.bytes(), &planted{Type: s.plant, Line: at + 1, Column: col, Expect: true, SHA256: hashValue(v)}, nil
}

// genTree writes a tree of about size bytes under dir and commits it as
// the only commit of a new git repository, manifest included, so that a
// scan of tracked files and a scan of the folder read the same files.
func genTree(ctx context.Context, dir string, seed uint64, size int64) (*manifest, error) {
	specs := planTree(seed, size)
	secrets, total, err := writeFiles(ctx, dir, seed, specs)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("node_modules/\ndist/\n.env.local\n*.log\n"), 0o644); err != nil {
		return nil, err
	}
	m := &manifest{Kind: "tree", Seed: seed, Files: len(specs), Bytes: total, Secrets: secrets}
	if err := writeManifest(dir, m); err != nil {
		return nil, err
	}
	if err := gitInit(ctx, dir); err != nil {
		return nil, err
	}
	if err := gitCommitAll(ctx, dir, "Import portal monorepo", 0); err != nil {
		return nil, err
	}
	return m, nil
}
