package spec

import (
	"context"
	"strings"
	"testing"
)

// TestParameterValues states the example and default read for each
// parameter: the parameter's example before its examples (the first
// written, through a $ref) before its schema's example; the schema's
// default (2.0: the parameter's default, x-example); objects, lists and
// nulls are not scalars and give nothing. The strict loader and the
// fallback reader must agree.
func TestParameterValues(t *testing.T) {
	const oas3 = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /invoices/{invoiceId}:
    parameters:
      - {name: invoiceId, in: path, required: true, example: inv_123, schema: {type: string, example: inv_schema}}
    get:
      parameters:
        - name: page
          in: query
          schema: {type: integer, default: 1}
        - name: tenant
          in: header
          examples:
            zed: {value: acme}
            alpha: {value: globex}
          schema: {type: string, example: other}
        - name: filter
          in: query
          example: {status: paid}
          schema: {$ref: "#/components/schemas/Filter"}
        - name: sort
          in: query
          examples:
            first: {$ref: "#/components/examples/Sort"}
        - name: flag
          in: query
          example: null
          schema: {type: boolean, default: false}
        - name: tags
          in: query
          schema: {type: array, default: [a, b], example: [c]}
      responses: {"200": {description: ok}}
components:
  schemas:
    Filter: {type: string, example: "status:open", default: all}
  examples:
    Sort: {value: -created}
`
	const swagger = `swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /invoices/{invoiceId}:
    parameters:
      - {name: invoiceId, in: path, required: true, type: string, x-example: inv_123}
    get:
      parameters:
        - {name: page, in: query, type: integer, default: 1}
        - {name: tenant, in: header, type: string, x-example: acme}
        - {name: filter, in: query, type: string, default: all, x-example: "status:open"}
        - {name: sort, in: query, type: string, x-example: -created}
        - {name: flag, in: query, type: boolean, default: false}
        - {name: tags, in: query, type: array, items: {type: string}, default: [a, b]}
      responses: {"200": {description: ok}}
`
	// name -> example|default
	want := map[string]string{
		"invoiceId": "inv_123|",
		"page":      "|1",
		"tenant":    "acme|",
		"filter":    "status:open|all",
		"sort":      "-created|",
		"flag":      "|false",
		"tags":      "|",
	}
	refused := strings.Replace(oas3, "    get:\n", "    get:\n      deprecated: maybe\n", 1)
	for _, tc := range []struct{ name, content string }{{"3.0", oas3}, {"2.0", swagger}, {"fallback", refused}} {
		t.Run(tc.name, func(t *testing.T) {
			doc, _ := Load(context.Background(), "api.yaml", MapReader(map[string]string{"api.yaml": tc.content}), Options{})
			if doc == nil || len(doc.Operations) != 1 {
				t.Fatal("want one operation")
			}
			if (tc.name == "fallback") != doc.Partial {
				t.Fatalf("partial = %v", doc.Partial)
			}
			got := map[string]string{}
			for _, p := range doc.Operations[0].Parameters {
				got[p.Name] = p.Example + "|" + p.Default
			}
			for name, w := range want {
				if got[name] != w {
					t.Errorf("%s: example|default %q, want %q", name, got[name], w)
				}
			}
		})
	}
}
