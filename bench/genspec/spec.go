package main

import (
	"bufio"
	"fmt"
)

// specHead is the fixed start of the document.
const specHead = `openapi: 3.0.3
info:
  title: Generated client portal API
  version: "1.0"
  description: A generated document for the scaling benchmark.
servers:
  - url: https://api.example.com/v1
security:
  - bearerAuth: []
`

// sharedComponents are the components every operation may refer to.
const sharedComponents = `components:
  securitySchemes:
    bearerAuth: {type: http, scheme: bearer, bearerFormat: JWT}
  parameters:
    limit: {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100, default: 20}}
    cursor: {name: cursor, in: query, schema: {type: string}}
    tenantId: {name: tenantId, in: path, required: true, schema: {type: string, format: uuid}}
  responses:
    Unauthorized:
      description: missing or invalid token
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
    NotFound:
      description: no such object in the caller's tenant
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
    ValidationError:
      description: the request body is not valid
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
  schemas:
    Error:
      type: object
      required: [code, message]
      properties:
        code: {type: string}
        message: {type: string}
    Page:
      type: object
      properties:
        next_cursor: {type: string, nullable: true}
        total: {type: integer}
`

// opKind is one of the five operations of a resource.
type opKind struct {
	method, verb string
	item         bool
}

// opKinds are a resource's operations, in the order they are counted.
func opKinds() [5]opKind {
	return [5]opKind{
		{"get", "list", false},
		{"post", "create", false},
		{"get", "get", true},
		{"put", "update", true},
		{"delete", "delete", true},
	}
}

// resource is one generated resource.
type resource struct {
	i              int
	name, typeName string
	tenant         bool // nested under /tenants/{tenantId}
	publicRead     bool // its list and get need no token
}

func newResource(i int) resource {
	return resource{
		i:          i,
		name:       fmt.Sprintf("res%05d", i),
		typeName:   fmt.Sprintf("Res%05d", i),
		tenant:     i%3 == 0,
		publicRead: i%10 == 9,
	}
}

// collection is the resource's collection path.
func (r resource) collection() string {
	if r.tenant {
		return "/tenants/{tenantId}/" + r.name
	}
	return "/" + r.name
}

// writeSpec writes the document of n operations.
func writeSpec(w *bufio.Writer, n int) {
	w.WriteString(specHead)
	w.WriteString("paths:\n")
	resources := (n + 4) / 5
	for i := range resources {
		r := newResource(i)
		ops := min(5, n-i*5)
		writePathItem(w, r, ops, false)
		if ops > 2 {
			writePathItem(w, r, ops, true)
		}
	}
	w.WriteString(sharedComponents)
	for i := range resources {
		writeSchemas(w, newResource(i))
	}
}

// writePathItem writes the collection (item false) or item path of r with
// the first ops of its operations that belong there.
func writePathItem(w *bufio.Writer, r resource, ops int, item bool) {
	path := r.collection()
	if item {
		path += "/{" + r.name + "Id}"
	}
	fmt.Fprintf(w, "  %s:\n", path)
	if r.tenant || item {
		w.WriteString("    parameters:\n")
		if r.tenant {
			w.WriteString("      - $ref: \"#/components/parameters/tenantId\"\n")
		}
		if item {
			fmt.Fprintf(w, "      - {name: %sId, in: path, required: true, schema: {type: string}}\n", r.name)
		}
	}
	for k := range ops {
		if op := opKinds()[k]; op.item == item {
			writeOp(w, r, op)
		}
	}
}

// writeOp writes one operation of r.
func writeOp(w *bufio.Writer, r resource, op opKind) {
	fmt.Fprintf(w, "    %s:\n      operationId: %s_%s\n      summary: %s one %s\n      tags: [%s]\n",
		op.method, op.verb, r.name, op.verb, r.name, r.name)
	if r.publicRead && op.method == "get" {
		w.WriteString("      security: []\n")
	}
	if op.verb == "list" {
		w.WriteString("      parameters:\n        - $ref: \"#/components/parameters/limit\"\n        - $ref: \"#/components/parameters/cursor\"\n")
	}
	if op.method == "post" || op.method == "put" {
		fmt.Fprintf(w, "      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: {$ref: \"#/components/schemas/%sInput\"}\n", r.typeName)
	}
	w.WriteString("      responses:\n")
	switch op.verb {
	case "list":
		fmt.Fprintf(w, "        \"200\":\n          description: a page of %s\n          content:\n            application/json:\n              schema: {$ref: \"#/components/schemas/%sList\"}\n", r.name, r.typeName)
	case "create":
		fmt.Fprintf(w, "        \"201\":\n          description: created\n          content:\n            application/json:\n              schema: {$ref: \"#/components/schemas/%s\"}\n", r.typeName)
	case "delete":
		w.WriteString("        \"204\": {description: deleted}\n")
	default:
		fmt.Fprintf(w, "        \"200\":\n          description: the object\n          content:\n            application/json:\n              schema: {$ref: \"#/components/schemas/%s\"}\n", r.typeName)
	}
	if op.method == "post" || op.method == "put" {
		w.WriteString("        \"422\": {$ref: \"#/components/responses/ValidationError\"}\n")
	}
	w.WriteString("        \"401\": {$ref: \"#/components/responses/Unauthorized\"}\n")
	if op.item {
		w.WriteString("        \"404\": {$ref: \"#/components/responses/NotFound\"}\n")
	}
}

// writeSchemas writes r's three schemas: the object, its input and a page.
func writeSchemas(w *bufio.Writer, r resource) {
	fmt.Fprintf(w, `    %[1]s:
      type: object
      required: [id, name]
      properties:
        id: {type: string, readOnly: true}
        tenant_id: {type: string, format: uuid, readOnly: true}
        name: {type: string, maxLength: 200}
        status: {type: string, enum: [active, archived]}
        owner_email: {type: string, format: email}
        created_at: {type: string, format: date-time, readOnly: true}
        amount: {type: number, minimum: 0}
    %[1]sInput:
      type: object
      required: [name]
      properties:
        name: {type: string, maxLength: 200}
        status: {type: string, enum: [active, archived]}
        amount: {type: number, minimum: 0}
    %[1]sList:
      allOf:
        - $ref: "#/components/schemas/Page"
        - type: object
          properties:
            items: {type: array, items: {$ref: "#/components/schemas/%[1]s"}}
`, r.typeName)
}
