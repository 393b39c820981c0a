package portaltest

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
)

// Generated returns an OpenAPI 3 spec of n operations and a hardened
// handler serving them, for benchmarks: list, get, create, update and
// delete on n/5 resources (rounded up; the last may have fewer), all with
// bearer auth, every path parameter with an example naming tenant acme's
// object. Both are the same for the same n. The handler is an *API: its
// Tokens are the Identities' tokens, and each resource holds one object of
// acme (r000_a1) and one of globex (r000_b1).
func Generated(n int) (spec []byte, h http.Handler) {
	spec, api := generated(n)
	return spec, api
}

// genOp is one generated operation kind.
type genOp struct {
	method, verb string
	item         bool
}

// genOps are the operation kinds of one resource, in order.
func genOps() [5]genOp {
	return [5]genOp{
		{"GET", "list", false},
		{"GET", "get", true},
		{"POST", "create", false},
		{"PUT", "update", true},
		{"DELETE", "delete", true},
	}
}

// genResource names the i-th generated resource.
func genResource(i int) string { return fmt.Sprintf("r%03d", i) }

// generated builds the spec and the API for n operations.
func generated(n int) ([]byte, *API) {
	n = max(n, 0)
	resources := (n + 4) / 5
	data := &store{kinds: map[string]*collection{}}
	for i := range resources {
		name := genResource(i)
		data.kinds[name] = &collection{prefix: name, writable: []string{"name"}, items: []record{
			{"id": name + "_a1", "tenant": "acme", "company": "Acme Corp", "name": "Acme " + name},
			{"id": name + "_b1", "tenant": "globex", "company": "Globex Corporation", "name": "Globex " + name},
		}}
	}
	a := newAPI(Hardened, data)
	var routes []route
	for k := range n {
		name, op := genResource(k/5), genOps()[k%5]
		routes = append(routes, a.genRoute(name, op))
	}
	a.mount(routes)
	return genSpec(n), a
}

// genRoute is the hardened route of one generated operation.
func (a *API) genRoute(name string, op genOp) route {
	collPath, param := "/api/"+name, name+"Id"
	itemPath := collPath + "/{" + param + "}"
	switch op.verb {
	case "list":
		return route{"GET " + collPath, guard{}, a.list(name, ownTenant, nil)}
	case "get":
		return route{"GET " + itemPath, guard{}, a.get(name, param, ownTenant)}
	case "create":
		return route{"POST " + collPath, guard{}, a.create(name)}
	case "update":
		return route{"PUT " + itemPath, guard{}, a.update(name, param, ownTenant)}
	}
	return route{"DELETE " + itemPath, guard{}, a.remove(name, param, ownTenant)}
}

// genSpecHead is the fixed part of the generated spec.
const genSpecHead = `openapi: 3.0.3
info:
  title: Generated portal API
  version: "1.0"
security:
  - bearerAuth: []
components:
  securitySchemes:
    bearerAuth: {type: http, scheme: bearer, bearerFormat: JWT}
  schemas:
    Item:
      type: object
      properties:
        id: {type: string, readOnly: true}
        tenant: {type: string, readOnly: true}
        company: {type: string, readOnly: true}
        name: {type: string}
    ItemList:
      type: object
      properties:
        items: {type: array, items: {$ref: "#/components/schemas/Item"}}
        total: {type: integer}
  responses:
    Unauthorized: {description: missing or invalid token}
    NotFound: {description: no such object in the caller's tenant}
paths:
`

// genSpec writes the spec of n generated operations.
func genSpec(n int) []byte {
	var b bytes.Buffer
	b.WriteString(genSpecHead)
	if n <= 0 {
		b.WriteString("  {}\n")
	}
	for i := 0; i*5 < n; i++ {
		name := genResource(i)
		ops := min(5, n-i*5)
		fmt.Fprintf(&b, "  /api/%s:\n", name)
		for k := range ops {
			if op := genOps()[k]; !op.item {
				writeGenOp(&b, name, op)
			}
		}
		if ops < 2 {
			continue
		}
		fmt.Fprintf(&b, "  /api/%s/{%sId}:\n    parameters:\n", name, name)
		fmt.Fprintf(&b, "      - {name: %sId, in: path, required: true, schema: {type: string}, example: %s_a1}\n", name, name)
		for k := range ops {
			if op := genOps()[k]; op.item {
				writeGenOp(&b, name, op)
			}
		}
	}
	return b.Bytes()
}

// writeGenOp writes one operation of resource name.
func writeGenOp(b *bytes.Buffer, name string, op genOp) {
	fmt.Fprintf(b, "    %s:\n      operationId: %s_%s\n      tags: [%s]\n", strings.ToLower(op.method), op.verb, name, name)
	if op.method == "POST" || op.method == "PUT" {
		b.WriteString("      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: {$ref: \"#/components/schemas/Item\"}\n")
	}
	b.WriteString("      responses:\n")
	switch op.verb {
	case "list":
		b.WriteString("        \"200\":\n          description: the caller's tenant's objects\n          content:\n            application/json:\n              schema: {$ref: \"#/components/schemas/ItemList\"}\n")
	case "create":
		b.WriteString("        \"201\":\n          description: created\n          content:\n            application/json:\n              schema: {$ref: \"#/components/schemas/Item\"}\n")
	case "delete":
		b.WriteString("        \"204\": {description: deleted}\n")
	default:
		b.WriteString("        \"200\":\n          description: the object\n          content:\n            application/json:\n              schema: {$ref: \"#/components/schemas/Item\"}\n")
	}
	b.WriteString("        \"401\": {$ref: \"#/components/responses/Unauthorized\"}\n")
	if op.item {
		b.WriteString("        \"404\": {$ref: \"#/components/responses/NotFound\"}\n")
	}
}

// GeneratedConfig returns the .launchgate.yml a probe of Generated(n)
// runs with: alice and bob (tokens from ALICE_TOKEN and BOB_TOKEN, as Env
// sets them) and each tenant's object of every resource.
func GeneratedConfig(n int) []byte {
	var b bytes.Buffer
	b.WriteString("version: 1\nprobe:\n  identities:\n")
	b.WriteString("    - {name: alice, tenant: acme, headers: {Authorization: \"Bearer ${ALICE_TOKEN}\"}}\n")
	b.WriteString("    - {name: bob, tenant: globex, headers: {Authorization: \"Bearer ${BOB_TOKEN}\"}}\n")
	if n < 2 {
		return b.Bytes()
	}
	b.WriteString("  objects:\n")
	for _, t := range []struct{ tenant, suffix string }{{"acme", "a1"}, {"globex", "b1"}} {
		fmt.Fprintf(&b, "    %s:\n", t.tenant)
		for i := 0; i*5+1 < n; i++ {
			fmt.Fprintf(&b, "      %sId: %s_%s\n", genResource(i), genResource(i), t.suffix)
		}
	}
	return b.Bytes()
}
