package spec

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// benchFiles are the large real documents in the shared benchmark folder,
// a sibling of the repository root.
func benchFiles(b *testing.B) (dir string, names []string) {
	b.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "bench", "openapi"))
	if err != nil {
		b.Fatal(err)
	}
	names = []string{"stripe-spec3-2023-09-12.yaml", "github-api.github.com-1.1.4.yaml"}
	for _, n := range names {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			b.Skipf("benchmark documents not available next to the repository (%s): %v", dir, err)
		}
	}
	return dir, names
}

// BenchmarkLoad measures Load on real documents; compare with
// BenchmarkKinFloor, the bare kin-openapi load with positions, which is the
// floor: the ratio is what the model building costs on top.
func BenchmarkLoad(b *testing.B) {
	dir, names := benchFiles(b)
	for _, n := range names {
		b.Run(n, func(b *testing.B) {
			b.ReportAllocs()
			read := DirReader(dir)
			for b.Loop() {
				doc, problems := Load(context.Background(), n, read, Options{})
				if doc == nil || len(doc.Operations) == 0 || len(problems) > 0 {
					b.Fatalf("load failed: %v", problems)
				}
			}
		})
	}
}

// BenchmarkKinFloor is kin-openapi loading the same documents with origins
// and nothing else.
func BenchmarkKinFloor(b *testing.B) {
	dir, names := benchFiles(b)
	for _, n := range names {
		b.Run(n, func(b *testing.B) {
			b.ReportAllocs()
			data, err := os.ReadFile(filepath.Join(dir, n))
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				l := openapi3.NewLoader()
				l.IncludeOrigin = true
				l.IsExternalRefsAllowed = true
				l.ReadFromURIFunc = func(*openapi3.Loader, *url.URL) ([]byte, error) { return nil, os.ErrNotExist }
				if _, err := l.LoadFromDataWithPath(data, &url.URL{Path: n}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
