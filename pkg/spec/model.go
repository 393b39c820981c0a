// Package spec loads OpenAPI 2.0, 3.0 and 3.1 documents into one small model
// of what the route-auth checks reason about: operations, their effective
// security, the schemes it names, servers, parameters and responses, each
// with the file and line it is written at.
package spec

import "strings"

// Location is where an element is written. File is relative to the scan
// root with / separators. EndLine, when set, closes the element's block.
type Location struct {
	File    string
	Line    int
	Column  int
	EndLine int
}

// Document is one loaded OpenAPI document (with everything its $refs pull
// in from other files).
type Document struct {
	// File is the root document, relative to the scan root.
	File string
	// Version is the openapi or swagger field as written ("2.0", "3.1.0").
	Version string
	Loc     Location
	// Servers are the root servers: 3.x servers, or 2.0 schemes+host+basePath.
	Servers []Server
	// Schemes are the defined security schemes by name.
	Schemes map[string]*SecurityScheme
	// SchemesLoc is where securitySchemes / securityDefinitions is written;
	// zero when the document has no such section.
	SchemesLoc Location
	// Security is the root security; nil when the document has none.
	Security *Security
	// Operations in document order.
	Operations []*Operation
	// Extensions are the document's root x- fields (a gateway's
	// document-wide throttling tier, for one).
	Extensions map[string]any
	// Partial is set when the strict loader refused the document and the
	// model was read from the raw YAML: it holds what could be read.
	Partial bool
}

// Server is a base URL the API is served from.
type Server struct {
	URL string
	// Scheme is the 2.0 `schemes` entry of a document without a `host`:
	// the API is served over it on whatever host serves the document, and
	// URL is only the basePath. Empty otherwise.
	Scheme string
	Loc    Location
}

// SecurityScheme is a defined way to authenticate.
type SecurityScheme struct {
	Name string
	// Type is apiKey, http, oauth2, openIdConnect or mutualTLS; a 2.0
	// "basic" scheme is Type http with Scheme basic.
	Type string
	// Scheme is the HTTP scheme for Type http, lowercase (basic, bearer, digest).
	Scheme string
	// In is where an apiKey travels: header, query or cookie.
	In string
	// ParamName is the apiKey's header, query or cookie name.
	ParamName string
	Flows     []OAuthFlow
	Loc       Location
}

// OAuthFlow is one OAuth2 flow of a scheme.
type OAuthFlow struct {
	// Kind is implicit, password, clientCredentials or authorizationCode
	// (2.0's application and accessCode are mapped to the 3.x names).
	Kind             string
	AuthorizationURL string
	TokenURL         string
	Scopes           []string
	Loc              Location
}

// Security is a list of alternative requirements: any one satisfies it.
type Security struct {
	Requirements []Requirement
	Loc          Location
}

// Requirement is a set of schemes that must all be satisfied. An empty
// Requirement ({}) lets anonymous callers through.
type Requirement struct {
	Schemes []SchemeUse
	Loc     Location
}

// SchemeUse names a scheme and the scopes (or roles) a requirement asks of it.
type SchemeUse struct {
	Name   string
	Scopes []string
}

// Disabled reports whether s lets anonymous callers through: no alternative
// at all ([]) or an empty one ({}).
func (s *Security) Disabled() bool {
	if s == nil || len(s.Requirements) == 0 {
		return true
	}
	for _, r := range s.Requirements {
		if len(r.Schemes) == 0 {
			return true
		}
	}
	return false
}

// Operation is one method on one path.
type Operation struct {
	// Method is upper case: GET, POST, …
	Method string
	// Path is the path template as written, e.g. /invoices/{invoiceId}.
	Path    string
	ID      string
	Summary string
	// Description is the operation's description, as written.
	Description string
	Tags        []string
	// Security is the operation's own security; nil when it inherits the
	// root's.
	Security *Security
	// Parameters are the path item's and the operation's, resolved.
	Parameters []Parameter
	// RequestFields are the property names of the request body's schemas,
	// at its top level and one level down, readOnly ones left out, each
	// once: what a caller may send. They are read for POST, PUT and PATCH.
	RequestFields []string
	// RequiredFields are the RequestFields a schema of the body lists as
	// required.
	RequiredFields []string
	Responses      []Response
	// Extensions are the x- fields of the path item and the operation; the
	// operation's win.
	Extensions map[string]any
	// Servers are operation- or path-level servers.
	Servers []Server
	// Loc spans the operation's block.
	Loc Location
}

// Key is "METHOD /path", the operation's identity across versions.
func (o *Operation) Key() string { return o.Method + " " + o.Path }

// Effective returns the security that applies to o in doc.
func (o *Operation) Effective(doc *Document) *Security {
	if o.Security != nil {
		return o.Security
	}
	return doc.Security
}

// Mutating reports whether the method changes state.
func (o *Operation) Mutating() bool {
	switch o.Method {
	case "POST", "PUT", "PATCH", "DELETE":
		return true
	}
	return false
}

// TakesBody reports whether the method sends a body that writes state:
// POST, PUT or PATCH.
func (o *Operation) TakesBody() bool {
	switch o.Method {
	case "POST", "PUT", "PATCH":
		return true
	}
	return false
}

// Read reports whether o is a GET or a HEAD.
func (o *Operation) Read() bool { return o.Method == "GET" || o.Method == "HEAD" }

// Response reports whether o declares a response with code (exactly, or
// through a range such as 4XX).
func (o *Operation) Response(code string) bool {
	for _, r := range o.Responses {
		if r.Code == code || (len(r.Code) == 3 && strings.EqualFold(r.Code[1:], "XX") && r.Code[0] == code[0]) {
			return true
		}
	}
	return false
}

// Parameter is a parameter of an operation.
type Parameter struct {
	Name string
	// In is path, query, header, cookie (or 2.0's body and formData).
	In string
	// Required is the parameter's required field (always true in path).
	Required bool
	// Enum reports that the parameter takes one of a fixed list of values
	// (an enum in its schema, or on a 2.0 parameter itself).
	Enum bool
	// Example is the first scalar example the spec gives the parameter
	// (3.x example, the first of examples, schema.example; 2.0
	// x-example), as text; empty when it gives none.
	Example string
	// Default is the parameter's scalar default (3.x schema.default, 2.0
	// default), as text; empty when it gives none.
	Default string
	Loc     Location
}

// Response is a declared response.
type Response struct {
	// Code is the status code as written: "200", "4XX", "default".
	Code string
	// Description is the response's description, as written.
	Description string
	// Headers are the declared response header names.
	Headers []string
	// Fields are the property names of a success (2xx) response's
	// schemas, at any depth (a bounded walk), each once, as written:
	// what a read serves, so they are read for GET and HEAD only.
	Fields []string
	// Shaped reports that the response has content and every schema of
	// it declares its shape (properties, items or a scalar type), so
	// Fields are all it carries.
	Shaped     bool
	Extensions map[string]any
	Loc        Location
}
