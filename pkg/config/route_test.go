package config

import "testing"

func TestMatchRoute(t *testing.T) {
	tests := []struct {
		name               string
		patMethod, patPath string
		method, path       string
		want               bool
	}{
		{"exact", "GET", "/health", "GET", "/health", true},
		{"method ignores case", "get", "/health", "GET", "/health", true},
		{"other method", "POST", "/health", "GET", "/health", false},
		{"any method", "*", "/health", "DELETE", "/health", true},
		{"literal case counts", "GET", "/Health", "GET", "/health", false},
		{"param matches a differently named param", "GET", "/invoices/{id}", "GET", "/invoices/{invoiceId}", true},
		{"param matches a literal segment", "GET", "/invoices/{id}", "GET", "/invoices/export", true},
		{"param is one segment", "GET", "/invoices/{id}", "GET", "/invoices/{id}/lines", false},
		{"star is one segment", "GET", "/files/*", "GET", "/files/{name}", true},
		{"star is not zero segments", "GET", "/files/*", "GET", "/files", false},
		{"double star spans segments", "GET", "/public/**", "GET", "/public/a/b/{c}", true},
		{"double star matches zero segments", "GET", "/public/**", "GET", "/public", true},
		{"double star in the middle", "GET", "/api/**/status", "GET", "/api/v1/jobs/{id}/status", true},
		{"double star in the middle, wrong tail", "GET", "/api/**/status", "GET", "/api/v1/jobs/{id}", false},
		{"trailing slash on the pattern", "GET", "/health/", "GET", "/health", true},
		{"trailing slash on the path", "GET", "/health", "GET", "/health/", true},
		{"root", "GET", "/", "GET", "/", true},
		{"root is not a sub-path", "GET", "/", "GET", "/a", false},
		{"everything", "*", "/**", "PATCH", "/", true},
		{"partial param segment is literal", "GET", "/f/{a}.json", "GET", "/f/{name}.json", false},
		{"prefix is not a match", "GET", "/health", "GET", "/healthz", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MatchRoute(tt.patMethod, tt.patPath, tt.method, tt.path); got != tt.want {
				t.Errorf("MatchRoute(%q, %q, %q, %q) = %v, want %v", tt.patMethod, tt.patPath, tt.method, tt.path, got, tt.want)
			}
		})
	}
}

func TestConfigPublicRoute(t *testing.T) {
	cfg := &Config{PublicRoutes: []PublicRoute{
		{Method: "GET", Path: "/health", Reason: "probe", Line: 3},
		{Method: "*", Path: "/public/**", Reason: "site", Line: 6},
		{Method: "GET", Path: "/public/x", Reason: "later", Line: 9},
	}}
	tests := []struct {
		name         string
		method, path string
		wantLine     int // 0: not public
	}{
		{"first route", "get", "/health", 3},
		{"first match wins", "GET", "/public/x", 6},
		{"not declared", "GET", "/invoices", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := cfg.PublicRoute(tt.method, tt.path)
			if ok != (tt.wantLine != 0) || r.Line != tt.wantLine {
				t.Errorf("PublicRoute(%s %s) = %+v, %v; want line %d", tt.method, tt.path, r, ok, tt.wantLine)
			}
		})
	}
	var none *Config
	if _, ok := none.PublicRoute("GET", "/health"); ok {
		t.Error("a nil config declared a public route")
	}
}

func TestIsAdminPath(t *testing.T) {
	custom := &Config{AdminPaths: []string{"/ops/**", "tag:BackOffice"}}
	tests := []struct {
		name string
		cfg  *Config
		path string
		tags []string
		want bool
	}{
		{"default: /admin", &Config{}, "/admin", nil, true},
		{"default: under /admin", &Config{}, "/admin/users/{id}", nil, true},
		{"default: nested admin", &Config{}, "/api/v1/admin/users", nil, true},
		{"default: admin-like word", &Config{}, "/administrators", nil, false},
		{"default: plain route", &Config{}, "/invoices", nil, false},
		{"default: admin tag", &Config{}, "/x", []string{"Admin"}, true},
		{"nil config uses defaults", nil, "/admin", nil, true},
		{"custom pattern", custom, "/ops/flags", nil, true},
		{"custom replaces the defaults", custom, "/admin", nil, false},
		{"custom tag ignores case", custom, "/x", []string{"backoffice"}, true},
		{"custom tag absent", custom, "/x", []string{"billing"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cfg.IsAdminPath(tt.path, tt.tags); got != tt.want {
				t.Errorf("IsAdminPath(%q, %v) = %v, want %v", tt.path, tt.tags, got, tt.want)
			}
		})
	}
}

func TestIsTenantParam(t *testing.T) {
	cfg := &Config{TenantParams: []string{"shopRef"}}
	tests := []struct {
		name string
		cfg  *Config
		in   string
		want bool
	}{
		{"default", &Config{}, "tenantId", true},
		{"default ignores case", &Config{}, "ORG_ID", true},
		{"clientId is not a tenant", &Config{}, "clientId", false},
		{"unrelated", &Config{}, "invoiceId", false},
		{"configured adds", cfg, "ShopRef", true},
		{"configured keeps defaults", cfg, "workspace_id", true},
		{"nil config uses defaults", nil, "teamId", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cfg.IsTenantParam(tt.in); got != tt.want {
				t.Errorf("IsTenantParam(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
