package secretscan

import (
	"path"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/prodfile"
)

// lockFiles are dependency lock files: their hashes and URLs look like
// keys to a pattern, and no one writes a secret into them by hand.
var lockFiles = map[string]bool{
	"package-lock.json": true, "npm-shrinkwrap.json": true, "yarn.lock": true, "pnpm-lock.yaml": true,
	"bun.lockb": true, "go.sum": true, "Cargo.lock": true, "composer.lock": true, "Gemfile.lock": true,
	"poetry.lock": true, "Pipfile.lock": true, "uv.lock": true, "pdm.lock": true, "mix.lock": true,
	"packages.lock.json": true, "gradle.lockfile": true, "flake.lock": true,
}

// fixtureDirs are folders that hold test fixtures: keys in them are fakes
// made for tests.
var fixtureDirs = map[string]bool{
	"testdata": true, "fixtures": true, "__fixtures__": true, "__mocks__": true,
	"test-fixtures": true, "__snapshots__": true, "cassettes": true,
}

// skipped reports whether the secrets check leaves a tree file alone: lock
// files, and test code and fixtures (whose keys are fakes made for tests),
// unless the config asks for them.
func skipped(t *check.Target, name string) bool {
	cfg := t.Config
	if (cfg == nil || !cfg.Secrets.ScanLockFiles) && lockFiles[path.Base(name)] {
		return true
	}
	return (cfg == nil || !cfg.Secrets.ScanFixtures) && (fixture(name) || prodfile.IsTest(name))
}

// fixture reports whether name is inside a test-fixture folder.
func fixture(name string) bool {
	dirs := strings.Split(path.Dir(name), "/")
	for _, d := range dirs {
		if fixtureDirs[d] {
			return true
		}
	}
	return false
}
