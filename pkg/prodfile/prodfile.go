// Package prodfile decides which files of a checkout configure production
// and which are tests. It is the one place that decision is made: the
// catalog's `production: true` rules and every check that treats test code
// differently ask here, and docs/production-files.md describes the same
// lists for users.
package prodfile

import (
	"path"
	"strings"
)

// IsProduction reports whether name, a slash path relative to the scanned
// root, configures production. The rules, in order:
//
//  1. Never a test, development or example file: IsTest; a folder named
//     dev, development, local, .devcontainer, example(s), sample(s),
//     testing, ci or .circleci; or a name with one of the words dev,
//     develop, development, local, test, testing, example, sample,
//     template, tpl, dist, override, ci, e2e, travis, dusk, playwright or
//     cypress (words are what is between dots, dashes and underscores,
//     compared without case: ".env.local", "Dockerfile.dev",
//     "values-dev.yaml", "docker-compose.override.yml",
//     "settings.py.example", "Dockerfile.playwright"); nor a Compose file
//     named for the backing services of a developer's machine, with the
//     word infra, deps or dependencies and not prod
//     ("docker-compose.infra.yml").
//  2. A name with the word prod or production: config/production.json,
//     config/environments/production.rb, settings/production.py,
//     settings_prod.py, application-prod.yml, appsettings.Production.json,
//     .env.production, nginx.prod.conf, docker-compose.prod.yml.
//  3. A container build file: Dockerfile, Containerfile, api.Dockerfile,
//     Dockerfile.api.
//  4. A compose file: docker-compose.yml, compose.yaml and their variants.
//  5. A platform file: fly.toml, render.yaml, app.yaml, app.json,
//     vercel.json, netlify.toml, Procfile, heroku.yml, railway.json,
//     railway.toml, serverless.yml.
//  6. Anything in a deploy folder at any depth: k8s, kubernetes, openshift,
//     deploy, deployment, deployments, helm, charts, manifests, prod,
//     production.
//  7. A GitHub Actions workflow whose name says deploy, release or prod.
func IsProduction(name string) bool {
	dirs, base := split(name)
	if base == "" || IsTest(name) {
		return false
	}
	words := nameWords(base)
	if development(dirs, words) {
		return false
	}
	lower := strings.ToLower(base)
	if composeFile(lower) && hasAny(words, composeDevWords) && !hasAny(words, prodWords) {
		return false
	}
	return hasAny(words, prodWords) ||
		containerFile(lower) ||
		composeFile(lower) ||
		platformFiles[lower] ||
		inAny(dirs, deployDirs) ||
		deployWorkflow(dirs, lower, words)
}

// IsDevelopment reports whether name, a slash path relative to the
// scanned root, is a test, development or example file by rule 1 of
// IsProduction: code that never ships (settings/local.py,
// config.dev.js, examples/server.js).
func IsDevelopment(name string) bool {
	dirs, base := split(name)
	if base == "" {
		return false
	}
	return IsTest(name) || development(dirs, nameWords(base))
}

// ProductionByName reports whether name, a slash path relative to the
// scanned root, says production in its own words: a name with the word
// prod or production, or a folder named prod or production, and nothing
// that makes it a test, development or example file. A file production
// by name is production whatever its content suggests.
func ProductionByName(name string) bool {
	dirs, base := split(name)
	if base == "" || IsTest(name) {
		return false
	}
	words := nameWords(base)
	if development(dirs, words) {
		return false
	}
	if hasAny(words, prodWords) {
		return true
	}
	for _, d := range dirs {
		if prodWords[strings.ToLower(d)] {
			return true
		}
	}
	return false
}

// IsDeployDir reports whether a folder's own name (not a path) is one
// that holds deployment configuration: k8s, kubernetes, openshift,
// deploy, deployment, deployments, helm, charts, manifests, prod or
// production. Everything under such a folder is production (rule 6 of
// IsProduction), and it describes its own environment.
func IsDeployDir(dir string) bool { return deployDirs[strings.ToLower(dir)] }

// IsTestRun reports whether name, a slash path relative to the scanned
// root, configures a test or CI run rather than an environment anyone
// uses: IsTest, a name with the word ci, travis, dusk, testing, e2e,
// circleci, playwright or cypress (.env.ci, .env.travis,
// .env.dusk.local, .env.testing, Dockerfile.playwright), or a file under a
// testing, ci or .circleci folder. Its passwords are for throwaway
// services that live as long as the run.
func IsTestRun(name string) bool {
	dirs, base := split(name)
	if base == "" {
		return false
	}
	if IsTest(name) || hasAny(nameWords(base), ciWords) {
		return true
	}
	for _, d := range dirs {
		switch strings.ToLower(d) {
		case "testing", "ci", ".circleci":
			return true
		}
	}
	return false
}

// IsTest reports whether name, a slash path relative to the scanned root,
// is test code or test data: a file under a test, tests, __tests__,
// __mocks__, spec, testdata, fixtures or e2e folder at any depth; a name
// with the word test or tests (app_test.go, test_views.py, .env.test,
// Dockerfile.test, api.test.ts); a code file with the word spec
// (user.spec.ts, user_spec.rb; an OpenAPI "api.spec.yaml" is not a test);
// conftest.py; and Java, Kotlin, Scala or C# classes named *Test, *Tests or
// *IT.
func IsTest(name string) bool {
	dirs, base := split(name)
	if base == "" {
		return false
	}
	if inAny(dirs, testDirs) || base == "conftest.py" {
		return true
	}
	words := nameWords(base)
	if hasAny(words, testWords) {
		return true
	}
	ext := strings.ToLower(path.Ext(base))
	if codeExts[ext] && hasAny(words, map[string]bool{"spec": true, "specs": true}) {
		return true
	}
	if classExts[ext] {
		stem := strings.TrimSuffix(base, path.Ext(base))
		for _, suffix := range []string{"Test", "Tests", "IT"} {
			// "FooIT" is a test; "AUDIT" is not.
			if rest, ok := strings.CutSuffix(stem, suffix); ok && rest != "" && lowerOrDigit(rest[len(rest)-1]) {
				return true
			}
		}
	}
	return false
}

// split cuts name into its folder names and its base name.
func split(name string) (dirs []string, base string) {
	name = strings.Trim(name, "/")
	if name == "" {
		return nil, ""
	}
	segs := strings.Split(name, "/")
	return segs[:len(segs)-1], segs[len(segs)-1]
}

// nameWords splits a base name at dots, dashes and underscores, lowercased.
func nameWords(base string) []string {
	return strings.FieldsFunc(strings.ToLower(base), func(r rune) bool {
		return r == '.' || r == '-' || r == '_'
	})
}

func development(dirs, words []string) bool {
	return inAny(dirs, devDirs) || hasAny(words, devWords)
}

func containerFile(lower string) bool {
	for _, kind := range []string{"dockerfile", "containerfile"} {
		if lower == kind || strings.HasPrefix(lower, kind+".") || strings.HasSuffix(lower, "."+kind) {
			return true
		}
	}
	return false
}

func composeFile(lower string) bool {
	ext := path.Ext(lower)
	if ext != ".yml" && ext != ".yaml" {
		return false
	}
	stem := strings.TrimSuffix(lower, ext)
	for _, kind := range []string{"docker-compose", "compose"} {
		if rest, ok := strings.CutPrefix(stem, kind); ok && (rest == "" || rest[0] == '.' || rest[0] == '-') {
			return true
		}
	}
	return false
}

func deployWorkflow(dirs []string, lower string, words []string) bool {
	n := len(dirs)
	if n < 2 || dirs[n-2] != ".github" || dirs[n-1] != "workflows" {
		return false
	}
	return strings.Contains(lower, "deploy") || strings.Contains(lower, "release") || hasAny(words, prodWords)
}

func lowerOrDigit(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

func hasAny(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

func inAny(dirs []string, set map[string]bool) bool {
	for _, d := range dirs {
		if set[strings.ToLower(d)] {
			return true
		}
	}
	return false
}
