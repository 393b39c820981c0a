package testkit

// PortalSpec is a small OpenAPI document for tests that build a pull
// request on top of it: POST /legacy (line 10) has no security, an old
// finding the change did not cause; GET /invoices (line 15) requires a
// bearer token.
const PortalSpec = `openapi: 3.0.3
info: {title: portal, version: "1"}
servers:
  - url: https://api.example.com
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
paths:
  /legacy:
    post:
      responses:
        "201": {description: created}
  /invoices:
    get:
      security:
        - bearer: []
      responses:
        "200": {description: ok}
        "401": {description: no token}
`
