package envcheck

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/envfile"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/source"
)

// sourceKind says where a production environment comes from.
type sourceKind int

const (
	treeFile sourceKind = iota
	argFile
	processEnv
	manifestEnv
)

// variable is one key a production environment sets to a literal value.
type variable struct {
	key, value string
	line       int
	// unreachable says why a Compose variable's password opens only a
	// store no one outside the file's network reaches
	// (manifest.Var.Unreachable), or is "".
	unreachable string
	// shown is how messages name the variable when key is not how the
	// file writes it (a settings path, a default), or "".
	shown string
	// modeKey, when not "", is a second key development switches are
	// judged by: the last part of a settings path (server.debug: true).
	modeKey string
	// defaulted says value is the default of a reference
	// (${KEY:-value}); only a secret's default is judged, since a
	// default URL or mode is what a file does out of the box, not
	// what it commits to.
	defaulted bool
	// noMode leaves the development switches of an env-style key in a
	// settings file to the debug check.
	noMode bool
}

// name is how messages call v.
func (v variable) name() string {
	if v.shown != "" {
		return v.shown
	}
	return v.key
}

// prodSource is one production environment.
type prodSource struct {
	kind sourceKind
	// name is how messages call it.
	name string
	// file is its tree path; url is set instead for a file outside the
	// tree; the process environment has neither.
	file, url string
	// dir is the tree folder whose example lists its keys.
	dir string
	// vars are the literal values it sets, to judge.
	vars []variable
	// keys are all the keys it sets, literal or referenced.
	keys map[string]bool
	// devMode turns on env/dev-mode, for environments the debug check
	// does not read.
	devMode bool
	// exampleKeys and configKeys say which required keys it must set.
	exampleKeys, configKeys bool
	// local says why a manifest runs only on a developer's machine
	// (manifest.Source.Local); its findings are low and say so.
	local, localKind string
}

// cap lowers r to low when s runs only on a developer's machine, and
// says why in the message.
func (s *prodSource) cap(r *check.Report) {
	if s.local == "" {
		return
	}
	r.Message += fmt.Sprintf(" (low: the %s file runs on a developer's machine only: %s)", s.localKind, s.local)
	r.Capped, r.MaxSeverity = true, finding.Low
}

// processName is how messages call the process environment.
const processName = "the process environment"

// productionSources gathers the production environments: the tree's
// production env files, the --env files, the process environment and the
// production part of deploy manifests.
func productionSources(ctx context.Context, in inputs, tree *treeEnv, emit func(check.Report)) ([]*prodSource, error) {
	var out []*prodSource
	named := map[string]bool{}
	for _, p := range in.envFiles {
		src, err := argSource(in, tree, p, emit)
		if err != nil {
			return nil, err
		}
		if src.file != "" {
			named[src.file] = true
		}
		out = append(out, src)
	}
	for _, f := range tree.files {
		if f.kind != productionEnv || named[f.name] {
			continue
		}
		src := &prodSource{kind: treeFile, name: f.name, file: f.name, dir: path.Dir(f.name), exampleKeys: true, configKeys: true}
		src.setEntries(f.file.Entries)
		out = append(out, src)
	}
	if in.environ != nil {
		out = append(out, processSource(in.environ))
	}
	ms, err := manifestSources(ctx, in)
	if err != nil {
		return nil, err
	}
	return append(out, ms...), nil
}

func (s *prodSource) setEntries(entries []envfile.Entry) {
	s.keys = map[string]bool{}
	for _, e := range entries {
		s.keys[e.Key] = true
		s.vars = append(s.vars, variable{key: e.Key, value: e.Value, line: e.Line})
	}
}

// maxEnvFileBytes bounds an --env file; real ones are a few kilobytes.
const maxEnvFileBytes = 1 << 20

// argSource reads the --env file at abs. One inside the checkout is named
// by its tree path; its committed and parse findings come from the tree
// walk when the walk read it as an env file.
func argSource(in inputs, tree *treeEnv, abs string, emit func(check.Report)) (*prodSource, error) {
	data, err := readBounded(abs)
	if err != nil {
		return nil, fmt.Errorf("--env %s: %w", abs, err)
	}
	src := &prodSource{kind: argFile, dir: ".", exampleKeys: true, configKeys: true, devMode: true}
	if rel, ok := inside(in.root, abs); ok {
		src.file, src.name, src.dir = rel, rel, path.Dir(rel)
		// The debug check reads the tree's production env files for
		// development switches.
		src.devMode = kindOf(rel) != productionEnv
	} else {
		src.url = (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
		src.name = abs
	}
	f := envfile.Parse(data)
	if src.file == "" || !readByTree(tree, src.file) {
		problemReports(src.file, src.url, f.Problems, emit)
	}
	src.setEntries(f.Entries)
	return src, nil
}

func readByTree(tree *treeEnv, name string) bool {
	for _, f := range tree.files {
		if f.name == name {
			return true
		}
	}
	return false
}

// readBounded reads the file at p, refusing folders, binary files and
// files over maxEnvFileBytes.
func readBounded(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file; name the env file itself")
	}
	data, err := io.ReadAll(io.LimitReader(f, maxEnvFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxEnvFileBytes {
		return nil, fmt.Errorf("larger than %d bytes, which no env file is", maxEnvFileBytes)
	}
	// UTF-16 env files (common on Windows) are decoded like tree files.
	text, ok := source.Text(data)
	if !ok {
		return nil, fmt.Errorf("a binary file, not an env file")
	}
	return text, nil
}

// inside returns abs relative to root with "/" separators, if it is in
// root.
func inside(root, abs string) (string, bool) {
	if root == "" {
		return "", false
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// runnerPrefixes begin the variables a CI runner sets for itself; they
// describe the runner, not the application.
var runnerPrefixes = []string{"GITHUB_", "RUNNER_", "ACTIONS_", "INPUT_", "CI_", "GITLAB_", "BUILDKITE_", "CIRCLE_"}

// processSource is the environment the scan runs in, without the CI
// runner's own variables and proxy settings.
func processSource(environ []string) *prodSource {
	src := &prodSource{kind: processEnv, name: processName, dir: ".", keys: map[string]bool{},
		devMode: true, exampleKeys: true, configKeys: true}
	index := map[string]int{}
	for _, kv := range environ {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" || runnerVar(k) {
			continue
		}
		src.keys[k] = true
		if i, dup := index[k]; dup {
			src.vars[i].value = v
			continue
		}
		index[k] = len(src.vars)
		src.vars = append(src.vars, variable{key: k, value: v})
	}
	return src
}

func runnerVar(k string) bool {
	u := strings.ToUpper(k)
	if strings.HasSuffix(u, "_PROXY") {
		return true
	}
	for _, p := range runnerPrefixes {
		if strings.HasPrefix(u, p) {
			return true
		}
	}
	return false
}
