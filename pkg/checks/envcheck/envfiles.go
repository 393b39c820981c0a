package envcheck

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/envfile"
	"github.com/launchgate/launchgate/pkg/manifest"
	"github.com/launchgate/launchgate/pkg/prodfile"
	"github.com/launchgate/launchgate/pkg/source"
)

// fileKind says what an env file is for.
type fileKind int

const (
	// notEnv is any other file.
	notEnv fileKind = iota
	// exampleEnv documents the keys (.env.example, .env.sample, …).
	exampleEnv
	// productionEnv configures production (.env.production, prod.env).
	productionEnv
	// otherEnv is any other env file (.env, .env.local, .env.development).
	otherEnv
)

// exampleWords in an env file's name say it documents keys rather than
// setting them.
var exampleWords = map[string]bool{
	"example": true, "examples": true, "sample": true, "template": true,
	"tpl": true, "dist": true, "defaults": true, "default": true, "schema": true,
}

// kindOf classifies the tree path name. .envrc is a shell script for
// direnv and .env.vault is encrypted to be committed; neither is an env
// file here.
func kindOf(name string) fileKind {
	base := path.Base(name)
	lower := strings.ToLower(base)
	if lower != ".env" && !strings.HasPrefix(lower, ".env.") && !strings.HasSuffix(lower, ".env") {
		return notEnv
	}
	// .want files are the expectations fixtures keep beside a file.
	if lower == ".env.vault" || strings.HasSuffix(lower, ".want") {
		return notEnv
	}
	words := strings.FieldsFunc(lower, func(r rune) bool { return r == '.' || r == '-' || r == '_' })
	for _, w := range words {
		if exampleWords[w] {
			return exampleEnv
		}
	}
	if prodfile.IsProduction(name) {
		return productionEnv
	}
	return otherEnv
}

// envFile is an env file of the tree, parsed.
type envFile struct {
	name string
	kind fileKind
	file envfile.File
}

// example is the keys an example env file lists.
type example struct {
	file   string
	values map[string]string
	lines  map[string]int
	order  []string
}

// treeEnv is what the check read from the tree's env files.
type treeEnv struct {
	files []envFile
	// examples by folder ("." for the root), best first.
	examples map[string][]*example
	// stacks are the folders that hold a project or deployment of their
	// own (see stackMarker).
	stacks map[string]bool
}

// exampleFor is the example that lists the keys of an environment in dir:
// the nearest one in dir or a folder above it, within dir's own stack. The
// search does not leave a deploy folder (deployments/aio/) or a folder
// with a project or deployment of its own (a Dockerfile, a Compose file,
// a package.json …): the example of the project around it describes
// another environment. Nil when there is none.
func (t *treeEnv) exampleFor(dir string) *example {
	for {
		if ex := t.examples[dir]; len(ex) > 0 {
			return ex[0]
		}
		if dir == "." || dir == "/" || dir == "" || t.stacks[dir] || prodfile.IsDeployDir(path.Base(dir)) {
			return nil
		}
		dir = path.Dir(dir)
	}
}

// stackFiles are the files whose folder holds a project or deployment of
// its own, with its own environment.
var stackFiles = map[string]bool{
	"package.json": true, "composer.json": true, "go.mod": true, "gemfile": true,
	"pyproject.toml": true, "requirements.txt": true, "manage.py": true,
	"cargo.toml": true, "pom.xml": true, "build.gradle": true, "build.gradle.kts": true,
	"mix.exs": true,
}

// stackMarker reports whether the tree file name marks its folder as a
// stack: a project file, a Dockerfile or a Compose file.
func stackMarker(name string) bool {
	lower := strings.ToLower(path.Base(name))
	if stackFiles[lower] {
		return true
	}
	switch manifest.KindOf(name, nil) {
	case manifest.KindDockerfile, manifest.KindCompose:
		return true
	}
	return false
}

// readTree parses every env file of the tree that is not a test file, and
// reports the committed ones and those it could not read.
func readTree(ctx context.Context, in inputs, emit func(check.Report)) (*treeEnv, error) {
	t := &treeEnv{examples: map[string][]*example{}, stacks: map[string]bool{}}
	if in.tree == nil {
		return t, nil
	}
	for _, name := range in.tree.Files() {
		if stackMarker(name) {
			t.stacks[path.Dir(name)] = true
		}
		kind := kindOf(name)
		// Test and CI env files (.env.test, .env.ci, .env.dusk.local)
		// hold passwords of services that live as long as the run.
		if kind == notEnv || prodfile.IsTestRun(name) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("reading env files: %w", err)
		}
		data, err := in.tree.Read(name)
		if err != nil {
			in.log.Debug("env check skipped a file", "file", name, "err", err)
			continue
		}
		if source.IsBinary(data) {
			continue
		}
		f := envFile{name: name, kind: kind, file: envfile.Parse(data)}
		t.files = append(t.files, f)
		problemReports(name, "", f.file.Problems, emit)
		committedReport(f, in.fromGit, emit)
		if kind == exampleEnv {
			dir := path.Dir(name)
			t.examples[dir] = append(t.examples[dir], newExample(name, f.file))
		}
	}
	for _, exs := range t.examples {
		slices.SortStableFunc(exs, func(a, b *example) int { return exampleRank(a.file) - exampleRank(b.file) })
	}
	return t, nil
}

// exampleRank orders the examples of one folder: one for production
// first, then .env.example, then the rest by name (the tree is sorted).
func exampleRank(name string) int {
	base := strings.ToLower(path.Base(name))
	switch {
	case strings.Contains(base, "prod"):
		return 0
	case base == ".env.example":
		return 1
	}
	return 2
}

func newExample(name string, f envfile.File) *example {
	ex := &example{file: name, values: map[string]string{}, lines: map[string]int{}}
	for _, e := range f.Entries {
		ex.values[e.Key] = e.Value
		ex.lines[e.Key] = e.Line
		ex.order = append(ex.order, e.Key)
	}
	return ex
}

// problemReports reports what the parser could not read in the env file
// name (a tree path), or the file at url outside the tree.
func problemReports(name, url string, problems []envfile.Problem, emit func(check.Report)) {
	seen := map[string]int{}
	for _, p := range problems {
		// The fingerprint leaves out line numbers, so an edit above keeps
		// it; repeats get an ordinal.
		key := ruleUnreadable + "\x00" + name + url + "\x00" + strings.Map(dropDigits, p.Message)
		seen[key]++
		if n := seen[key]; n > 1 {
			key += fmt.Sprintf("\x00%d", n)
		}
		display := name
		if display == "" {
			display = url
		}
		r := check.Report{Rule: ruleUnreadable, Line: p.Line, Key: key,
			Message: fmt.Sprintf("%s line %d: %s", display, p.Line, p.Message)}
		place(&r, name, url)
		emit(r)
	}
}

func dropDigits(r rune) rune {
	if r >= '0' && r <= '9' {
		return -1
	}
	return r
}

// place puts r in the tree file name, or at url for a file outside the
// tree; with neither, r has no location (the process environment).
func place(r *check.Report, name, url string) {
	if name != "" {
		r.File = name
		return
	}
	r.URL = url
}
