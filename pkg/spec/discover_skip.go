package spec

import (
	"path"
	"strings"
)

// skippedDirs hold dependencies (vendored or installed), build output,
// caches or tool state.
var skippedDirs = map[string]bool{
	"node_modules": true, "vendor": true, "third_party": true, "third-party": true,
	"bower_components": true, "jspm_packages": true, ".pnpm-store": true,
	".venv": true, "venv": true, "site-packages": true, "__pycache__": true,
	"dist": true, "build": true, "out": true, "target": true, "coverage": true,
	".git": true, ".next": true, ".nuxt": true, ".svelte-kit": true,
}

// testDirs hold test inputs, which are often deliberately broken or
// minimal specs. "spec" is not one: Ruby and JavaScript projects keep
// their tests there, but API projects as often keep their OpenAPI
// document there, and missing the real spec is worse than a few findings
// on a test one.
var testDirs = map[string]bool{
	"test": true, "tests": true, "__tests__": true,
	"testdata": true, "test_data": true, "test-data": true,
	"test_files": true, "test-files": true,
	"fixtures": true, "__fixtures__": true, "test-fixtures": true, "test_fixtures": true,
	"__mocks__": true, "__snapshots__": true,
}

// exampleDirs hold examples and samples of a library or tool: specs that
// show how to use it, not the API the project serves. A monorepo's apps/,
// services/ and packages/ are searched.
var exampleDirs = map[string]bool{
	"examples": true, "example": true, "samples": true, "sample": true,
}

// skipDir reports whether discovery passes over the folder rel (relative
// to the root, with /) named name.
func skipDir(rel, name string) bool {
	if skippedDirs[name] || testDirs[name] || exampleDirs[name] {
		return true
	}
	// A Go module cache (GOMODCACHE, $GOPATH/pkg/mod): its modules are
	// folders named path@version.
	if name == "mod" && path.Base(path.Dir(rel)) == "pkg" {
		return true
	}
	return goModuleVersion(name)
}

// goModuleVersion reports whether name is a module folder of a Go module
// cache: module@v1.2.3.
func goModuleVersion(name string) bool {
	_, v, ok := strings.Cut(name, "@v")
	return ok && v != "" && v[0] >= '0' && v[0] <= '9'
}

// testFile reports whether a file's name says it is a test input:
// petstore_test.yaml, api.test.json, users-test.yml. A name such as
// broken.yaml or invalid-ref.yaml is not enough: a document of the project
// that does not parse must be reported, not passed over.
func testFile(name string) bool {
	stem := strings.ToLower(strings.TrimSuffix(name, path.Ext(name)))
	for _, s := range []string{"_test", ".test", "-test"} {
		if strings.HasSuffix(stem, s) {
			return true
		}
	}
	return false
}
