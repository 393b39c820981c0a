// Package manifest reads the environment that deploy manifests set:
// Dockerfiles, Compose files, Kubernetes manifests, vercel.json,
// netlify.toml, fly.toml, render.yaml, App Engine app.yaml, Procfiles and
// GitHub workflows. Each file becomes a Source of variables with their
// lines, whether the value is written in the file or taken from elsewhere,
// and whether the file (or the part of it) configures production.
//
// Files are parsed as the tools that read them do: YAML with anchors and
// merge keys, TOML by its grammar, JSON strictly, Dockerfiles with
// continuation lines and quoting. A file that does not parse yields the
// variables read before the error and a Problem at the parser's line; it
// never makes Extract fail or panic.
package manifest

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/envvalue"
)

// Source is the environment one manifest file sets.
type Source struct {
	// File is the path in the tree, with "/" separators.
	File string
	// Kind is "dockerfile", "compose", "kubernetes", "vercel", "netlify",
	// "fly", "render", "appengine", "procfile", "workflow", "settings"
	// (a framework config file for production, prodfile.SettingsFile) or
	// "entrypoint" (a container's start script).
	Kind string
	// Production says the file configures production at all: pkg/prodfile
	// says so for the file, or one of its sections does (see
	// docs/production-files.md). Var.Production says it for each variable.
	Production bool
	// Local says why a production Compose file runs only on a developer's
	// machine (its ports are bound to loopback, it runs only databases
	// and caches, it builds a development image), or is "" (see
	// composeLocal). Its secrets are still committed, but reach no one
	// else.
	Local string
	// Vars are the variables in file order. A key set twice appears
	// twice; the later one is what the tool uses.
	Vars []Var
	// Problems say why the file, or part of it, could not be read.
	Problems []Problem
}

// Var is one variable a manifest sets.
type Var struct {
	Key, Value string
	// Line is where the key is written (for a value reused through a YAML
	// anchor, where the anchored value is written).
	Line int
	// Literal says the value is written in the file, rather than taken
	// from a secret store or another variable (${{ secrets.X }},
	// valueFrom/secretKeyRef, $VAR, ${VAR}, a build argument without a
	// default, a key passed through from the shell).
	Literal bool
	// Scope says where in the file the variable is set: "ENV", "ARG",
	// "environment", "build.args", "env", "configmap", "secret",
	// "env_variables", "envVars", "build.env", "build.environment",
	// "context.production.environment", "command", "workflow env",
	// "job env", "step env", "container env", "service env".
	Scope string
	// Production says the section that sets the variable configures
	// production: a Netlify deploy-preview context or a workflow job that
	// runs tests does not, even in a file that also deploys.
	Production bool
	// Stage names the Dockerfile build stage that sets the variable: its
	// AS name, else "stage N" (1-based); "" outside Dockerfiles and for an
	// ARG before the first FROM.
	Stage string
	// Builder says a Dockerfile variable is set in a stage other than the
	// last, or by an ARG before the first FROM: it is written in the
	// Dockerfile and kept in the layers and cache of the build, but the
	// image a plain build ships does not carry it.
	Builder bool
	// Unreachable says, for a Compose variable holding the password of a
	// database, cache or broker the same file runs, why that store cannot
	// be reached from outside the file's own network: it publishes no
	// port, or only on a loopback address. It is "" for every other
	// variable, and when a store the password may open is published on
	// all interfaces, on an address a variable gives, or shares the
	// host's network, and in a file production by name (prod,
	// production), whose credentials are production's own. Such a
	// password is still committed, but opens nothing anyone else can
	// connect to.
	Unreachable string
	// Name is how a settings file writes the key ("database.url",
	// "jwt.secret"), when Key is its environment-variable form
	// (envvalue.SettingKey); "" elsewhere.
	Name string
	// Default is the literal a reference falls back to when the variable
	// it names is unset (the "changeme" of ${SECRET_KEY:-changeme}), or
	// "". It is what production runs with whenever the platform does not
	// set the variable, so it is judged as a literal value.
	Default string
}

// Shown is how messages name the variable: as the file writes it.
func (v *Var) Shown() string {
	if v.Name != "" {
		return v.Name
	}
	return v.Key
}

// Problem is a part of a manifest that could not be read.
type Problem struct {
	// Line is 1-based; 0 when the problem is the whole file.
	Line    int
	Message string
}

// Extract reads the environment of the manifest at path (a tree path) with
// content data. It reports false for a file that is not a manifest this
// package knows.
func Extract(path string, data []byte) (Source, bool) {
	kind := KindOf(path, data)
	if kind == "" {
		return Source{}, false
	}
	src := Source{File: path, Kind: kind}
	data = withoutBOM(data)
	switch kind {
	case KindDockerfile:
		readDockerfile(&src, data)
	case KindProcfile:
		readProcfile(&src, data)
	case KindCompose:
		readCompose(&src, data)
	case KindKubernetes:
		readKubernetes(&src, data)
	case KindWorkflow:
		readWorkflow(&src, data)
	case KindRender:
		readRender(&src, data)
	case KindAppEngine:
		readAppEngine(&src, data)
	case KindVercel:
		readVercel(&src, data)
	case KindNetlify, KindFly:
		readTOML(&src, data)
	case KindSettings:
		readSettings(&src, data)
	case KindEntrypoint:
		readEntrypoint(&src, data)
	}
	// A YAML node reached through several aliases (one anchored
	// environment shared by ten services, or an alias bomb) is read once
	// per alias, each time as the same variable or the same problem at the
	// same line. It is one: kept once, it cannot become several findings.
	// Problems are made distinct the same way, below.
	src.Vars = distinct(src.Vars)
	// Readers go section by section; a Compose service's build args come
	// before its environment in the file, or after.
	slices.SortStableFunc(src.Vars, func(a, b Var) int { return cmp.Compare(a.Line, b.Line) })
	for _, v := range src.Vars {
		src.Production = src.Production || v.Production
	}
	// Parsers that fail at the end of input point one line past it.
	last := bytes.Count(data, []byte("\n")) + 1
	for i := range src.Problems {
		src.Problems[i].Line = min(src.Problems[i].Line, last)
	}
	src.Problems = distinct(src.Problems)
	return src, true
}

// withoutBOM drops a UTF-8 byte order mark, which editors on Windows write
// and every tool here skips.
func withoutBOM(data []byte) []byte {
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		return data[3:]
	}
	return data
}

// add appends a variable. A variable needs a name: an empty one (ENV ""
// x, "": x in a Compose environment) is a problem with the file, not a
// variable any check could report by name.
func (s *Source) add(v Var) {
	if strings.TrimSpace(v.Key) == "" {
		s.problem(v.Line, v.Scope+": a variable name is empty")
		return
	}
	if !v.Literal && v.Default == "" {
		_, v.Default, _ = envvalue.Default(v.Value)
	}
	s.Vars = append(s.Vars, v)
}

// distinct returns xs without repeats, in first-seen order.
func distinct[T comparable](xs []T) []T {
	seen := make(map[T]bool, len(xs))
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// problem records a problem at line.
func (s *Source) problem(line int, msg string) {
	s.Problems = append(s.Problems, Problem{Line: line, Message: msg})
}
