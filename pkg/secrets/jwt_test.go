package secrets

import "testing"

func TestJWTRole(t *testing.T) {
	g := newGen(t)
	tests := []struct {
		name, token string
		role        string
		ok          bool
	}{
		{"anon", g.jwt(map[string]any{"role": "anon"}).value, "anon", true},
		{"service role", g.jwt(map[string]any{"role": "service_role", "iss": "supabase"}).value, "service_role", true},
		{"no role", g.jwt(map[string]any{"sub": "42"}).value, "", true},
		{"role not a string", g.jwt(map[string]any{"role": 7}).value, "", true},
		{"two parts", "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9", "", false},
		{"payload not base64", "eyJhbGciOiJIUzI1NiJ9.eyJ!!!.sig", "", false},
		{"payload not json", "eyJhbGciOiJIUzI1NiJ9.eyJub3QganNvbg.sig", "", false},
		{"empty", "", "", false},
		{"dots only", "..", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			role, ok := jwtRole(tt.token)
			if role != tt.role || ok != tt.ok {
				t.Errorf("jwtRole = %q, %v; want %q, %v", role, ok, tt.role, tt.ok)
			}
		})
	}
}
