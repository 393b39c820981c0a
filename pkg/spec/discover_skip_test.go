package spec

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
)

// Discovery finds the project's own API: at the root, in api/ and docs/,
// in a monorepo's apps; not the specs of vendored code, a Go module
// cache, tests or examples.
func TestDiscoverAsTheUserMeansIt(t *testing.T) {
	root := t.TempDir()
	spec := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
	found := []string{
		"api/broken.yaml",
		"api/invalid-ref.yaml",
		"api/openapi.yaml",
		"apps/billing/openapi.yaml",
		"apps/documentation/src/assets/swagger.json",
		"docs/api.yml",
		"openapi.yaml",
		"services/x/spec/openapi.yaml",
		"spec/openapi.json",
		"src/main/resources/openapi.yml",
	}
	notFound := []string{
		"vendor/github.com/x/y/api.yaml",
		"node_modules/@scope/lib/openapi.yaml",
		"third_party/googleapis/openapi.yaml",
		"site-packages/lib/openapi.yaml",
		"pkg/mod/github.com/x/y@v1.2.3/openapi.yaml",
		"gomodcache/github.com/getkin/kin-openapi@v0.128.0/openapi3/testdata/a.yaml",
		"gomodcache/github.com/x/y@v0.0.0-20240101000000-abcdef/api.yaml",
		"foo/model/test_files/petstore.yaml",
		"web/__tests__/openapi.yaml",
		"internal/testdata/spec.yaml",
		"tests/api.yaml",
		"src/test/resources/openapi.yaml",
		"fixtures/openapi.yaml",
		"examples/petstore/openapi.yaml",
		"docs/samples/openapi.yaml",
		"api/openapi_test.yaml",
	}
	for _, name := range append(append([]string(nil), found...), notFound...) {
		content := spec
		if filepath.Ext(name) == ".json" {
			content = `{"openapi": "3.1.0", "paths": {}}`
		}
		mustWrite(t, filepath.Join(root, filepath.FromSlash(name)), content)
	}
	got, err := Discover(context.Background(), root, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, found) {
		t.Errorf("Discover =\n  %v\nwant\n  %v", got, found)
	}
}

func TestTestFile(t *testing.T) {
	for name, want := range map[string]bool{
		"openapi.yaml":        false,
		"openapi-latest.yaml": false,
		"contest.json":        false,
		"invalidation.yaml":   false,
		"api.spec.json":       false,
		"petstore_test.yaml":  true,
		"api.test.json":       true,
		"API-TEST.YML":        true,
		"invalid-ref.yaml":    false,
		"broken.yaml":         false,
	} {
		if got := testFile(name); got != want {
			t.Errorf("testFile(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestGoModuleVersion(t *testing.T) {
	for name, want := range map[string]bool{
		"kin-openapi@v0.128.0": true,
		"y@v0.0.0-2024":        true,
		"user@example.com":     false,
		"a@vendor":             false,
		"plain":                false,
		"x@v":                  false,
	} {
		if got := goModuleVersion(name); got != want {
			t.Errorf("goModuleVersion(%q) = %v, want %v", name, got, want)
		}
	}
}
