package openapi

import (
	"testing"

	"github.com/launchgate/launchgate/pkg/spec"
)

func TestPublicByNature(t *testing.T) {
	tests := []struct {
		name, method, path string
		params             []spec.Parameter
		description        string
		want               bool
	}{
		{"sign-in", "POST", "/auth/login", nil, "", true},
		{"sign-up", "POST", "/api/v1/signup", nil, "", true},
		{"token", "POST", "/oauth/token", nil, "", true},
		{"reset request", "POST", "/identity/api/auth/forget-password", nil, "", true},
		{"password change is not a reset request", "POST", "/account/password/change", nil, "", false},
		{"otp", "POST", "/auth/v2/check-otp", nil, "", true},
		{"oauth start", "GET", "/oauth/authorize", nil, "", true},
		{"provider callback", "GET", "/auth/{provider}/callback", nil, "", true},
		{"social sign-in", "GET", "/auth/github", nil, "", true},
		{"health", "GET", "/healthz", nil, "", true},
		{"health folder", "GET", "/api/v2/health/status", nil, "", true},
		{"version", "GET", "/api/version", nil, "", true},
		{"root", "GET", "/", nil, "", true},
		{"spec", "GET", "/openapi.json", nil, "", true},
		{"signed webhook", "POST", "/webhooks/stripe", []spec.Parameter{{Name: "Stripe-Signature", In: "header"}}, "", true},
		{"unsigned webhook", "POST", "/webhooks/stripe", nil, "", false},
		{"registration by description", "POST", "/users", nil, "Register a new user", true},
		{"users collection without a word of registration", "POST", "/users", nil, "Create a user", false},
		{"deep status is an object's", "GET", "/orders/history/status", nil, "", false},
		{"post to health is not a probe", "POST", "/health/connectivity", nil, "", false},
		{"data", "GET", "/invoices", nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op := &spec.Operation{Method: tt.method, Path: tt.path, Parameters: tt.params, Description: tt.description}
			if _, got := publicByNature(op); got != tt.want {
				t.Errorf("publicByNature(%s %s) = %v, want %v", tt.method, tt.path, got, tt.want)
			}
		})
	}
}

func TestAuthParamName(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"Authorization", "header", true},
		{"X-Api-Key", "header", true},
		{"X-API-TOKEN", "header", true},
		{"X-Auth-Token", "header", true},
		{"api_key", "query", true},
		{"session_id", "cookie", true},
		{"connect.sid", "cookie", true},
		{"csrf_token", "cookie", false},
		{"Accept", "header", false},
		{"X-Request-Id", "header", false},
		{"theme", "cookie", false},
		{"Authorization", "path", false},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.in, func(t *testing.T) {
			if got := authParamName(tt.name, tt.in); got != tt.want {
				t.Errorf("authParamName(%q, %s) = %v, want %v", tt.name, tt.in, got, tt.want)
			}
		})
	}
}

func TestRateLimitMarkers(t *testing.T) {
	tests := []struct {
		name  string
		value any
		want  bool
	}{
		{"x-ratelimit-limit", 10.0, true},
		{"x-rate-limit", map[string]any{"per-minute": 3.0}, true},
		{"x-enable-rate-limiting", true, true},
		{"x-enable-rate-limiting", false, false},
		{"x-throttling-tier", "Gold", true},
		{"x-throttling-tier", "Unlimited", false},
		{"x-quota", "100/day", true},
		{"x-codegen-request-body-name", "body", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rateLimitExtensions(map[string]any{tt.name: tt.value}); got != tt.want {
				t.Errorf("rateLimitExtensions(%s: %v) = %v, want %v", tt.name, tt.value, got, tt.want)
			}
		})
	}
}
