// Package envcheck is the env check: it reads the env files of the
// checkout, the env files named with --env, the process environment with
// --env-from-process and the environment deploy manifests set, and reports
// committed env files, production environments that lack required keys,
// placeholder and weak secrets, local or plain-http URLs and development
// switches (rules/env.yaml).
//
// Values are secrets: no report carries one, in its message or its key.
// Messages name the key and the file, and at most the value's length.
//
// Where a finding sits: a file of the checkout is its tree path and line.
// An --env file outside the checkout has no tree path; its findings carry
// a file:// URL and the line instead, which SARIF writes as an absolute
// artifact URI and the text report groups under that URL, and which the
// diff filter keeps, as it does every finding without a file. The process
// environment has no file at all: its findings have neither file nor URL,
// their message says "the process environment", and SARIF places them at
// the root of the checkout (uri "." under %SRCROOT%, line 1), the one
// location code scanning accepts for a result about no file.
//
// The debug check already reports development switches written in the
// checkout's production files (debug/node-env-development and its
// neighbours), and the manifest check reports real-looking secrets written
// into manifests; this check leaves both to them.
package envcheck

import (
	"context"
	"log/slog"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
)

// The rule IDs of the env check, described in rules/env.yaml.
const (
	ruleCommitted   = "env/committed-env-file"
	ruleMissing     = "env/missing-required-key"
	rulePlaceholder = "env/placeholder-secret"
	ruleWeak        = "env/weak-secret"
	ruleLocalURL    = "env/local-url"
	ruleDevMode     = "env/dev-mode"
	ruleUnreadable  = "env/unreadable-env-file"
)

// Rules lists the rules the check emits.
var Rules = []string{ruleCommitted, ruleDevMode, ruleLocalURL, ruleMissing, rulePlaceholder, ruleUnreadable, ruleWeak}

// files is what the check reads of the checkout: a source.Tree, or a map
// in tests.
type files interface {
	Files() []string
	Read(name string) ([]byte, error)
}

// inputs is everything one run looks at.
type inputs struct {
	root string
	// tree is nil when the scan lists no files.
	tree files
	// fromGit says git listed the tree, so a file in it is committed (or
	// about to be).
	fromGit  bool
	envFiles []string
	// environ is nil unless the process environment is checked.
	environ []string
	cfg     *config.Config
	log     *slog.Logger
	// tally takes the evidence of what was checked; nil ignores it.
	tally *check.Tally
}

// New returns the env check.
func New() *check.Check {
	return &check.Check{
		Name: "env",
		Doc: `env files and production environment values

Reads the checkout's .env files, the env files named with --env, the
process environment with --env-from-process and the environment of deploy
manifests: committed env files, production environments missing required
keys, placeholder and weak secrets, localhost and plain-http URLs, and
development switches. Values are never printed.`,
		Areas: []string{"config"},
		Rules: Rules,
		Applies: func(t *check.Target) bool {
			return t.Tree != nil || len(t.EnvFiles) > 0 || t.Environ != nil
		},
		Run: func(ctx context.Context, t *check.Target, emit func(check.Report)) error {
			in := inputs{root: t.Root, envFiles: t.EnvFiles, environ: t.Environ, cfg: t.Config, log: t.Logger, tally: t.Tally}
			if t.Tree != nil {
				in.tree, in.fromGit = t.Tree, t.Tree.FromGit()
			}
			return run(ctx, in, emit)
		},
	}
}

// run checks in and emits what it finds, file by file in a stable order.
func run(ctx context.Context, in inputs, emit func(check.Report)) error {
	if in.log == nil {
		in.log = slog.New(slog.DiscardHandler)
	}
	if in.cfg == nil {
		in.cfg = config.Default()
	}
	tree, err := readTree(ctx, in, emit)
	if err != nil {
		return err
	}
	sources, err := productionSources(ctx, in, tree, emit)
	if err != nil {
		return err
	}
	recordSources(in.tally, sources)
	req := requiredKeys(in)
	for _, src := range sources {
		ex := tree.exampleFor(src.dir)
		for _, v := range src.vars {
			valueReports(src, v, ex, emit)
		}
		missingReports(src, ex, req, emit)
	}
	return nil
}
