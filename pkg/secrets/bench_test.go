package secrets

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/zricethezav/gitleaks/v8/detect"
)

// sourceTree returns n generated source files of a few KB each, shaped like
// a TypeScript and Python portal: imports, handlers, config objects, and a
// secret in one file of fifty.
func sourceTree(g *gen, n int) []Fragment {
	files := make([]Fragment, 0, n)
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "import { Router } from \"express\";\nimport { db } from \"../db/%s\";\n\n", g.from("abcdefghijklmnopqrstuvwxyz", 6))
		for j := range 40 {
			fmt.Fprintf(&b, "export async function handler%d(req, res) {\n  const id = req.params.%s;\n  const row = await db.invoice.findFirst({ where: { id, tenantId: req.user.tenantId } });\n  if (!row) return res.status(404).json({ error: \"not found\" });\n  res.json({ ...row, total: row.amount * %d });\n}\n\n", j, g.from("abcdefghijklmnopqrstuvwxyz", 5), j)
		}
		fmt.Fprintf(&b, "export const config = { apiBase: \"https://api.example.com/v%d\", timeoutMs: %d, retries: 3 };\n", i%3, 1000+i)
		if i%50 == 0 {
			fmt.Fprintf(&b, "const stripe = new Stripe(\"%s\");\n", g.stripeLive().value)
		}
		files = append(files, Fragment{Path: fmt.Sprintf("src/routes/r%04d.ts", i), Content: b.String(), StartLine: 1})
	}
	return files
}

func BenchmarkScan(b *testing.B) {
	e := newEngine(b, Options{})
	g := newGen(b)
	bundle := Fragment{Path: "dist/static/js/main.js", Content: minifiedBundle(g, 2<<20) + `;var k="` + g.stripeLive().value + `";`, StartLine: 1}
	tree := sourceTree(g, 1000)
	var treeBytes int64
	for _, f := range tree {
		treeBytes += int64(len(f.Content))
	}
	ctx := context.Background()
	b.Run("bundle-2MB", func(b *testing.B) {
		b.SetBytes(int64(len(bundle.Content)))
		for b.Loop() {
			if got, err := e.Scan(ctx, bundle); err != nil || len(got) != 1 {
				b.Fatalf("got %d secrets, err %v", len(got), err)
			}
		}
	})
	b.Run("sources-1000", func(b *testing.B) {
		b.SetBytes(treeBytes)
		for b.Loop() {
			found := 0
			for _, f := range tree {
				got, err := e.Scan(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				found += len(got)
			}
			if found != 20 {
				b.Fatalf("found %d secrets in the tree, want 20", found)
			}
		}
	})
}

// BenchmarkKeyMaterial is the structural detectors' share of
// BenchmarkScan: the byte tests that gate them on the same bundle and
// tree, and one scan of a bundle that names "kty" in its JOSE code.
func BenchmarkKeyMaterial(b *testing.B) {
	g := newGen(b)
	bundle := Fragment{Path: "dist/static/js/main.js", Content: minifiedBundle(g, 2<<20), StartLine: 1}
	tree := sourceTree(g, 1000)
	jose := Fragment{Path: "dist/static/js/jose.js", Content: strings.Repeat(`if(e.kty==="RSA"){n={kty:"RSA",n:e.n,e:e.e}}else if(t.kty!=="oct")throw new TypeError("kty");`, 20000), StartLine: 1}
	b.Run("bundle-2MB", func(b *testing.B) {
		b.SetBytes(int64(len(bundle.Content)))
		for b.Loop() {
			if len(settleStores(bundle, findKeyMaterial(bundle))) != 0 {
				b.Fatal("key material in the bundle")
			}
		}
	})
	b.Run("sources-1000", func(b *testing.B) {
		for b.Loop() {
			for _, f := range tree {
				if len(settleStores(f, findKeyMaterial(f))) != 0 {
					b.Fatal("key material in the tree")
				}
			}
		}
	})
	b.Run("jose-bundle", func(b *testing.B) {
		b.SetBytes(int64(len(jose.Content)))
		for b.Loop() {
			if len(findKeyMaterial(jose)) != 0 {
				b.Fatal("key material in JOSE code")
			}
		}
	})
}

// BenchmarkNewDetector is what a Detector per Scan would add to every file;
// compare with BenchmarkScan/sources-1000 divided by 1,000.
func BenchmarkNewDetector(b *testing.B) {
	cfg := compiledConfig(newEngine(b, Options{}))
	for b.Loop() {
		_ = detect.NewDetector(cfg)
	}
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
