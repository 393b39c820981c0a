package envvalue

import "testing"

func TestStorePassword(t *testing.T) {
	tests := []struct {
		key  string
		kind string
		ok   bool
	}{
		{"POSTGRES_PASSWORD", StorePostgres, true},
		{"PGPASSWORD", StorePostgres, true},
		{"MYSQL_ROOT_PASSWORD", StoreMySQL, true},
		{"MARIADB_PASSWORD", StoreMySQL, true},
		{"MONGO_INITDB_ROOT_PASSWORD", StoreMongo, true},
		{"MONGO_DB_PASSWORD", StoreMongo, true},
		{"DB_PASSWORD", StoreAny, true},
		{"SPRING_DATASOURCE_PASSWORD", StoreAny, true},
		{"LISTMONK_db__password", StoreAny, true},
		{"RABBITMQ_DEFAULT_PASS", StoreRabbitMQ, true},
		{"REDIS_PASSWORD", StoreRedis, true},
		{"MINIO_ROOT_PASSWORD", StoreObject, true},
		{"TLS_KEYSTORE_PASSWORD", "", true},
		{"SMTP_PASS", "", true},
		{"JWT_SECRET", "", false},
		{"DB_ENCRYPTION_KEY", "", false},
		{"SESSION_PASSWORD", "", false},
		{"REDIS_URL", "", false},
		{"MYSQL_ALLOW_EMPTY_PASSWORD", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			kind, ok := StorePassword(tc.key)
			if kind != tc.kind || ok != tc.ok {
				t.Errorf("StorePassword(%q) = %q, %v, want %q, %v", tc.key, kind, ok, tc.kind, tc.ok)
			}
		})
	}
}

func TestOutbound(t *testing.T) {
	tests := []struct {
		key  string
		want bool
	}{
		{"SMTP_PASS", true},
		{"MAIL_PASSWORD", true},
		{"EMAIL_HOST_PASSWORD", true},
		{"SENDGRID_API_KEY", true},
		{"MAILGUN_SECRET", true},
		{"TWILIO_AUTH_TOKEN", true},
		{"STRIPE_SECRET_KEY", true},
		{"OPENAI_API_KEY", true},
		{"AWS_SECRET_ACCESS_KEY", true},
		{"SECRET_KEY", false},
		{"APP_KEY", false},
		{"JWT_SECRET", false},
		{"SESSION_SECRET", false},
		{"NEXTAUTH_SECRET", false},
		{"DATA_ENCRYPTION_KEY", false},
		{"STRIPE_WEBHOOK_SECRET", false},
		{"GITHUB_WEBHOOK_SECRET", false},
		{"AWS_RDS_PASSWORD", false},
		{"DB_PASSWORD", false},
		{"MAIL_FROM_NAME", false},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			if got := Outbound(tc.key); got != tc.want {
				t.Errorf("Outbound(%q) = %v, want %v", tc.key, got, tc.want)
			}
		})
	}
}

func TestLocalMode(t *testing.T) {
	tests := []struct {
		key, value     string
		local, decided bool
	}{
		{"APP_ENV", "local", true, true},
		{"NODE_ENV", "Development", true, true},
		{"RAILS_ENV", "development", true, true},
		{"APP_ENV", "testing", true, true},
		{"APP_ENV", "production", false, true},
		{"APP_ENV", "staging", false, true},
		{"APP_ENV", "${APP_ENV}", false, false},
		{"APP_DEBUG", "true", false, false},
		{"APP_NAME", "local", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.key+"="+tc.value, func(t *testing.T) {
			local, decided := LocalMode(tc.key, tc.value)
			if local != tc.local || decided != tc.decided {
				t.Errorf("LocalMode(%q, %q) = %v, %v, want %v, %v", tc.key, tc.value, local, decided, tc.local, tc.decided)
			}
		})
	}
}

// TestKeyNames holds the predicates that read what a key names.
func TestKeyNames(t *testing.T) {
	tests := []struct {
		fn   func(string) bool
		name string
		yes  []string
		no   []string
	}{
		{KeyFilePassword, "KeyFilePassword",
			[]string{"TLS_KEYSTORE_PASSWORD", "SERVER_SSL_KEY_STORE_PASSWORD", "server.ssl.key-store-password", "keyStorePassword",
				"JAVAX_NET_SSL_TRUSTSTOREPASSWORD", "TLS_KEY_PASSWORD", "SSL_KEY_PASSPHRASE", "PFX_PASSWORD", "JKS_PASS"},
			[]string{"DB_PASSWORD", "API_KEY_PASSWORD", "SMTP_PASS", "TLS_ENABLED", "TLS_KEYSTORE", "JWT_SECRET"}},
		{StoreAddress, "StoreAddress",
			[]string{"DB_HOST", "DATABASE_URL", "REDIS_URL", "MONGO_URI", "spring.datasource.url", "POSTGRES_HOST"},
			[]string{"SMTP_HOST", "API_GATEWAY_URL", "DB_PASSWORD", "HOST"}},
	}
	for _, tc := range tests {
		for _, k := range tc.yes {
			if !tc.fn(k) {
				t.Errorf("%s(%q) = false, want true", tc.name, k)
			}
		}
		for _, k := range tc.no {
			if tc.fn(k) {
				t.Errorf("%s(%q) = true, want false", tc.name, k)
			}
		}
	}
}
