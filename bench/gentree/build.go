package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Shapes only a build folder has.
const (
	shapePackageJSON shape = iota + 100
	shapeLicense
	shapeSourceMap
)

// planBuild lays out a frontend build folder of about size bytes: a
// node_modules tree of thousands of small packages, and bundles with source
// maps under dist/ and .next/static/. One secret hides in a bundle and one
// in a map's sourcesContent.
func planBuild(seed uint64, size int64) []fileSpec {
	g := newGen(seed, 0)
	var specs []fileSpec
	add := func(p string, sh shape, n int) *fileSpec {
		specs = append(specs, fileSpec{path: p, shape: sh, size: n, stream: uint64(len(specs) + 1)})
		return &specs[len(specs)-1]
	}
	used := map[string]bool{}
	for budget := int64(0.55 * float64(size)); budget > 0; {
		name := g.pick(nouns) + "-" + g.pick(verbs)
		if g.chance(0.25) {
			name = "@" + g.pick(nouns) + "/" + g.pick(adjectives) + "-" + g.pick(nouns)
		}
		if used[name] {
			name = fmt.Sprintf("%s-%d", name, len(specs))
		}
		used[name] = true
		dir := "node_modules/" + name + "/"
		files := []fileSpec{
			{path: dir + "package.json", shape: shapePackageJSON},
			{path: dir + "index.js", shape: shapeText, size: g.logUniform(1<<10, 60<<10)},
			{path: dir + "index.d.ts", shape: shapeText, size: g.logUniform(512, 8<<10)},
			{path: dir + "README.md", shape: shapeText, size: g.logUniform(1<<10, 12<<10)},
			{path: dir + "LICENSE", shape: shapeLicense},
		}
		for range g.intn(3) {
			files = append(files, fileSpec{path: dir + "lib/" + g.snake() + ".js", shape: shapeText, size: g.logUniform(1<<10, 20<<10)})
		}
		if g.chance(0.15) {
			files = append(files, fileSpec{path: dir + "dist/" + strings.TrimPrefix(strings.ReplaceAll(name, "/", "-"), "@") + ".min.js", shape: shapeBundle, size: g.logUniform(10<<10, 200<<10)})
		}
		seen := map[string]bool{}
		for _, f := range files {
			if seen[f.path] {
				continue
			}
			seen[f.path] = true
			add(f.path, f.shape, f.size)
			budget -= int64(f.size) + 700
		}
	}
	// Bundles of 1-5 MB; a small build keeps them at 1-2 MB so that it
	// still has several.
	hi := 5 << 20
	if size < 100<<20 {
		hi = 2 << 20
	}
	// At least two pairs, since each of the first two carries a secret.
	for i, budget := 0, int64(0.45*float64(size)); budget > 0 || i < 2; i++ {
		n := g.logUniform(1<<20, hi)
		var p string
		if i%2 == 0 {
			p = fmt.Sprintf("dist/assets/%s-%s.js", g.pick(nouns), g.chars(8, hexDigits))
		} else {
			p = fmt.Sprintf(".next/static/chunks/pages/%s-%s.js", g.pick(nouns), g.chars(16, hexDigits))
		}
		b := add(p, shapeBundle, n)
		if i == 1 {
			b.plant = kindAWS
		}
		m := add(p+".map", shapeSourceMap, n)
		if i == 0 {
			m.plant = kindStripe
		}
		budget -= int64(n) * 27 / 10
	}
	return specs
}

// renderBuildFile makes the bytes of the shapes only a build folder has, and
// of bundles with a planted key.
func renderBuildFile(g *gen, s fileSpec) ([]byte, *planted, error) {
	switch s.shape {
	case shapePackageJSON:
		return packageJSON(g, s.path), nil, nil
	case shapeLicense:
		return license(g), nil, nil
	case shapeSourceMap:
		return sourceMapFile(g, s)
	}
	// A bundle with a key: an object literal after a statement near the
	// middle, the way a bundler inlines a config module.
	b := minified(g, s.size)
	v := newSecret(g, s.plant)
	cut := len(b) - len("}]);")
	if i := bytes.IndexByte(b[len(b)/2:], ';'); i >= 0 {
		cut = len(b)/2 + i + 1
	}
	stmt := fmt.Sprintf("const s3cfg={region:\"eu-west-1\",accessKeyId:%q};", v)
	out := append(append(append([]byte(nil), b[:cut]...), stmt...), b[cut:]...)
	col := cut + strings.Index(stmt, v) + 1
	return out, &planted{Type: s.plant, Line: 1, Column: col, Expect: true, SHA256: hashValue(v)}, nil
}

func sourceMapFile(g *gen, s fileSpec) ([]byte, *planted, error) {
	var srcs []mapSource
	var p *planted
	var value string
	for total := 0; total < s.size*6/5; {
		name := fmt.Sprintf("src/%s/%s.ts", g.pick([]string{"lib", "components", "pages", "api"}), g.pascal())
		t := writeText(g, langTS, g.logUniform(2<<10, 40<<10))
		if s.plant != "" && p == nil {
			name = "src/lib/payments.ts"
			at, v, _ := plantInText(g, t, langTS, s.plant)
			value = v
			p = &planted{Type: s.plant, Line: 1, Source: name, SourceLine: at + 1, Expect: true, SHA256: hashValue(v),
				Note: "inside sourcesContent; the raw map escapes the quotes around it"}
		}
		srcs = append(srcs, mapSource{path: "webpack://portal/./" + name, content: string(t.bytes())})
		total += t.size
	}
	b, err := encodeSourceMap(g, strings.TrimSuffix(s.path[strings.LastIndexByte(s.path, '/')+1:], ".map"), srcs, s.size/2)
	if err != nil {
		return nil, nil, err
	}
	if p != nil {
		p.Column = bytes.Index(b, []byte(value)) + 1
	}
	return b, p, nil
}

func packageJSON(g *gen, p string) []byte {
	name := strings.TrimSuffix(strings.TrimPrefix(p, "node_modules/"), "/package.json")
	var deps []string
	for range g.intn(5) {
		deps = append(deps, fmt.Sprintf("    %q: \"^%d.%d.0\"", g.pick(nouns)+"-"+g.pick(verbs), g.intn(9), g.intn(20)))
	}
	return fmt.Appendf(nil, `{
  "name": %q,
  "version": "%d.%d.%d",
  "description": %q,
  "main": "index.js",
  "types": "index.d.ts",
  "license": "MIT",
  "repository": {"type": "git", "url": "https://git.example.org/%s.git"},
  "keywords": [%q, %q],
  "dependencies": {
%s
  }
}
`, name, g.intn(10), g.intn(30), g.intn(40), g.sentence(4, 10), name, g.pick(nouns), g.pick(nouns), strings.Join(deps, ",\n"))
}

func license(g *gen) []byte {
	return fmt.Appendf(nil, "MIT License\n\nCopyright (c) %d %s contributors\n\n%s.\n\n%s.\n",
		2015+g.intn(10), title(g.pick(nouns)), title(g.sentence(40, 60)), title(g.sentence(30, 50)))
}

// genBuild writes a build folder of about size bytes under dir. It is not
// a git repository: deploy output is scanned as files.
func genBuild(ctx context.Context, dir string, seed uint64, size int64) (*manifest, error) {
	specs := planBuild(seed, size)
	secrets, total, err := writeFiles(ctx, dir, seed, specs)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "dist", "index.html"), []byte("<!doctype html>\n<html><head><script type=\"module\" src=\"/assets/index.js\"></script></head><body><div id=\"root\"></div></body></html>\n"), 0o644); err != nil {
		return nil, err
	}
	m := &manifest{Kind: "build", Seed: seed, Files: len(specs) + 1, Bytes: total, Secrets: secrets}
	return m, writeManifest(dir, m)
}
