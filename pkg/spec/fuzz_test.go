package spec

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// maxFuzzDocument bounds the documents FuzzLoad tries. Go's fuzzing
// engine minimises every input that reaches new code, with a step that is
// quadratic in the input's length and a budget of a minute
// (-fuzzminimizetime): at the size of the fixtures (1 to 2.5 KB) one
// minimisation eats that minute, and a 60-second run executes a few dozen
// inputs instead of hundreds of thousands. At 256 bytes a minimisation
// takes a second or two, and flow style fits schemes, security and $refs
// in that. The parser's limits on large input are tested directly: size in
// big_test.go, depth in format_test.go, aliases with
// testdata/specs/bad/alias-bomb.yaml.
const maxFuzzDocument = 256

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
			if data, err := os.ReadFile(filepath.Join(root, dir, e.Name())); err == nil && len(data) <= maxFuzzDocument {
				f.Add(data)
			}
		}
	}
	// What the fixtures too large to fuzz hold, a few lines each.
	for _, s := range []string{
		"openapi: 3.0.0\npaths:\n  /a: {$ref: other.yaml}\n",
		"swagger: '2.0'\npaths:\n  /a: {$ref: 'other.yaml'}\n",
		"openapi: 3.0.3\npaths:\n  /i/{id}:\n    get: {security: [{k: []}], responses: {'200': {$ref: '#/components/responses/r'}}}\n" +
			"components: {responses: {r: {description: ok}}, securitySchemes: {k: {type: apiKey, in: query, name: k}}}\n",
		"openapi: 3.1.0\nservers: [{url: 'http://a.io'}]\ncomponents: {securitySchemes: " +
			"{o: {type: oauth2, flows: {implicit: {authorizationUrl: 'http://a', scopes: {r: r}}}}}}\n" +
			"paths:\n  /login: {post: &op {x-launchgate-public: sign-in}}\n  /reset: {post: *op}\n",
		`{"swagger":"2.0","securityDefinitions":{"b":{"type":"basic"}},"security":[{"b":[]}],` +
			`"paths":{"/a/{id}":{"get":{"parameters":[{"name":"id","in":"path","type":"string"}]}}}}`,
		`{"openapi":"3.0.3","paths":{"/a":{"get":{"responses":{"200":{"description":"ok"}}},"get":{}}}}`,
		"openapi: 3.0.3\npaths:\n  /a: {post: {requestBody: {content: {j: {schema: &s {properties: " +
			"{owner_id: {readOnly: true}, p: *s}}}}}}}\n",
		"swagger: '2.0'\nschemes: [http, 7]\npaths:\n  /a:\n    put: {schemes: [http], parameters: " +
			"[{in: body, schema: {$ref: '#/definitions/d'}}]}\ndefinitions: {d: {properties: {d: {$ref: '#/definitions/d'}}}}\n",
	} {
		if len(s) > maxFuzzDocument {
			f.Fatalf("seed of %d bytes, over the %d the target tries: %q", len(s), maxFuzzDocument, s)
		}
		f.Add([]byte(s))
	}
	other := "get:\n  security: [{k: []}]\n  responses: {'200': {description: ok}}\n"
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzDocument {
			return
		}
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
