package envvalue

import "strings"

// secretWords in a key say its value is a credential.
var secretWords = []string{
	"SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "TOKEN", "CREDENTIAL",
	"PRIVATE_KEY", "PRIVATEKEY", "API_KEY", "APIKEY", "ACCESS_KEY",
	"AUTH_KEY", "SIGNING_KEY", "ENCRYPTION_KEY", "MASTER_KEY", "SESSION_KEY",
	"SERVICE_ROLE", "APP_KEY", "KEY_BASE", "JWT_KEY",
}

// secretTokens are whole words (between underscores) that name a password
// only on their own: DB_PASS, MYSQL_PWD, but not PASSPORT or PWD_DIR.
var secretTokens = map[string]bool{"PASS": true, "PWD": true, "PW": true}

// publicWords override secretWords for keys providers issue to browsers and
// for names that describe a secret without holding one.
var publicWords = []string{"PUBLIC_KEY", "PUBLICKEY", "PUBLISHABLE", "PUBKEY", "ANON_KEY", "SITE_KEY", "SITEKEY"}

// settingSuffixes end keys that configure how a secret is used (its
// lifetime, its header, the file it is read from), not the secret itself.
var settingSuffixes = []string{
	"_TTL", "_EXPIRES", "_EXPIRES_IN", "_EXPIRY", "_EXPIRATION", "_LIFETIME",
	"_MAX_AGE", "_LENGTH", "_NAME", "_HEADER", "_URL", "_URI", "_ENDPOINT",
	"_PATH", "_FILE", "_DIR", "_ALGORITHM", "_ALG", "_ISSUER", "_AUDIENCE",
	"_ENABLED", "_TIMEOUT", "_TYPE", "_FIELD", "_PARAM", "_ID",
	"_DISABLED", "_LIMIT", "_SIGNUP", "_SIGNIN", "_REQUIRED", "_MODE",
	"_PROVIDER", "_VERSION", "_SIZE", "_COUNT", "_INTERVAL", "_PREFIX",
	"_STRATEGY", "_POLICY",
}

// switchWords are words of a key that make it a switch about a secret
// rather than the secret: MYSQL_ALLOW_EMPTY_PASSWORD,
// NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP, REQUIRE_API_KEY.
var switchWords = map[string]bool{
	"ALLOW": true, "DISABLE": true, "ENABLE": true, "REQUIRE": true,
	"SKIP": true, "FORCE": true, "RANDOM": true,
}

// SecretName reports whether key names a secret: a password, token, API or
// private key, signing secret or credential. Keys for browser-issued keys
// (PUBLIC_KEY, PUBLISHABLE_KEY, ANON_KEY, SITE_KEY) and keys that configure a
// secret (JWT_SECRET_FILE, TOKEN_TTL, API_KEY_RATE_LIMIT,
// PASSWORD_RESET_DISABLED) or switch it (MYSQL_ALLOW_EMPTY_PASSWORD,
// DISABLE_EMAIL_PASSWORD_SIGNUP) are not secrets.
// A connection string such as DATABASE_URL is not named a secret: whether it
// carries a password depends on its value.
func SecretName(key string) bool {
	k := strings.ToUpper(strings.TrimSpace(key))
	k = strings.NewReplacer("-", "_", ".", "_").Replace(k)
	for _, w := range publicWords {
		if strings.Contains(k, w) {
			return false
		}
	}
	for _, s := range settingSuffixes {
		if strings.HasSuffix(k, s) {
			return false
		}
	}
	words := strings.Split(k, "_")
	for _, t := range words {
		if switchWords[t] {
			return false
		}
	}
	for _, w := range secretWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	for _, t := range words {
		if secretTokens[t] {
			return true
		}
	}
	return false
}
