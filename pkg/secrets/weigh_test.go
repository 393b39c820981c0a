package secrets

import (
	"hash/crc32"
	"slices"
	"strings"
	"testing"
	"time"
)

// githubValid makes a GitHub token whose checksum holds, as GitHub's own
// tokens do.
func (g *gen) githubValid() string {
	body := g.alnum(30)
	n := uint64(crc32.ChecksumIEEE([]byte(body)))
	sum := make([]byte, 6)
	for i := 5; i >= 0; i-- {
		sum[i] = base62[n%62]
		n /= 62
	}
	return "gh" + "p_" + body + string(sum)
}

// TestWeigh holds each noise class the engine quiets beside the true
// variant that must still be reported: where a value is written, its name
// and its shape decide the severity of the rules that find a value by its
// name or command; a key in a provider's own format is reported wherever
// it is pasted.
func TestWeigh(t *testing.T) {
	e := newEngine(t, Options{Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }})
	g := newGen(t)
	stripe, aws, pk := g.stripeLive(), g.aws(), g.privateKey()
	awsSecret := g.from(alnum, 20) + "/" + g.from(alnum, 19)
	ghValid, ghMadeUp := g.githubValid(), g.githubPAT().value
	key := g.from("0123456789", 8) + g.from("ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz", 24)
	hex32 := g.from("0123456789abcdef", 32)
	for shannonEntropy(hex32) <= 3.6 {
		hex32 = g.from("0123456789abcdef", 32)
	}
	hex64 := g.from("0123456789abcdef", 64)
	pw := g.dbPassword().value
	expired := g.jwt(map[string]any{"sub": "monster@example.org", "exp": 1608117499}).value
	live := g.jwt(map[string]any{"sub": "42", "role": "admin"}).value
	demo := g.jwt(map[string]any{"iss": "supabase" + "-demo", "role": "service_role", "exp": 1983812996}).value
	// The Azure Storage emulator's published account key, assembled so that
	// no committed line holds it whole.
	azurite := "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq" + "/K1SZFPTOtr/KBHBeksoGMGw=="
	tests := []struct {
		name, path, content string
		// want is every "rule/severity" found, in content order.
		want []string
	}{
		// Secrets in docs and examples.
		{"generic example in a README", "README.md", "```yaml\napi_key: 1234abcd" + key[8:] + "\n```\n", []string{"secret/generic-api-key/info"}},
		{"generic example in an MDX page", "apps/docs/content/api.mdx", `  "token": "` + key + `",`, []string{"secret/generic-api-key/info"}},
		{"generic example in a docs folder", "docs/config/sample.yaml", "api_key: " + key, []string{"secret/generic-api-key/info"}},
		{"the same key in code", "src/config.ts", `const apiKey = "` + key + `";`, []string{"secret/generic-api-key/medium"}},
		{"commented-out line", "app/settings.py", `# API_KEY = "` + key + `"`, []string{"secret/generic-api-key/info"}},
		{"trailing comment", "src/a.js", `call(); // apiKey = "` + key + `"`, []string{"secret/generic-api-key/info"}},
		{"block comment", "app/Jobs/Webhook.php", "    /*\n    {\n      \"token\": \"" + hex32 + "\",\n    }\n    */\n", []string{"secret/generic-api-key/info"}},
		{"after a closed block comment", "app/Jobs/Webhook.php", "/* sample */\n$token = '" + key + "';\n", []string{"secret/generic-api-key/medium"}},
		{"provider key in a README", "README.md", "STRIPE_SECRET_KEY=" + stripe.value + "\n", []string{"secret/stripe-access-token/critical"}},
		{"provider key on a commented-out line", "src/pay.ts", `// const k = "` + stripe.value + `";`, []string{"secret/stripe-access-token/critical"}},
		{"GitHub token with a valid checksum in a README", "README.md", "export GITHUB_TOKEN=" + ghValid + "\n", []string{"secret/github-pat/critical"}},
		{"GitLab secret as a form field's placeholder", "apps/admin/auth/gitlab/form.tsx", `      placeholder: "glo` + `as-` + hex64 + `",`, []string{"secret/gitlab-oauth-app-secret/low"}},
		{"Stripe key as an input's placeholder attribute", "src/settings/Billing.vue", `<input v-model="key" :placeholder="'` + stripe.value + `'" />`, []string{"secret/stripe-access-token/low"}},
		{"Stripe key as a JSX placeholder", "src/settings/Billing.tsx", `<TextField placeholderText={"` + stripe.value + `"} />`, []string{"secret/stripe-access-token/low"}},
		{"GitLab secret as a form field's value", "apps/admin/auth/gitlab/form.tsx", `      clientSecret: "glo` + `as-` + hex64 + `",`, []string{"secret/gitlab-oauth-app-secret/high"}},
		{"made-up GitHub token in a README", "README.md", "export GITHUB_TOKEN=" + ghMadeUp + "\n", []string{"secret/github-pat/info"}},
		{"made-up GitHub token in code", "scripts/release.sh", "GITHUB_TOKEN=" + ghMadeUp + "\n", []string{"secret/github-pat/critical"}},
		{"AWS key pair in a README", "README.md", "AWS_ACCESS_KEY_ID=" + aws.value + "\nAWS_SECRET_ACCESS_KEY=" + awsSecret + "\n", []string{"secret/aws-access-key-pair/critical"}},
		{"AWS secret key alone in a README", "docs/run.md", "-e AWS_SECRET_ACCESS_KEY=" + awsSecret + " \\\n", []string{"secret/aws-secret-access-key/info"}},
		{"AWS secret key alone in CI config", ".github/workflows/test.yml", "      AWS_SECRET_ACCESS_KEY: " + awsSecret + "\n", []string{"secret/aws-secret-access-key/critical"}},
		{"curl user in a README", "docs/api.md", "curl -u 'api_username:access_token' 'http://localhost:9000/api/lists'", []string{"secret/curl-auth-user/info"}},
		{"curl header with words", "openapi/paths/products.yaml", `curl -X GET https://api.acme-portal.io/v1/products -H "X-API-TOKEN:company-token-test"`, []string{"secret/curl-auth-header/low"}},
		{"curl header with a token in a script", "scripts/sync.sh", `curl https://api.acme-portal.io/v1/sync -H "X-API-TOKEN: ` + key + `"`, []string{"secret/curl-auth-header/high"}},
		{"bracketed placeholder", "docs/database.mdx", "postgresql://[user]:[password]@[host]:5432/app", nil},
		{"REPLACE_WITH placeholder", "deploy/k8s/secret.yaml", "  NEXT_PRIVATE_ENCRYPTION_KEY: 'REPLACE_WITH_32_CHAR_KEY'", nil},
		{"your-…-here placeholder", "src/a.ts", `const apiKey = "your-stripe-key-here";`, nil},
		{"env context reference", ".github/workflows/ci.yml", "      API_TOKEN_VALUE: env.API_TOKEN_VALUE", nil},
		{"Azure Storage emulator key", "docs/storage.mdx", "NEXT_PRIVATE_UPLOAD_AZURE_ACCOUNT_KEY=" + azurite, nil},
		{"Azure Storage emulator key in code", "src/storage.ts", `const accountKey = "` + azurite + `";`, nil},
		{"Supabase local development key", "supabase/.env", "SUPABASE_SERVICE_ROLE_KEY=" + demo, nil},
		{"PostHog project key", "src/analytics.ts", `posthog.init("phc_` + g.alnum(43) + `", { api_host: "https://eu.posthog.com" });`, nil},
		{"PostHog personal key", "scripts/export.ts", `const POSTHOG_PERSONAL_API_KEY = "phx_` + g.alnum(43) + `";`, []string{"secret/generic-api-key/medium"}},
		{"Segment write key", "src/analytics.ts", `const SEGMENT_WRITE_KEY = "` + key + `";`, nil},
		{"Algolia search-only key", ".env.production", "ALGOLIA_SEARCH_API_KEY=" + hex32, nil},
		{"Algolia admin key", ".env.production", "ALGOLIA_ADMIN_API_KEY=" + hex32, []string{"secret/algolia-api-key/high"}},
		{"expired JWT in a collection", "postman/api.postman_collection.json", `"value": "Bearer ` + expired + `"`, []string{"secret/jwt/low"}},
		{"JWT without expiry", "src/client.ts", `const session = "` + live + `";`, []string{"secret/jwt/medium"}},

		// Generic-API-key noise.
		{"gateway key in a seeder", "database/seeders/PaymentLibrariesSeeder.php", `['id' => 20, 'name' => 'Stripe', 'key' => '` + hex32 + `', 'fields' => '{}'],`, []string{"secret/generic-api-key/low"}},
		{"gateway key in a migration", "database/migrations/2021_04_12_stripe_connect.php", "$gateway->key = '" + hex32 + "';", []string{"secret/generic-api-key/low"}},
		{"gateway key lookup in a controller", "app/Http/Controllers/StripeConnectController.php", "->where('gateway_key', '" + hex32 + "')", []string{"secret/generic-api-key/low"}},
		{"secret-named value in seed data", "prisma/seed.ts", `const client_secret = "` + key + `";`, []string{"secret/generic-api-key/low"}},
		{"secret-named value in app code", "app/Services/Billing.php", `'client_secret' => '` + key + `',`, []string{"secret/generic-api-key/medium"}},
		{"UUID token", "config/deploy.yml", "api_token: 3f0c9a1e-7b2d-4c5e-9f8a-1b2c3d4e5f60", []string{"secret/generic-api-key/medium"}},
		{"UUID token in CI config", "codecov.yml", "token: 3f0c9a1e-7b2d-4c5e-9f8a-1b2c3d4e5f60", []string{"secret/generic-api-key/low"}},
		{"UUID record key", "app/Models/Client.php", "'key' => '3f0c9a1e-7b2d-4c5e-9f8a-1b2c3d4e5f60',", []string{"secret/generic-api-key/low"}},
		{"client ID", "config/passport.php", `'PASSPORT_PERSONAL_ACCESS_CLIENT_ID' => "` + key + `",`, []string{"secret/generic-api-key/low"}},
		{"secret in CI config", ".env.ci", "PASSPORT_PERSONAL_ACCESS_CLIENT_SECRET=\"" + key + "\"", []string{"secret/generic-api-key/low"}},
		{"secret in a production env file", ".env.production", "PASSPORT_PERSONAL_ACCESS_CLIENT_SECRET=\"" + key + "\"", []string{"secret/generic-api-key/medium"}},
		{"secret in a development config", "config/env/development.js", `  zapApiKey: "` + key + `",`, []string{"secret/generic-api-key/low"}},

		// Severity follows exposure.
		{"default password on localhost in CI", ".github/workflows/ci.yml", "      DATABASE_URL: postgres://postgres:postgres@localhost:5432", []string{"secret/connection-string-password/info"}},
		{"user name as password on localhost in CI", ".github/workflows/spec.yml", `      DATABASE_URL: "postgres://lago:lago@localhost:5432/lago"`, []string{"secret/connection-string-password/info"}},
		{"encoded default password in docs", "docs/database.mdx", "postgresql://documenso:p%40ss%23word@localhost:5432/documenso", []string{"secret/connection-string-password/info"}},
		{"real-looking password on localhost in docs", "docs/database.md", "postgresql://app:" + pw + "@localhost:5432/app", []string{"secret/connection-string-password/low"}},
		{"default password for a compose service", "deploy/community/docker-compose.yml", "      DATABASE_URL: ${DATABASE_URL:-postgresql://plane:plane@plane-db/plane}", []string{"secret/connection-string-password/low"}},
		{"real password for a compose service", "docker-compose.yml", "      DATABASE_URL: postgres://app:" + pw + "@db:5432/app", []string{"secret/connection-string-password/critical"}},
		{"real password on localhost in a compose file", "docker-compose.yml", "      REDIS_URL: redis://default:" + pw + "@localhost:6379/0", []string{"secret/connection-string-password/medium"}},
		{"real password to a public host in CI", ".github/workflows/ci.yml", "      DATABASE_URL: postgres://app:" + pw + "@db.acme-portal.io:5432/app", []string{"secret/connection-string-password/critical"}},
		{"real password to a public host in docs", "README.md", "DATABASE_URL=postgres://app:" + pw + "@db.acme-portal.io:5432/app", []string{"secret/connection-string-password/critical"}},

		// Example certificates and keys that ship.
		{"private key in an example folder", "apps/remix/example/server.key", pk.value + "\n", []string{"secret/private-key/low"}},
		{"private key beside a service", "services/web/certs/server.key", pk.value + "\n", []string{"secret/private-key/critical"}},
		{"key store in an example folder", "apps/remix/example/cert.p12", "x", []string{"secret/pkcs12-file/low"}},
		{"key store beside a service", "services/identity/certs/server.p12", "x", []string{"secret/pkcs12-file/high"}},

		// Secret-looking names with values that cannot be secrets.
		{"public switch naming a password", "docker/production/compose.yml", "      - NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP=${NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP}", nil},
		{"public boolean", ".env.production", "NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP=true", nil},
		{"public duration", ".env.production", "NEXT_PUBLIC_TOKEN_TTL=60", nil},
		{"public length", ".env.production", "NEXT_PUBLIC_PASSWORD_MIN_LENGTH=12", nil},
		{"public rate named for a secret", ".env.production", "VITE_API_SECRET=60/minute", nil},
		{"public variable holding a password", ".env.production", "NEXT_PUBLIC_ADMIN_PASSWORD=" + pw, []string{"secret/public-env-secret/critical"}},
		{"public variable holding tokens", ".env.production", "VITE_API_TOKENS=" + pw, []string{"secret/public-env-secret/critical"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := scanOne(t, e, tt.path, tt.content)
			if got := ruleIDs(found); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for _, s := range found {
				if s.Severity < severityOf(strings.TrimPrefix(s.RuleID, "secret/")) && !strings.Contains(s.Message, "reported at "+s.Severity.String()) {
					t.Errorf("%s is lowered to %s, and its message does not say why: %q", s.RuleID, s.Severity, s.Message)
				}
			}
		})
	}
}

func TestGitHubChecksum(t *testing.T) {
	g := newGen(t)
	valid := g.githubValid()
	tests := []struct {
		name, value string
		valid, ok   bool
	}{
		{"issued by GitHub", valid, true, true},
		{"one character changed", valid[:10] + string(valid[10]^1) + valid[11:], false, true},
		{"made up", g.githubPAT().value, false, true},
		{"too short", valid[:39], false, false},
		{"not a GitHub token", "sk_" + "live_" + g.alnum(36), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			valid, ok := gitHubChecksum(tt.value)
			if valid != tt.valid || ok != tt.ok {
				t.Errorf("gitHubChecksum = %v, %v; want %v, %v", valid, ok, tt.valid, tt.ok)
			}
		})
	}
}

func TestCommented(t *testing.T) {
	tests := []struct {
		name, content, at string
		want              bool
	}{
		{"hash comment", "# api_key = 'VALUE'", "VALUE", true},
		{"hash comment, indented", "  #api_key=VALUE", "VALUE", true},
		{"C directive", "#define API_KEY = VALUE", "VALUE", false},
		{"shebang", "#!/bin/sh VALUE", "VALUE", false},
		{"slashes", "  // key: VALUE", "VALUE", true},
		{"URL slashes are not a comment", "url = https://VALUE", "VALUE", false},
		{"trailing slashes", "x = 1; // key = VALUE", "VALUE", true},
		{"trailing hash", "port: 80 # key: VALUE", "VALUE", true},
		{"SQL comment", "-- password VALUE", "VALUE", true},
		{"command-line flag", `--connection-string "VALUE"`, "VALUE", false},
		{"doc block line", " * @param key VALUE", "VALUE", true},
		{"inside a block", "/*\n{\n  \"token\": \"VALUE\"\n}\n*/", "VALUE", true},
		{"after a block", "/* a */\nkey = VALUE", "VALUE", false},
		{"a glob is no block", "files: src/**/*.js\nkey = VALUE", "VALUE", false},
		{"inside an HTML comment", "<!--\nkey = VALUE\n-->", "VALUE", true},
		{"block opened on the line", "x(); /* key = VALUE", "VALUE", false},
		{"block opening the line", "/* key = VALUE", "VALUE", true},
		{"code", "key = VALUE", "VALUE", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := strings.Index(tt.content, tt.at)
			if got := commented(tt.content, newLineIndex(tt.content), at); got != tt.want {
				t.Errorf("commented = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPlaceOf(t *testing.T) {
	tests := []struct {
		path string
		want place
	}{
		{"README.md", place{docs: true}},
		{"apps/docs/content/api.mdx", place{docs: true}},
		{"docs/conf.py", place{docs: true}},
		{"vulnerabilities/csrf/help/help.php", place{docs: true}},
		{"examples/basic/server.ts", place{example: true, dev: true}},
		{"database/seeders/UserSeeder.php", place{data: true}},
		{"db/migrate/20240101_add_keys.rb", place{data: true}},
		{"app/Services/Template/TemplateMock.php", place{data: true}},
		{"resources/lang/en/texts.php", place{data: true}},
		{"locale/de/LC_MESSAGES/app.po", place{data: true}},
		{".env.ci", place{dev: true}},
		{".env.example", place{dev: true}},
		{"config/env/development.js", place{dev: true}},
		{".github/workflows/spec.yml", place{dev: true}},
		{".gitlab-ci.yml", place{dev: true}},
		{".github/workflows/deploy.yml", place{}},
		{"ci/prod.env", place{}},
		{".env.production", place{}},
		{"src/config.ts", place{}},
		{"dist/app.zip!docs/setup.md", place{docs: true}},
		{"dist/app.js.map!webpack:///./src/keys.ts", place{}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := placeOf(tt.path); got != tt.want {
				t.Errorf("placeOf = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestStrengthOf(t *testing.T) {
	tests := []struct {
		name string
		want nameStrength
	}{
		{"api_key", credentialName},
		{"zapApiKey", credentialName},
		{"x-api-key", credentialName},
		{"SECRET_KEY_BASE", credentialName},
		{"RAILS_MASTER_KEY", credentialName},
		{"SENDGRID_KEY", credentialName},
		{"signature_key", credentialName},
		{"user-token", credentialName},
		{"PASSPORT_PERSONAL_ACCESS_CLIENT_SECRET", credentialName},
		{"DB_PASSWORD", passwordName},
		{"key", weakName},
		{"gateway_key", weakName},
		{"checkout_key", weakName},
		{"PASSPORT_PERSONAL_ACCESS_CLIENT_ID", weakName},
		{"AWS_ACCESS_KEY_ID", weakName},
		{"token_type", weakName},
		{"PASSWORD_MIN_LENGTH", weakName},
		{"", weakName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strengthOf(tt.name); got != tt.want {
				t.Errorf("strengthOf(%q) = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}

// TestCommentedIgnoresMinifiedLines: a "//" far before a value on a
// minified line is no comment of the value's.
func TestCommentedIgnoresMinifiedLines(t *testing.T) {
	content := "var a=1; // x\n" + strings.Repeat("var b=2;", 40) + ` // see ` + strings.Repeat("c=3;", 200) + `apiKey="VALUE"`
	if commented(content, newLineIndex(content), strings.Index(content, "VALUE")) {
		t.Error("a value deep in a minified line is taken for commented out")
	}
}
