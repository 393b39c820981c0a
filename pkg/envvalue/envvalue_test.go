package envvalue

import "testing"

func TestSecretName(t *testing.T) {
	tests := []struct {
		key  string
		want bool
	}{
		{"SESSION_SECRET", true},
		{"JWT_SECRET", true},
		{"DB_PASSWORD", true},
		{"MYSQL_PWD", true},
		{"DB_PASS", true},
		{"GITHUB_TOKEN", true},
		{"STRIPE_API_KEY", true},
		{"AWS_SECRET_ACCESS_KEY", true},
		{"JWT_PRIVATE_KEY", true},
		{"JWT_KEY", true},
		{"JWT_KEY_ID", false},
		{"GOOGLE_APPLICATION_CREDENTIALS_JSON", true},
		{"APP_KEY", true},
		{"SECRET_KEY_BASE", true},
		{"supabase-service-role", true},
		{"NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", false},
		{"JWT_PUBLIC_KEY", false},
		{"SUPABASE_ANON_KEY", false},
		{"RECAPTCHA_SITE_KEY", false},
		{"JWT_SECRET_FILE", false},
		{"TOKEN_TTL", false},
		{"API_KEY_RATE_LIMIT", false},
		{"PASSWORD_RESET_DISABLED", false},
		{"NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP", false},
		{"MYSQL_ALLOW_EMPTY_PASSWORD", false},
		{"MYSQL_RANDOM_ROOT_PASSWORD", false},
		{"MYSQL_ROOT_PASSWORD", true},
		{"API_KEY_PASSWORD_USER", true},
		{"SESSION_COOKIE_NAME", false},
		{"OAUTH_CLIENT_ID", false},
		{"PASSPORT_STRATEGY", false},
		{"DATABASE_URL", false},
		{"PORT", false},
		{"NODE_ENV", false},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			if got := SecretName(tc.key); got != tc.want {
				t.Errorf("SecretName(%q) = %v, want %v", tc.key, got, tc.want)
			}
		})
	}
}

func TestReference(t *testing.T) {
	tests := []struct {
		name, value string
		want        bool
	}{
		{"empty", "", true},
		{"blank", "  ", true},
		{"dollar", "$SESSION_SECRET", true},
		{"braces", "${SESSION_SECRET}", true},
		{"braces with default", "${PORT:-3000}", true},
		{"actions secret", "${{ secrets.SESSION_SECRET }}", true},
		{"kubernetes dependent var", "$(DB_PASSWORD)", true},
		{"windows", "%API_KEY%", true},
		{"helm", "{{ .Values.secret }}", true},
		{"references joined", "${DB_HOST}:${DB_PORT}", true},
		{"vault", "vault:secret/data/app#key", true},
		{"aws secrets manager", "arn:aws:secretsmanager:eu-west-1:123:secret:app", true},
		{"1password", "op://prod/app/secret", true},
		{"sops", "ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:k=,type:str]", true},
		{"dotenvx", "encrypted:BDqDBibm4wsYqMpCjTQ6BsDHmMadg9K3dAt+Z9HPMfLEIRVz50hmLXPXRuDBXaJi", true},
		{"literal", "s3cr3t-value", false},
		{"reference inside a literal", "postgres://app:${DB_PASSWORD}@db.example.org/app", false},
		{"dollar in a password", "pa$$word", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Reference(tc.value); got != tc.want {
				t.Errorf("Reference(%q) = %v, want %v", tc.value, got, tc.want)
			}
		})
	}
}

func TestPlaceholder(t *testing.T) {
	tests := []struct {
		name, value string
		want        bool
	}{
		{"changeme", "changeme", true},
		{"change-me in a phrase", "please-change-me", true},
		{"secret", "secret", true},
		{"secret-key", "secret-key", true},
		{"a key with the words in it", "secret-key-8f3a91c2d7", false},
		{"password upper", "PASSWORD", true},
		{"xxx", "sk_live_xxxxxxxx", true},
		{"angle brackets", "<your session secret>", true},
		{"todo", "TODO", true},
		{"django startproject key", "django-insecure-7d#k2v!x9q@m3p$z8w", true},
		{"your-", "your-api-key", true},
		{"example", "example-token", true},
		{"repeated", "00000000", true},
		{"stars", "********", true},
		{"empty is not", "", false},
		{"reference is not", "${SESSION_SECRET}", false},
		{"random", "kR8vQ2nX5pL9tZ3wY7mB1cF6hJ4dS0gA", false},
		{"word inside a real value", "prod-db-7f3a", false},
		{"list is not a bracket placeholder", "[a,b]", false},
		{"your without a dash", "yourapikeyhere", true},
		{"mock", "MOCK_GITHUB_CLIENT_SECRET", true},
		{"hex word", "CAFEBABE", true},
		{"blah", "re_blAh_blaHBlaHblahBLAh", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Placeholder(tc.value); got != tc.want {
				t.Errorf("Placeholder(%q) = %v, want %v", tc.value, got, tc.want)
			}
		})
	}
}

func TestWeak(t *testing.T) {
	const long = "kR8vQ2nX5pL9tZ3wY7mB1cF6hJ4dS0gA" // 32 bytes
	tests := []struct {
		name, key, value string
		want             bool
	}{
		{"short session secret", "SESSION_SECRET", "portal-2024", true},
		{"31 bytes", "JWT_SECRET", long[:31], true},
		{"32 bytes", "JWT_SECRET", long, false},
		{"django secret key", "SECRET_KEY", "short", true},
		{"nextauth", "NEXTAUTH_SECRET", "abc", true},
		{"laravel base64 key of 16 bytes", "APP_KEY", "base64:MDEyMzQ1Njc4OWFiY2RlZg==", true},
		{"laravel base64 key of 32 bytes", "APP_KEY", "base64:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", false},
		{"common password", "DB_PASSWORD", "postgres", true},
		{"short password", "REDIS_PASSWORD", "r3d1s", true},
		{"good password", "DB_PASSWORD", "vT9#qL2m!xR7", false},
		{"reference", "SESSION_SECRET", "${SESSION_SECRET}", false},
		{"empty", "SESSION_SECRET", "", false},
		{"api key is not measured", "STRIPE_API_KEY", "sk_short", false},
		{"not a secret", "APP_NAME", "x", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Weak(tc.key, tc.value); got != tc.want {
				t.Errorf("Weak(%q, …) = %v, want %v", tc.key, got, tc.want)
			}
		})
	}
}

func TestURLs(t *testing.T) {
	tests := []struct {
		value           string
		local, insecure bool
	}{
		{"http://localhost:3000", true, false},
		{"https://localhost", true, false},
		{"postgres://app:pw@127.0.0.1:5432/app", true, false},
		{"redis://[::1]:6379", true, false},
		{"http://0.0.0.0:8080/callback", true, false},
		{"http://portal.local/auth/callback", true, false},
		{"http://api.localhost", true, false},
		{"mongodb://host.docker.internal:27017", true, false},
		{"localhost:5432", true, false},
		{"127.0.0.1", true, false},
		{"localhost", true, false},
		{"postgres://u:p@ss@localhost/db", true, false},
		{"http://api.example.org/v1", false, true},
		{"HTTP://API.EXAMPLE.ORG", false, true},
		{"http://203.0.113.10:8080", false, true},
		{"https://api.example.org", false, false},
		{"http://api:8080", false, false},
		{"http://10.0.0.5", false, false},
		{"http://billing.default.svc.cluster.local", false, false},
		{"http://metadata.internal", false, false},
		{"db.example.org:5432", false, false},
		{"jdbc:postgresql://localhost:5432/portal", true, false},
		{"jdbc:mysql://db.example.org:3306/portal", false, false},
		{"not a url", false, false},
		{"", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			if got := LocalURL(tc.value); got != tc.local {
				t.Errorf("LocalURL(%q) = %v, want %v", tc.value, got, tc.local)
			}
			if got := InsecureURL(tc.value); got != tc.insecure {
				t.Errorf("InsecureURL(%q) = %v, want %v", tc.value, got, tc.insecure)
			}
		})
	}
}

func TestDevMode(t *testing.T) {
	tests := []struct {
		key, value string
		want       bool
	}{
		{"NODE_ENV", "development", true},
		{"RAILS_ENV", "staging", true},
		{"ASPNETCORE_ENVIRONMENT", "Development", true},
		{"APP_ENV", "local", true},
		{"NODE_ENV", "production", false},
		{"APP_ENV", "Prod", false},
		{"FLASK_ENV", "", false},
		{"NODE_ENV", "${NODE_ENV}", false},
		{"DEBUG", "true", true},
		{"DEBUG", "1", true},
		{"FLASK_DEBUG", "yes", true},
		{"APP_DEBUG", "false", false},
		{"DEBUG", "express:*", false},
		{"LOG_LEVEL", "debug", false},
	}
	for _, tc := range tests {
		t.Run(tc.key+"="+tc.value, func(t *testing.T) {
			if got := DevMode(tc.key, tc.value); got != tc.want {
				t.Errorf("DevMode(%q, %q) = %v, want %v", tc.key, tc.value, got, tc.want)
			}
		})
	}
}

func TestSetting(t *testing.T) {
	tests := []struct {
		key, value string
		want       bool
	}{
		{"API_KEY_RATE_LIMIT", "60/minute", true},
		{"THROTTLE_TOKENS", "100 per hour", true},
		{"PASSWORD_RESET_DISABLED", "1", true},
		{"NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP", "true", true},
		{"MYSQL_ALLOW_EMPTY_PASSWORD", "yes", true},
		{"TOKEN_TTL", "60", true},
		{"tokentimetolive", "60", true},
		{"SESSION_LIFETIME", "120", true},
		{"JWT_EXPIRY", "15m", true},
		{"TOKEN_MAX_AGE", "1h30m", true},
		{"REFRESH_TOKEN_LIFETIME", "7d", true},
		{"SMTP_AUTH_SECRET", "off", true},
		// A number under a key that names the credential is the
		// credential: a weak one, not a setting.
		{"DB_PASSWORD", "123456", false},
		{"MYSQL_PWD", "1234", false},
		{"JWT_SECRET", "12345", false},
		{"apikey", "9876543210", false},
		{"DB_PASSWORD", "s3cr3t", false},
		{"SESSION_SECRET", "15m-of-fame-7Kq2", false},
		{"SESSION_SECRET", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.key+"="+tc.value, func(t *testing.T) {
			if got := Setting(tc.key, tc.value); got != tc.want {
				t.Errorf("Setting(%q, %q) = %v, want %v", tc.key, tc.value, got, tc.want)
			}
		})
	}
}

func TestGenerated(t *testing.T) {
	tests := []struct {
		name, value string
		want        bool
	}{
		{"laravel key", "base64:kR8vQ2nX5pL9tZ3wY7mB1cF6hJ4dS0gAkR8vQ2nX5pI=", true},
		{"hex key", "9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc", true},
		{"base62 key", "2FiJk1U2aiVPEQtzLehYGlTSnTnrs7LW", true},
		{"django style key", "60gp0byfz2dvffa45cxl20p1scy9xbpf6d8c5y0geejgkyp1b5", true},
		{"short laravel key", "base64:MDEyMzQ1Njc4OWFi", false},
		{"app name", "crater", false},
		{"phrase", "portal-jwt-signing-key-for-local-dev-only", false},
		{"phrase with a digit", "super-duper-s3cret", false},
		{"joined words", "crapisecretpassword", false},
		{"placeholder", "secret-key", false},
		{"repeated filler", "re_blAh_blaHBlaHblahBLAhBlAh", false},
		{"reference", "${APP_KEY}", false},
		{"sentence", "a value with spaces that is long", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Generated(tc.value); got != tc.want {
				t.Errorf("Generated(%q) = %v, want %v", tc.value, got, tc.want)
			}
		})
	}
}

func TestDefault(t *testing.T) {
	tests := []struct {
		value, name, literal string
		ok                   bool
	}{
		{"${SECRET_KEY:-changeme}", "SECRET_KEY", "changeme", true},
		{"${DB_PASSWORD-postgres}", "DB_PASSWORD", "postgres", true},
		{`${TOKEN:="dev-token"}`, "TOKEN", "dev-token", true},
		{" ${A:=x} ", "A", "x", true},
		{"${SECRET_KEY}", "", "", false},
		{"${SECRET_KEY:-}", "", "", false},
		{"${SECRET_KEY:-${OTHER}}", "", "", false},
		{"${SECRET_KEY:?must be set}", "", "", false},
		{"prefix-${SECRET_KEY:-x}", "", "", false},
		{"${SECRET_KEY:-x}${B}", "", "", false},
		{"changeme", "", "", false},
	}
	for _, tt := range tests {
		name, lit, ok := Default(tt.value)
		if name != tt.name || lit != tt.literal || ok != tt.ok {
			t.Errorf("Default(%q) = %q, %q, %v; want %q, %q, %v", tt.value, name, lit, ok, tt.name, tt.literal, tt.ok)
		}
	}
}

func TestSettingKey(t *testing.T) {
	tests := map[string]string{
		"database.url":               "DATABASE_URL",
		"jwt.secret":                 "JWT_SECRET",
		"auth.publicUrl":             "AUTH_PUBLIC_URL",
		"Jwt:SigningKey":             "JWT_SIGNING_KEY",
		"callback_url":               "CALLBACK_URL",
		"oauth2.clientSecret":        "OAUTH2_CLIENT_SECRET",
		"s3.accessKeyID":             "S3_ACCESS_KEY_ID",
		"SECRET_KEY":                 "SECRET_KEY",
		"spring.datasource.password": "SPRING_DATASOURCE_PASSWORD",
	}
	for in, want := range tests {
		if got := SettingKey(in); got != want {
			t.Errorf("SettingKey(%q) = %q, want %q", in, got, want)
		}
	}
}
