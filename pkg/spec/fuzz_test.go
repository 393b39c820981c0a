package spec

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzLoad feeds arbitrary bytes to Load as the root document, with one
// other file a $ref may reach. Load must not panic or hang, must keep its
// promise about nil Documents, and must locate everything in a file it read.
func FuzzLoad(f *testing.F) {
	root := specsDir(f)
	for _, dir := range []string{"valid", "bad", "multi/api", "multi/api/paths", "multi/shared"} {
		ents, _ := os.ReadDir(filepath.Join(root, dir))
		for _, e := range ents {
			if e.IsDir() || strings.HasSuffix(e.Name(), ".want") {
				continue
			}
			if data, err := os.ReadFile(filepath.Join(root, dir, e.Name())); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("openapi: 3.0.0\npaths:\n  /a: {$ref: other.yaml}\n"))
	f.Add([]byte("swagger: '2.0'\npaths:\n  /a: {$ref: 'other.yaml'}\n"))
	other := "get:\n  security: [{k: []}]\n  responses: {'200': {description: ok}}\n"
	f.Fuzz(func(t *testing.T, data []byte) {
		files := map[string]string{"api.yaml": string(data), "other.yaml": other}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		doc, problems := Load(ctx, "api.yaml", MapReader(files), Options{MaxBytes: 1 << 20})
		if doc == nil {
			if len(problems) == 0 {
				t.Fatal("nil Document with no Problem")
			}
			return
		}
		if doc.File != "api.yaml" {
			t.Fatalf("Document.File = %q", doc.File)
		}
		for _, p := range problems {
			if p.Message == "" {
				t.Fatalf("problem without a message at %+v", p.Loc)
			}
			if _, ok := files[p.Loc.File]; !ok && !strings.Contains(p.Message, "not found") {
				t.Fatalf("problem located in a file not read: %+v", p)
			}
		}
		for _, op := range doc.Operations {
			if _, ok := files[op.Loc.File]; !ok {
				t.Fatalf("operation %s located in %q", op.Key(), op.Loc.File)
			}
		}
	})
}
