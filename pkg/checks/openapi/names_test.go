package openapi

import (
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/spec"
)

func TestIdentifiesCollection(t *testing.T) {
	tests := []struct {
		path, name string
		want       bool
	}{
		{"/v1/tokens/{token}", "token", true},
		{"/v1/issuing/authorizations/{authorization}/approve", "authorization", true},
		{"/invites/{inviteToken}", "inviteToken", false},
		{"/password-resets/{token}", "token", false},
		{"/verify/{token}", "token", false},
		{"/files/{fileId}/{token}", "token", false},
		{"/{token}", "token", false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := identifiesCollection(tt.path, tt.name); got != tt.want {
				t.Errorf("identifiesCollection(%q, %q) = %v, want %v", tt.path, tt.name, got, tt.want)
			}
		})
	}
}

func TestCredentialParam(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"password", "query", true},
		{"Password", "query", true},
		{"passwd", "query", true},
		{"token", "query", true},
		{"access_token", "query", true},
		{"accessToken", "query", true},
		{"Access-Token", "query", true},
		{"refresh_token", "query", true},
		{"client_secret", "query", true},
		{"api_key", "query", true},
		{"apikey", "query", true},
		{"API-KEY", "query", true},
		{"session", "query", true},
		{"session_id", "query", true},
		{"sessionId", "query", true},
		{"resetToken", "query", true},
		{"invite_token", "query", true},
		{"jwt", "query", true},
		{"new_password", "query", true},
		{"token_type", "query", false},
		{"pagination_token", "query", false},
		{"page_token", "query", false},
		{"pageToken", "query", false},
		{"next_token", "query", false},
		{"continuation_token", "query", false},
		{"csrf_token", "query", false},
		{"tokenId", "query", false},
		{"key", "query", false},
		{"invoiceId", "query", false},
		{"passive", "query", false},
		{"", "query", false},
		{"session", "query", true},
		{"session_id", "query", true},
		{"session", "path", false},
		{"sessionId", "path", false},
		{"token", "path", true},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.in, func(t *testing.T) {
			if got := credentialParam(tt.name, tt.in); got != tt.want {
				t.Errorf("credentialParam(%q, %s) = %v, want %v", tt.name, tt.in, got, tt.want)
			}
		})
	}
}

func TestObjectIDParam(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"id", true},
		{"ID", true},
		{"uuid", true},
		{"invoiceId", true},
		{"invoiceID", true},
		{"invoice_id", true},
		{"invoice-id", true},
		{"fileUuid", true},
		{"file_uuid", true},
		{"paid", false},
		{"grid", false},
		{"slug", false},
		{"name", false},
		{"Id", true},
		{"_id", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := objectIDParam(tt.name); got != tt.want {
				t.Errorf("objectIDParam(%q) = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}

func TestObjectInPath(t *testing.T) {
	tests := []struct {
		name, path  string
		param, noun string
		key         bool
		ok          bool
	}{
		{"camel id", "/invoices/{invoiceId}", "invoiceId", "invoice", false, true},
		{"bare id takes segment", "/projects/{id}", "id", "project", false, true},
		{"ies plural", "/companies/{id}/logo", "id", "company", false, true},
		{"last object wins", "/orgs/{orgId}/invoices/{invoiceId}/pdf", "invoiceId", "invoice", false, true},
		{"snake id", "/files/{file_id}", "file_id", "file", false, true},
		{"no id", "/invoices", "", "", false, false},
		{"slug", "/articles/{slug}", "", "", false, false},
		{"id at root", "/{id}", "id", "object", false, true},
		{"username key", "/users/{username}", "username", "user", true, true},
		{"title key past a version", "/books/v1/{book_title}", "book_title", "book", true, true},
		{"named after its collection", "/organization/{organization}/projects/{project}", "project", "project", true, true},
		{"camel collection", "/time-entries/{timeEntry}", "timeEntry", "time entry", true, true},
		{"format is a variant", "/reports/{format}", "", "", false, false},
		{"variant after an object", "/files/{fileId}/{format}", "fileId", "file", false, true},
		{"provider is no object", "/oauth/{provider}/callback", "", "", false, false},
		{"unrelated name", "/repos/{owner}/{repo}", "", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, ok := objectInPath(tt.path, nil)
			if o.param != tt.param || o.noun != tt.noun || o.key != tt.key || ok != tt.ok {
				t.Errorf("objectInPath(%q) = %q, %q, key %v, %v; want %q, %q, key %v, %v", tt.path, o.param, o.noun, o.key, ok, tt.param, tt.noun, tt.key, tt.ok)
			}
		})
	}
}

func TestSensitiveOperation(t *testing.T) {
	tests := []struct {
		name, method, path, opID string
		want                     string
	}{
		{"login path", "POST", "/auth/login", "", "login"},
		{"sign-in path", "POST", "/sign-in", "", "login"},
		{"signin opid", "POST", "/auth", "signIn", "login"},
		{"sessions create", "POST", "/sessions", "", "login"},
		{"session delete is logout", "DELETE", "/sessions", "", ""},
		{"auth sessions", "POST", "/api/v1/auth/sessions", "", "login"},
		{"checkout sessions are business objects", "POST", "/v1/checkout/sessions", "", ""},
		{"runner registration token", "POST", "/runners/registration-token", "", ""},
		{"access token", "POST", "/oauth/access_token", "", "token"},
		{"reset token", "POST", "/password/reset-token", "", "password reset"},
		{"oauth token", "POST", "/oauth/token", "", "token"},
		{"token refresh", "POST", "/auth/token/refresh", "", "token refresh"},
		{"refresh opid", "POST", "/v1/refresh", "refreshToken", "token refresh"},
		{"refresh token segment", "POST", "/oauth/refresh_token", "", "token refresh"},
		{"login with token", "POST", "/auth/v4.0/user/login-with-token", "", "token sign-in"},
		{"check token under login", "POST", "/api/v2/login/check_token", "check_token", "token sign-in"},
		{"sign in with token opid", "POST", "/auth/signin", "signInWithToken", "token sign-in"},
		{"token login takes a password", "POST", "/auth/token/login", "authTokenLoginCreate", "login"},
		{"password token login", "POST", "/auth/login/password-token", "", "login"},
		{"forgot password", "POST", "/password/forgot", "", "password reset"},
		{"reset password", "POST", "/users/{id}/reset-password", "", "password reset"},
		{"signup", "POST", "/signup", "", "sign-up"},
		{"sign up words", "POST", "/sign-up", "", "sign-up"},
		{"register", "POST", "/users/register", "", "sign-up"},
		{"mfa verify", "POST", "/auth/mfa/verify", "", "one-time code"},
		{"otp", "POST", "/otp", "", "one-time code"},
		{"verify email code", "POST", "/verify-code", "", "one-time code"},
		{"magic link get", "GET", "/auth/magic-link/{token}", "", "magic link"},
		{"magic link opid", "POST", "/auth/links", "sendMagicLink", "magic link"},
		{"get login page", "GET", "/login", "", ""},
		{"list invoices", "POST", "/invoices", "createInvoice", ""},
		{"tokens collection of ids", "GET", "/tokens", "", ""},
		{"webhook verify", "POST", "/webhooks/{id}/verify", "", ""},
		{"api token record", "POST", "/users/{userId}/api-tokens", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, ok := sensitiveOperation(tt.method, tt.path, tt.opID)
			got := ""
			if ok {
				got = kind.name
			}
			if got != tt.want {
				t.Errorf("sensitiveOperation(%s %s, %q) = %q, want %q", tt.method, tt.path, tt.opID, got, tt.want)
			}
		})
	}
}

func TestSplitWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"resetPasswordToken", []string{"reset", "password", "token"}},
		{"APIKey", []string{"api", "key"}},
		{"sign-in", []string{"sign", "in"}},
		{"access_token", []string{"access", "token"}},
		{"2fa", []string{"2fa"}},
		{"invoiceID", []string{"invoice", "id"}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := splitWords(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("splitWords(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPlainHTTP(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"http://api.example.com", true},
		{"HTTP://api.example.com/v1", true},
		{"http://{region}.example.com", true},
		{"http://user@api.example.com:8080/x", true},
		{"https://api.example.com", false},
		{"http://localhost:8080", false},
		{"http://127.0.0.1/v1", false},
		{"http://[::1]:3000", false},
		{"http://app.localhost", false},
		{"/v1", false},
		{"{scheme}://api.example.com", false},
		{"//api.example.com", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			if got := plainHTTP(tt.url); got != tt.want {
				t.Errorf("plainHTTP(%q) = %v, want %v", tt.url, got, tt.want)
			}
		})
	}
}

func TestHealthRoute(t *testing.T) {
	tests := []struct {
		name, method, path string
		want               bool
	}{
		{"healthz", "GET", "/healthz", true},
		{"nested health", "GET", "/api/v1/health", true},
		{"readyz", "HEAD", "/readyz", true},
		{"root status", "GET", "/status", true},
		{"object status", "GET", "/orders/{id}/status", false},
		{"post health", "POST", "/health", false},
		{"param last", "GET", "/health/{check}", false},
		{"root", "GET", "/", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := healthRoute(tt.method, tt.path); got != tt.want {
				t.Errorf("healthRoute(%s %s) = %v, want %v", tt.method, tt.path, got, tt.want)
			}
		})
	}
}

func TestProblemReportKey(t *testing.T) {
	a := problemReport("api.yaml", spec.Problem{Loc: spec.Location{Line: 12}, Message: "yaml: line 12: did not find expected key"})
	b := problemReport("api.yaml", spec.Problem{Loc: spec.Location{Line: 30}, Message: "yaml: line 30: did not find expected key"})
	if a.Key != b.Key {
		t.Errorf("keys differ by line: %q, %q", a.Key, b.Key)
	}
	if a.File != "api.yaml" || a.Line != 12 || a.Rule != ruleInvalidDocument {
		t.Errorf("report = %+v", a)
	}
	if c := problemReport("api.yaml", spec.Problem{Message: "unsupported version"}); c.Key == a.Key {
		t.Errorf("different problems share key %q", c.Key)
	}
}

func TestScopeOf(t *testing.T) {
	tests := []struct {
		host string
		want hostScope
	}{
		{"api.acme-billing.io", scopePublic},
		{"api.example.com", scopePublic},
		{"staging.portal.example", scopePublic},
		{"203.0.114.7", scopePublic},
		{"{region}", scopePublic},
		{"localhost", scopeLocal},
		{"app.localhost", scopeLocal},
		{"127.0.0.1", scopeLocal},
		{"[::1]", scopeLocal},
		{"portal.test", scopeReserved},
		{"nothing.invalid", scopeReserved},
		{"0.0.0.0", scopeReserved},
		{"printer.local", scopePrivate},
		{"billing.default.svc.cluster.local", scopePrivate},
		{"host.docker.internal", scopePrivate},
		{"router.home.arpa", scopePrivate},
		{"10.1.2.3", scopePrivate},
		{"172.16.0.9", scopePrivate},
		{"192.168.0.1", scopePrivate},
		{"100.64.1.1", scopePrivate},
		{"169.254.169.254", scopePrivate},
		{"[fd00::1]", scopePrivate},
		{"api", scopePrivate},
		{"API.TEST.", scopeReserved},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			if got := scopeOf(tt.host); got != tt.want {
				t.Errorf("scopeOf(%q) = %v, want %v", tt.host, got, tt.want)
			}
		})
	}
}

func TestSensitiveField(t *testing.T) {
	for name, want := range map[string]bool{
		"email": true, "contactEmail": true, "phone_number": true, "password_hash": true,
		"api_token": true, "ipAddress": true, "client_ip": true, "ip": true, "is_admin": true,
		"billingAddress": true, "date_of_birth": true, "balance": true,
		"title": false, "book_title": false, "username": false, "bio": false, "image": false,
		"following": false, "description": false, "zipper": true, "recipe": false, "tip": false,
	} {
		if got := sensitiveField(name); got != want {
			t.Errorf("sensitiveField(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestMemberInPath(t *testing.T) {
	tests := []struct {
		name, path, param, noun string
		enum                    bool
		ok                      bool
	}{
		{"plain name after a plural", "/vehicles/{vin}/location", "vin", "vehicle", false, true},
		{"past a version", "/books/v1/{isbn}", "isbn", "book", false, true},
		{"last item wins", "/repos/{owner}/{repo}", "owner", "repo", false, true},
		{"camel plural", "/time-entries/{entry}", "entry", "time entry", false, true},
		{"singular segment", "/vehicle/{vin}", "", "", false, false},
		{"word ending in s", "/status/{component}", "", "", false, false},
		{"variant", "/exports/{format}", "", "", false, false},
		{"variant word", "/exports/{export_format}", "", "", false, false},
		{"section", "/settings/{section}", "", "", false, false},
		{"slug", "/posts/{post_slug}", "", "", false, false},
		{"enum", "/charts/{chart}", "", "", true, false},
		{"tenant", "/teams/{team}/notes", "", "", false, false},
		{"credential", "/invites/{inviteToken}", "", "", false, false},
		{"at root", "/{thing}", "", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op := &spec.Operation{Method: "GET", Path: tt.path}
			for _, s := range pathSegments(tt.path) {
				if s.param {
					op.Parameters = append(op.Parameters, spec.Parameter{Name: s.text, In: "path", Required: true, Enum: tt.enum})
				}
			}
			o, ok := memberInPath(op)
			if o.param != tt.param || o.noun != tt.noun || ok != tt.ok || (ok && !o.member) {
				t.Errorf("memberInPath(%q) = %q, %q, member %v, %v; want %q, %q, %v", tt.path, o.param, o.noun, o.member, ok, tt.param, tt.noun, tt.ok)
			}
		})
	}
}
