package spec

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// genSpec writes a 3.0 document of at least size bytes: path items with
// path and query parameters, two operations and inline schemas, the shape of
// a real API's bulk. It returns the document and its operation count.
func genSpec(size int) (string, int) {
	var b bytes.Buffer
	b.Grow(size + 4096)
	b.WriteString("openapi: 3.0.3\ninfo: {title: generated, version: '1'}\nsecurity:\n  - bearer: []\npaths:\n")
	ops := 0
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `  /things%d/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
    get:
      operationId: getThing%d
      summary: Get thing %d
      parameters:
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}}
      responses:
        '200':
          description: the thing
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string}
                  name: {type: string, description: what the thing is called}
                  created: {type: string, format: date-time}
    post:
      operationId: postThing%d
      security: []
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Thing'}
      responses:
        '201': {description: created}
`, i, i, i, i)
		ops += 2
	}
	b.WriteString("components:\n  securitySchemes:\n    bearer: {type: http, scheme: bearer}\n" +
		"  schemas:\n    Thing: {type: object, properties: {id: {type: string}}}\n")
	return b.String(), ops
}

// TestLoadOverLimit loads a generated 50 MB document. Loading it fully takes
// about 40 s and 2.9 GB, so the default limit refuses it, quickly, with a
// problem that gives the size and the limit.
func TestLoadOverLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a 50 MB document; skipped with -short")
	}
	data, _ := genSpec(50 << 20)
	start := time.Now()
	doc, problems := Load(context.Background(), "huge.yaml", MapReader(map[string]string{"huge.yaml": data}), Options{})
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("refusing took %v", d)
	}
	if doc != nil {
		t.Errorf("got a document for a file over the limit")
	}
	want := fmt.Sprintf("%d bytes, over the %d-byte limit", len(data), DefaultMaxBytes)
	if len(problems) != 1 || !strings.Contains(problems[0].Message, want) {
		t.Fatalf("problems %v, want one containing %q", problems, want)
	}
}

// TestLoadLarge loads a generated 8 MB document in full and checks that
// every operation arrives, within a time and memory budget far from the
// limits.
func TestLoadLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and loads an 8 MB document; skipped with -short")
	}
	data, ops := genSpec(8 << 20)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	doc, problems := Load(context.Background(), "big.yaml", MapReader(map[string]string{"big.yaml": data}), Options{})
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	t.Logf("%d bytes, %d operations: %v, %d MB allocated", len(data), ops, elapsed, (after.TotalAlloc-before.TotalAlloc)>>20)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if len(doc.Operations) != ops {
		t.Errorf("got %d operations, want %d", len(doc.Operations), ops)
	}
	last := doc.Operations[len(doc.Operations)-1]
	if last.Loc.Line == 0 || last.Security == nil && last.Method == "POST" {
		t.Errorf("last operation lost its position or security: %+v", last)
	}
	if elapsed > 30*time.Second {
		t.Errorf("took %v", elapsed)
	}
}

// TestLoadRetainsLittle checks that what Load keeps of a large document is
// the model, a few small records per operation, and not the node trees or
// kin-openapi's document it was read from, which are many times the file.
func TestLoadRetainsLittle(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and loads an 8 MB document; skipped with -short")
	}
	data, ops := genSpec(8 << 20)
	read := MapReader(map[string]string{"big.yaml": data})
	before := liveHeap()
	doc, problems := Load(context.Background(), "big.yaml", read, Options{})
	kept := int64(liveHeap()) - int64(before)
	runtime.KeepAlive(doc)
	if len(problems) > 0 || doc == nil || len(doc.Operations) != ops {
		t.Fatalf("problems %v", problems)
	}
	t.Logf("%d bytes, %d operations: %d bytes kept, %d per operation", len(data), ops, kept, kept/int64(ops))
	if kept > int64(len(data)) {
		t.Errorf("the loaded document keeps %d bytes, more than the %d-byte file", kept, len(data))
	}
}

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
