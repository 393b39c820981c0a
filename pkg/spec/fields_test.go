package spec

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestResponseFields states the fields and the shape read from response
// schemas: properties at any depth, through $refs, items and
// compositions, each once; a free-form object, a schema-less response or a
// broken $ref leaves the response unshaped. Swagger 2.0 and a document the
// strict loader refuses are read by the fallback reader, which must agree.
func TestResponseFields(t *testing.T) {
	const oas3 = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /books:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  books:
                    type: array
                    items: {$ref: "#/components/schemas/Book"}
  /notes:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object}
  /plain:
    get:
      responses:
        "204": {description: empty}
  /tree:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Node"}
components:
  schemas:
    Book:
      allOf:
        - $ref: "#/components/schemas/Titled"
        - type: object
          properties:
            owner: {type: string}
    Titled:
      type: object
      properties:
        title: {type: string}
    Node:
      type: object
      properties:
        name: {type: string}
        children:
          type: array
          items: {$ref: "#/components/schemas/Node"}
`
	const swagger = `swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /books:
    get:
      responses:
        "200":
          description: ok
          schema:
            type: array
            items: {$ref: "#/definitions/Book"}
  /notes:
    get:
      responses:
        "200":
          description: ok
          schema: {$ref: "#/definitions/Missing"}
definitions:
  Book:
    type: object
    properties:
      title: {type: string}
      owner: {type: string}
`
	// want is each operation's fields, sorted, and its shape.
	want := map[string]string{
		"GET /books": "books,owner,title shaped",
		"GET /notes": " unshaped",
		"GET /plain": " unshaped",
		"GET /tree":  "children,name shaped",
	}
	want2 := map[string]string{
		"GET /books": "owner,title shaped",
		"GET /notes": " unshaped",
	}
	// A value of the wrong type sends the document to the fallback reader.
	refused := strings.Replace(oas3, "  /plain:\n    get:\n", "  /plain:\n    get:\n      deprecated: maybe\n", 1)
	// The 2.0 document names a schema it lacks, which is a problem too.
	partial := map[string]bool{"fallback": true, "2.0": true}
	for _, tc := range []struct {
		name, content string
		want          map[string]string
	}{{"3.0", oas3, want}, {"2.0", swagger, want2}, {"fallback", refused, want}} {
		t.Run(tc.name, func(t *testing.T) {
			doc, _ := Load(context.Background(), "api.yaml", MapReader(map[string]string{"api.yaml": tc.content}), Options{})
			if doc == nil {
				t.Fatal("no document")
			}
			if doc.Partial != partial[tc.name] {
				t.Fatalf("partial = %v, want %v", doc.Partial, partial[tc.name])
			}
			seen := 0
			for _, op := range doc.Operations {
				w, ok := tc.want[op.Key()]
				if !ok {
					continue
				}
				seen++
				r := op.Responses[0]
				fields := slices.Sorted(slices.Values(r.Fields))
				got := strings.Join(fields, ",") + map[bool]string{true: " shaped", false: " unshaped"}[r.Shaped]
				if got != w {
					t.Errorf("%s: got %q, want %q", op.Key(), got, w)
				}
			}
			if seen != len(tc.want) {
				t.Errorf("read %d of the %d operations", seen, len(tc.want))
			}
		})
	}
}
