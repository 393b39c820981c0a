package spec

import (
	"context"
	"path/filepath"
	"testing"
)

// TestLoadVersions loads the same small portal API written as Swagger 2.0
// (YAML and JSON), OpenAPI 3.0 (YAML and JSON) and 3.1, and states the whole
// model read from each, with every line number.
func TestLoadVersions(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{
			name: "v20.yaml",
			file: "valid/v20.yaml",
			want: `version 2.0 partial=false
server http://api.example.com/v1 @valid/v20.yaml:7
server https://api.example.com/v1 @valid/v20.yaml:7
security @valid/v20.yaml:8-9 {basicAuth}@valid/v20.yaml:9
schemes @valid/v20.yaml:10-28
scheme apiKey apiKey/ in=query name=api_key @valid/v20.yaml:13-16
scheme basicAuth http/basic in= name= @valid/v20.yaml:11-12
scheme oauth oauth2/ in= name= @valid/v20.yaml:17-22
  flow clientCredentials auth= token=https://auth.example.com/token scopes=[invoices:write] @valid/v20.yaml:19
scheme web oauth2/ in= name= @valid/v20.yaml:23-28
  flow authorizationCode auth=https://auth.example.com/authorize token=https://auth.example.com/token scopes=[] @valid/v20.yaml:25
op GET /health id=health tags=[] @valid/v20.yaml:64-69
  security @valid/v20.yaml:66
  response 200 headers=[] @valid/v20.yaml:68-69
op GET /invoices/{invoiceId} id=getInvoice tags=[invoices] @valid/v20.yaml:41-49
  security inherit
  param path invoiceId @valid/v20.yaml:37-40
  response 200 headers=[X-RateLimit-Remaining] @valid/v20.yaml:45-49
op PUT /invoices/{invoiceId} id=updateInvoice tags=[] @valid/v20.yaml:50-62
  security @valid/v20.yaml:52-53 {oauth(invoices:write)}@valid/v20.yaml:53
  param path invoiceId @valid/v20.yaml:37-40
  param header X-Tenant @valid/v20.yaml:30-33
  param body body @valid/v20.yaml:56-59
  response 200 headers=[] @valid/v20.yaml:61-62
`,
		},
		{
			name: "v20.json",
			file: "valid/v20.json",
			want: `version 2.0 partial=false
server http://api.example.com/v1 @valid/v20.json:10
server https://api.example.com/v1 @valid/v20.json:11
security @valid/v20.json:13-15 {basicAuth}@valid/v20.json:15
schemes @valid/v20.json:18-40
scheme apiKey apiKey/ in=query name=api_key @valid/v20.json:22-25
scheme basicAuth http/basic in= name= @valid/v20.json:19-20
scheme oauth oauth2/ in= name= @valid/v20.json:27-32
  flow clientCredentials auth= token=https://auth.example.com/token scopes=[invoices:write] @valid/v20.json:29
scheme web oauth2/ in= name= @valid/v20.json:35-40
  flow authorizationCode auth=https://auth.example.com/authorize token=https://auth.example.com/token scopes=[] @valid/v20.json:37
op GET /health id=health tags=[] @valid/v20.json:105-110
  security @valid/v20.json:107
  response 200 headers=[] @valid/v20.json:109-110
op GET /invoices/{invoiceId} id=getInvoice tags=[invoices] @valid/v20.json:60-70
  security inherit
  param path invoiceId @valid/v20.json:54-57
  response 200 headers=[X-RateLimit-Remaining] @valid/v20.json:66-70
op PUT /invoices/{invoiceId} id=updateInvoice tags=[] @valid/v20.json:76-99
  security @valid/v20.json:78-81 {oauth(invoices:write)}@valid/v20.json:80-81
  param path invoiceId @valid/v20.json:54-57
  param header X-Tenant @valid/v20.json:44-47
  param body body @valid/v20.json:90-93
  response 200 headers=[] @valid/v20.json:98-99
`,
		},
		{
			name: "v30.yaml",
			file: "valid/v30.yaml",
			want: `version 3.0.3 partial=false
server https://api.example.com/v1 @valid/v30.yaml:6
security @valid/v30.yaml:7 {bearerAuth}@valid/v30.yaml:7
schemes @valid/v30.yaml:58
scheme apiKey apiKey/ in=header name=X-API-Key @valid/v30.yaml:62-65
scheme bearerAuth http/bearer in= name= @valid/v30.yaml:59-61
scheme oauth oauth2/ in= name= @valid/v30.yaml:66-73
  flow clientCredentials auth= token=https://auth.example.com/token scopes=[invoices:read invoices:write] @valid/v30.yaml:69-73
op GET /health id=health tags=[] @valid/v30.yaml:45-50
  security @valid/v30.yaml:47
  response 200 headers=[] @valid/v30.yaml:49-50
op GET /invoices/{invoiceId} id=getInvoice tags=[invoices] @valid/v30.yaml:18-30
  security inherit
  param path invoiceId @valid/v30.yaml:13-17
  response 200 headers=[X-RateLimit-Remaining] @valid/v30.yaml:23-28
  response 404 headers=[] @valid/v30.yaml:29-30
  ext x-owner=billing
  ext x-tenant-param=X-Tenant
op DELETE /invoices/{invoiceId} id=deleteInvoice tags=[] @valid/v30.yaml:31-43
  security @valid/v30.yaml:35 {oauth(invoices:write)}@valid/v30.yaml:35 {apiKey+bearerAuth}@valid/v30.yaml:35
  param path invoiceId @valid/v30.yaml:13-17
  param header X-Tenant @valid/v30.yaml:53-57
  response 204 headers=[] @valid/v30.yaml:42-43
  server https://admin.example.com @valid/v30.yaml:34
  ext x-owner=billing
`,
		},
		{
			name: "v30.json",
			file: "valid/v30.json",
			want: `version 3.0.3 partial=false
server https://api.example.com/v1 @valid/v30.json:9
security @valid/v30.json:12 {bearerAuth}@valid/v30.json:12
schemes @valid/v30.json:104
scheme apiKey apiKey/ in=header name=X-API-Key @valid/v30.json:109-112
scheme bearerAuth http/bearer in= name= @valid/v30.json:105-107
scheme oauth oauth2/ in= name= @valid/v30.json:114-123
  flow clientCredentials auth= token=https://auth.example.com/token scopes=[invoices:read invoices:write] @valid/v30.json:117-121
op GET /health id=health tags=[] @valid/v30.json:83-89
  security @valid/v30.json:85
  response 200 headers=[] @valid/v30.json:87-88
op GET /invoices/{invoiceId} id=getInvoice tags=[invoices] @valid/v30.json:30-49
  security inherit
  param path invoiceId @valid/v30.json:22-27
  response 200 headers=[X-RateLimit-Remaining] @valid/v30.json:37-44
  response 404 headers=[] @valid/v30.json:47-48
  ext x-owner=billing
  ext x-tenant-param=X-Tenant
op DELETE /invoices/{invoiceId} id=deleteInvoice tags=[] @valid/v30.json:52-78
  security @valid/v30.json:59 {oauth(invoices:write)}@valid/v30.json:59 {apiKey+bearerAuth}@valid/v30.json:59
  param path invoiceId @valid/v30.json:22-27
  param header X-Tenant @valid/v30.json:96-100
  response 204 headers=[] @valid/v30.json:76-77
  server https://admin.example.com @valid/v30.json:56
  ext x-owner=billing
`,
		},
		{
			name: "v31.yaml",
			file: "valid/v31.yaml",
			want: `version 3.1.0 partial=false
server https://api.example.com/v1 @valid/v31.yaml:6
security @valid/v31.yaml:7 {bearerAuth}@valid/v31.yaml:7
schemes @valid/v31.yaml:58
scheme apiKey apiKey/ in=header name=X-API-Key @valid/v31.yaml:62-65
scheme bearerAuth http/bearer in= name= @valid/v31.yaml:59-61
scheme mtls mutualTLS/ in= name= @valid/v31.yaml:66-67
scheme oauth oauth2/ in= name= @valid/v31.yaml:68-75
  flow clientCredentials auth= token=https://auth.example.com/token scopes=[invoices:read invoices:write] @valid/v31.yaml:71-75
op GET /health id=health tags=[] @valid/v31.yaml:45-50
  security @valid/v31.yaml:47
  response 200 headers=[] @valid/v31.yaml:49-50
op GET /invoices/{invoiceId} id=getInvoice tags=[invoices] @valid/v31.yaml:18-30
  security inherit
  param path invoiceId @valid/v31.yaml:13-17
  response 200 headers=[X-RateLimit-Remaining] @valid/v31.yaml:23-28
  response 404 headers=[] @valid/v31.yaml:29-30
  ext x-owner=billing
  ext x-tenant-param=X-Tenant
op DELETE /invoices/{invoiceId} id=deleteInvoice tags=[] @valid/v31.yaml:31-43
  security @valid/v31.yaml:35 {oauth(invoices:write)}@valid/v31.yaml:35 {apiKey+bearerAuth}@valid/v31.yaml:35
  param path invoiceId @valid/v31.yaml:13-17
  param header X-Tenant @valid/v31.yaml:53-57
  response 204 headers=[] @valid/v31.yaml:42-43
  server https://admin.example.com @valid/v31.yaml:34
  ext x-owner=billing
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems := Load(context.Background(), tt.file, DirReader(specsDir(t)), Options{})
			if len(problems) > 0 {
				t.Fatalf("unexpected problems: %v", problems)
			}
			if got := summary(doc); got != tt.want {
				t.Errorf("model differs:\n%s\n\ngot:\n%s", diffLines(got, tt.want), got)
			}
		})
	}
}

// TestLoadMultiFile follows $refs into other files: a path item, parameters
// and security schemes are located in the file and at the line where they
// are written, for 3.0 (kin-openapi's origins) and 2.0 (the node trees).
func TestLoadMultiFile(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{
			name: "openapi.yaml",
			file: "api/openapi.yaml",
			want: `version 3.0.3 partial=false
security @api/openapi.yaml:5 {bearer}@api/openapi.yaml:5
schemes @api/openapi.yaml:21
scheme bearer http/bearer in= name= @api/schemes/bearer.yaml:1-3
scheme oauth oauth2/ in= name= @shared/schemes.yaml:1-8
  flow authorizationCode auth=https://auth.example.com/authorize token=https://auth.example.com/token scopes=[invoices:write] @shared/schemes.yaml:4-8
op GET /invoices id=listInvoices tags=[] @api/paths/invoices.yaml:2-8
  security inherit
  param header X-Tenant @shared/params.yaml:7-11
  response 200 headers=[] @api/paths/invoices.yaml:7-8
op POST /invoices id=createInvoice tags=[] @api/paths/invoices.yaml:9-15
  security @api/paths/invoices.yaml:11 {oauth(invoices:write)}@api/paths/invoices.yaml:11
  response 201 headers=[] @api/paths/invoices.yaml:14-15
op GET /projects/{projectId} id= tags=[] @api/openapi.yaml:13-16
  security inherit
  param path projectId @shared/params.yaml:1-6
  response 200 headers=[] @api/openapi.yaml:19-20
`,
		},
		{
			name: "swagger.yaml",
			file: "api/swagger.yaml",
			want: `version 2.0 partial=false
op GET /invoices id=listInvoices tags=[] @api/paths/invoices.yaml:2-8
  security inherit
  param header X-Tenant @shared/params.yaml:7-11
  response 200 headers=[] @api/paths/invoices.yaml:7-8
op POST /invoices id=createInvoice tags=[] @api/paths/invoices.yaml:9-15
  security @api/paths/invoices.yaml:11-12 {oauth(invoices:write)}@api/paths/invoices.yaml:12
  response 201 headers=[] @api/paths/invoices.yaml:14-15
op GET /projects/{projectId} id= tags=[] @api/swagger.yaml:9-14
  security inherit
  param path projectId @shared/params.yaml:1-6
  response 200 headers=[] @api/swagger.yaml:13-14
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems := Load(context.Background(), tt.file, DirReader(filepath.Join(specsDir(t), "multi")), Options{})
			if len(problems) > 0 {
				t.Fatalf("unexpected problems: %v", problems)
			}
			if got := summary(doc); got != tt.want {
				t.Errorf("model differs:\n%s\n\ngot:\n%s", diffLines(got, tt.want), got)
			}
		})
	}
}
