package monitors

import (
	"path"
	"strings"

	"github.com/launchgate/launchgate/pkg/prodfile"
)

// notMonitorDirs are folders whose files are tests, fixtures, examples or
// documentation: a monitor written there watches nothing in production.
var notMonitorDirs = map[string]bool{
	"test": true, "tests": true, "__tests__": true, "__mocks__": true, "testdata": true,
	"fixture": true, "fixtures": true, "e2e": true, "example": true, "examples": true,
	"sample": true, "samples": true, "docs": true, "node_modules": true, "vendor": true,
}

// skipped reports a file under one of notMonitorDirs.
func skipped(name string) bool {
	dirs := strings.Split(path.Dir(name), "/")
	for _, d := range dirs {
		if notMonitorDirs[strings.ToLower(d)] {
			return true
		}
	}
	return false
}

// kind is the monitors-as-code format a file may hold.
type kind int

const (
	kindNone kind = iota
	kindGatus
	kindCheckly
	kindTerraform
)

// kindByName says which format a file may hold from its name alone;
// YAML files are Gatus candidates to be confirmed from their content.
func kindByName(name string) kind {
	if skipped(name) {
		return kindNone
	}
	switch {
	case maybeCheckly(name):
		return kindCheckly
	case strings.HasSuffix(name, ".tf"):
		return kindTerraform
	case strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml"):
		return kindGatus
	}
	return kindNone
}

// deployFiles are names that deploy a service: a container image, a
// compose file, a platform's manifest, infrastructure as code.
var deployFiles = map[string]bool{
	"dockerfile": true, "containerfile": true, "docker-compose.yml": true, "docker-compose.yaml": true,
	"compose.yml": true, "compose.yaml": true, "chart.yaml": true,
	"fly.toml": true, "render.yaml": true, "app.yaml": true, "procfile": true, "heroku.yml": true,
	"vercel.json": true, "netlify.toml": true, "railway.json": true, "railway.toml": true,
	"serverless.yml": true, "serverless.yaml": true, "skaffold.yaml": true,
}

// serverManifests are a project's dependency manifests: with an API
// description beside them, the checkout is a service's code.
var serverManifests = map[string]bool{
	"package.json": true, "go.mod": true, "requirements.txt": true, "pyproject.toml": true,
	"gemfile": true, "pom.xml": true, "build.gradle": true, "build.gradle.kts": true,
	"composer.json": true, "cargo.toml": true, "mix.exs": true,
}

// deployable reports whether the files look like a service that runs
// somewhere, and so should be monitored: something deploys it (a
// Dockerfile, a compose file, a platform manifest, Terraform, a file
// under a deploy folder), or it has code beside its API description.
// Test and example folders do not count. A checkout of only specs, or
// a library, is not monitored.
func deployable(files []string, hasSpec bool) bool {
	code := false
	for _, f := range files {
		if skipped(f) || prodfile.IsTest(f) {
			continue
		}
		base := strings.ToLower(path.Base(f))
		if deployFiles[base] || strings.HasPrefix(base, "dockerfile.") || strings.HasSuffix(base, ".dockerfile") || strings.HasSuffix(base, ".tf") {
			return true
		}
		for _, d := range strings.Split(path.Dir(f), "/") {
			if prodfile.IsDeployDir(d) && (strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml")) {
				return true
			}
		}
		if serverManifests[base] {
			code = true
		}
	}
	return code && hasSpec
}
