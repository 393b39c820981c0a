package openapi

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/spec"
)

// benchDir holds large real-world specs, beside the repository.
var benchDir = filepath.Join("..", "..", "..", "..", "shared", "bench", "openapi")

var benchSpecs = []struct{ name, file string }{
	{"github", "github-api.github.com-1.1.4.yaml"},
	{"stripe", "stripe-spec3-2023-09-12.yaml"},
}

func benchSpec(b *testing.B, file string) {
	b.Helper()
	if _, err := os.Stat(filepath.Join(benchDir, file)); err != nil {
		b.Skipf("benchmark spec %s is not available: %v", file, err)
	}
}

// BenchmarkCheck runs the whole check (load and every rule) on each spec.
func BenchmarkCheck(b *testing.B) {
	for _, s := range benchSpecs {
		b.Run(s.name, func(b *testing.B) {
			benchSpec(b, s.file)
			target := &check.Target{Root: benchDir, Specs: []string{s.file}, Config: config.Default(), Tally: &check.Tally{}}
			for b.Loop() {
				n := 0
				if err := New().Run(context.Background(), target, func(check.Report) { n++ }); err != nil {
					b.Fatal(err)
				}
				if n == 0 {
					b.Fatal("no findings on a real-world spec")
				}
			}
		})
	}
}

// BenchmarkLoad is the loader alone, the baseline BenchmarkCheck is
// compared with.
func BenchmarkLoad(b *testing.B) {
	for _, s := range benchSpecs {
		b.Run(s.name, func(b *testing.B) {
			benchSpec(b, s.file)
			read := spec.DirReader(benchDir)
			for b.Loop() {
				if doc, _ := spec.Load(context.Background(), s.file, read, spec.Options{}); doc == nil {
					b.Fatal("no document")
				}
			}
		})
	}
}

// BenchmarkRules is the rule functions alone on an already loaded document.
func BenchmarkRules(b *testing.B) {
	for _, s := range benchSpecs {
		b.Run(s.name, func(b *testing.B) {
			benchSpec(b, s.file)
			doc, _ := spec.Load(context.Background(), s.file, spec.DirReader(benchDir), spec.Options{})
			if doc == nil {
				b.Fatal("no document")
			}
			cfg := config.Default()
			for b.Loop() {
				checkDocument(doc, cfg, func(check.Report) {})
			}
		})
	}
}
