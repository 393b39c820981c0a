package openapi

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/spec"
)

// bigSpecBytes is the size of the generated document BenchmarkBigSpec
// checks: about 40,000 operations.
const bigSpecBytes = 30 << 20

// genBigSpec writes a 3.0 document of at least size bytes, the shape of a
// large real API: path items with a path parameter, a secured read and an
// explicitly public write with inline schemas, tags and descriptions. It
// returns the document and its operation count.
func genBigSpec(size int) ([]byte, int) {
	var b bytes.Buffer
	b.Grow(size + 4096)
	b.WriteString("openapi: 3.0.3\ninfo: {title: generated, version: '1'}\nsecurity:\n  - bearer: []\npaths:\n")
	ops := 0
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `  /accounts/{account}/things%d/{id}:
    parameters:
      - {name: account, in: path, required: true, schema: {type: string}}
      - {name: id, in: path, required: true, schema: {type: string}}
    get:
      operationId: getThing%d
      summary: Get thing %d
      description: Returns the thing with the given identifier when the caller may read it.
      tags: [things]
      parameters:
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}}
        - {name: expand, in: query, schema: {type: array, items: {type: string}}}
      responses:
        '200':
          description: the thing
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string, description: unique identifier}
                  name: {type: string, description: what the thing is called}
                  owner: {type: string, description: the account that owns it}
                  created: {type: string, format: date-time}
                  metadata: {type: object, additionalProperties: {type: string}}
        '404': {description: not found}
    post:
      operationId: postThing%d
      summary: Update thing %d
      tags: [things]
      security: []
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Thing'}
      responses:
        '201': {description: created}
        '400': {description: invalid}
`, i, i, i, i, i)
		ops += 2
	}
	b.WriteString("components:\n  securitySchemes:\n    bearer: {type: http, scheme: bearer}\n" +
		"  schemas:\n    Thing: {type: object, properties: {id: {type: string}, name: {type: string}}}\n")
	return b.Bytes(), ops
}

// TestGenBigSpec checks that the generated document loads clean with
// every operation it counts, so the benchmark measures a real load. With
// LAUNCHGATE_BIGSPEC naming a file, it also writes the full-size document
// there, for measuring the CLI on it.
func TestGenBigSpec(t *testing.T) {
	data, ops := genBigSpec(256 << 10)
	doc, problems := spec.Load(context.Background(), "big.yaml", spec.MapReader(map[string]string{"big.yaml": string(data)}), spec.Options{})
	if doc == nil || len(problems) > 0 {
		t.Fatalf("generated document: problems %v", problems)
	}
	if len(doc.Operations) != ops || ops < 100 {
		t.Errorf("loaded %d operations, generated %d", len(doc.Operations), ops)
	}
	out := os.Getenv("LAUNCHGATE_BIGSPEC")
	if out == "" {
		return
	}
	data, ops = genBigSpec(bigSpecBytes)
	if err := os.WriteFile(out, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d bytes, %d operations", out, len(data), ops)
}

// BenchmarkBigSpec runs the whole check on a generated 30 MB document;
// with -benchmem (and -memprofile) it shows what a large spec costs
// beyond kin-openapi's own document.
func BenchmarkBigSpec(b *testing.B) {
	if testing.Short() {
		b.Skip("generates and checks a 30 MB document; skipped with -short")
	}
	data, _ := genBigSpec(bigSpecBytes)
	dir := b.TempDir()
	if err := os.WriteFile(dir+"/big.yaml", data, 0o644); err != nil {
		b.Fatal(err)
	}
	data = nil
	target := &check.Target{Root: dir, Specs: []string{"big.yaml"}, Config: config.Default(), Tally: &check.Tally{}}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if err := New().Run(context.Background(), target, func(check.Report) { n++ }); err != nil {
			b.Fatal(err)
		}
		if n == 0 {
			b.Fatal("no findings on the generated spec")
		}
	}
}
