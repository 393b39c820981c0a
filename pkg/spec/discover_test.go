package spec

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestDiscover(t *testing.T) {
	root := t.TempDir()
	spec := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
	files := map[string]string{
		"openapi.yaml":                      spec,
		"api/v2.json":                       `{"swagger": "2.0", "info": {}}`,
		"api/admin.yml":                     spec,
		"api/notes.yaml":                    "title: not a spec\n",
		"api/openapi.txt":                   spec,
		"package.json":                      `{"name": "portal"}`,
		"node_modules/lib/openapi.yaml":     spec,
		"vendor/x/openapi.yaml":             spec,
		"dist/openapi.yaml":                 spec,
		".git/openapi.yaml":                 spec,
		".venv/openapi.yaml":                spec,
		"web/.next/openapi.yaml":            spec,
		"pkg/testdata/broken.yaml":          spec,
		"src/__fixtures__/spec.yaml":        spec,
		"test/fixtures/spec.yaml":           spec,
		"legacy/old.yaml":                   spec,
		"docs/gen/huge.yaml":                spec,
		"docs/keep.yaml":                    spec,
		"services/billing/openapi.json":     `{"openapi": "3.1.0"}`,
		"services/billing/build/spec.yaml":  spec,
		"services/billing/coverage/x.yaml":  spec,
		"services/billing/target/spec.yaml": spec,
		// Generated with sorted keys: the version comes after 10 KB.
		"api/sorted.yaml": "components:\n" + strings.Repeat("  # padding\n", 1000) + "openapi: 3.0.0\npaths: {}\n",
		"data/big.json":   `{"rows": [` + strings.Repeat(`"x",`, 5000) + `"y"]}`,
	}
	for name, content := range files {
		mustWrite(t, filepath.Join(root, filepath.FromSlash(name)), content)
	}
	// A symlink loop: WalkDir does not follow links, so it must end.
	mustSymlink(t, root, filepath.Join(root, "loop"))
	mustSymlink(t, filepath.Join(root, "openapi.yaml"), filepath.Join(root, "linked.yaml"))

	got, err := Discover(context.Background(), root, []string{"legacy/**", "docs/gen"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"api/admin.yml", "api/sorted.yaml", "api/v2.json", "docs/keep.yaml", "openapi.yaml", "services/billing/openapi.json"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Discover =\n  %v\nwant\n  %v", got, want)
	}
}

// TestDiscoverFixtureRoot checks that a fixture folder given as the root
// itself is searched: only folders below the root are skipped.
func TestDiscoverFixtureRoot(t *testing.T) {
	root := filepath.Join(t.TempDir(), "testdata")
	mustWrite(t, filepath.Join(root, "openapi.yaml"), "openapi: 3.0.3\n")
	got, err := Discover(context.Background(), root, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, []string{"openapi.yaml"}) {
		t.Errorf("Discover = %v", got)
	}
}

func TestDiscoverErrors(t *testing.T) {
	tests := []struct {
		name    string
		ctx     func() context.Context
		root    string
		exclude []string
		want    string
	}{
		{"missing root", context.Background, "/nonexistent/launchgate", nil, "no such file"},
		{"bad pattern", context.Background, os.TempDir(), []string{"[z"}, "exclude pattern"},
		{"cancelled", func() context.Context {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx
		}, t.TempDir(), nil, "context canceled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Discover(tt.ctx(), tt.root, tt.exclude)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}
