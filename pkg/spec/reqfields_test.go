package spec

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestRequestFields states the fields read from request bodies: the
// body's own properties and those one level down, through $refs, items
// and compositions, readOnly ones left out, for POST, PUT and PATCH only;
// a $ref cycle ends the walk. Swagger 2.0 body parameters and a document
// the strict loader refuses are read by the fallback reader, which must
// agree.
func TestRequestFields(t *testing.T) {
	const oas3 = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /projects:
    post:
      requestBody: {$ref: "#/components/requestBodies/Project"}
      responses: {"201": {description: ok}}
    get:
      responses: {"200": {description: ok}}
  /projects/{id}:
    patch:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      requestBody:
        content:
          application/json:
            schema:
              type: array
              items: {$ref: "#/components/schemas/Node"}
      responses: {"200": {description: ok}}
    delete:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Project"}
      responses: {"204": {description: ok}}
components:
  requestBodies:
    Project:
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Project"}
  schemas:
    Project:
      allOf:
        - $ref: "#/components/schemas/Owned"
        - type: object
          properties:
            name: {type: string}
            id: {type: string, readOnly: true}
            settings:
              type: object
              required: [team_id]
              properties:
                team_id: {type: string}
                audit:
                  type: object
                  properties:
                    user_id: {type: string}
    Owned:
      type: object
      required: [owner_id]
      properties:
        owner_id: {type: string}
    Node:
      type: object
      properties:
        label: {type: string}
        parent: {$ref: "#/components/schemas/Node"}
`
	const swagger = `swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /projects:
    post:
      parameters:
        - {name: body, in: body, schema: {$ref: "#/definitions/Project"}}
      responses: {"201": {description: ok}}
  /projects/{id}:
    parameters:
      - {name: id, in: path, required: true, type: string}
    put:
      parameters:
        - name: body
          in: body
          schema:
            type: object
            properties:
              project: {$ref: "#/definitions/Project"}
      responses: {"200": {description: ok}}
definitions:
  Project:
    type: object
    required: [name]
    properties:
      owner_id: {type: string}
      name: {type: string}
      id: {type: string, readOnly: true}
      settings:
        type: object
        properties:
          team_id: {type: string}
`
	// Fields, then after "|" the ones a schema requires.
	want := map[string]string{
		"POST /projects":        "audit,name,owner_id,settings,team_id|owner_id,team_id",
		"GET /projects":         "|",
		"PATCH /projects/{id}":  "label,parent|",
		"DELETE /projects/{id}": "|",
	}
	want2 := map[string]string{
		"POST /projects":     "name,owner_id,settings,team_id|name",
		"PUT /projects/{id}": "name,owner_id,project,settings|name",
	}
	// A value of the wrong type sends the document to the fallback reader.
	refused := strings.Replace(oas3, "    get:\n", "    get:\n      deprecated: maybe\n", 1)
	for _, tc := range []struct {
		name, content string
		want          map[string]string
	}{{"3.0", oas3, want}, {"2.0", swagger, want2}, {"fallback", refused, want}} {
		t.Run(tc.name, func(t *testing.T) {
			doc, _ := Load(context.Background(), "api.yaml", MapReader(map[string]string{"api.yaml": tc.content}), Options{})
			if doc == nil {
				t.Fatal("no document")
			}
			if tc.name == "fallback" && !doc.Partial {
				t.Fatal("the refused document was read by the strict loader")
			}
			seen := 0
			for _, op := range doc.Operations {
				w, ok := tc.want[op.Key()]
				if !ok {
					continue
				}
				seen++
				got := strings.Join(slices.Sorted(slices.Values(op.RequestFields)), ",") + "|" +
					strings.Join(slices.Sorted(slices.Values(op.RequiredFields)), ",")
				if got != w {
					t.Errorf("%s: request fields %q, want %q", op.Key(), got, w)
				}
			}
			if seen != len(tc.want) {
				t.Errorf("read %d of the %d operations", seen, len(tc.want))
			}
		})
	}
}
