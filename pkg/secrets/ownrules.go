package secrets

import (
	"regexp"
	"strings"

	"github.com/zricethezav/gitleaks/v8/config"
	glregexp "github.com/zricethezav/gitleaks/v8/regexp"
)

// The IDs of launchgate's own rules, without the "secret/" category. They
// are part of the report contract: rules/secret.yaml describes them.
const (
	ruleConnString  = "connection-string-password"
	rulePublicEnv   = "public-env-secret"
	ruleServiceRole = "supabase-service-role-key"
)

// ownRuleIDs are the rules described in rules/secret.yaml rather than
// generated from gitleaks' config. The AWS pair rule has no expression of
// its own: Engine.Scan makes its findings from two others' (awspair.go).
var ownRuleIDs = map[string]bool{
	ruleConnString: true, rulePublicEnv: true, ruleServiceRole: true, ruleAWSSecretKey: true, ruleAWSPair: true,
	ruleJWK: true, ruleTink: true, ruleJavaKeyStore: true,
}

// publicEnvPrefixes are the variable prefixes frontend build tools inline
// into client bundles.
var publicEnvPrefixes = []string{"NEXT_PUBLIC_", "VITE_", "REACT_APP_", "EXPO_PUBLIC_", "NUXT_PUBLIC_", "PUBLIC_", "GATSBY_"}

const (
	envName = `(?:NEXT_PUBLIC|VITE|REACT_APP|EXPO_PUBLIC|NUXT_PUBLIC|PUBLIC|GATSBY)_[A-Z0-9_]{1,128}`
	// envValue is a literal, a reference or a JSON.stringify'd literal; a
	// value never starts with "=" so comparisons (==, ===) do not count.
	envValue = "(?:JSON\\.stringify\\([ \\t]{0,32})?[\"'`]?([^=\\s\"'`,;)}\\]][^\\s\"'`,;)}\\]]{0,999})"
	// envAssign is a definition of a public variable: NAME=value, NAME:
	// value, "NAME": "value", process.env.NAME || "default", and Dockerfile
	// ENV/ARG NAME value. Group 1 or 3 is the name, 2 or 4 the value.
	// Every repetition is bounded, so a match lies within a known reach of
	// its prefix and the matcher reads only around the prefixes.
	envAssign = `(?:(?m:^)[ \t]{0,32}(?:ENV|ARG)[ \t]{1,32}(` + envName + `)[ \t]{1,32}` + envValue +
		`|(?:(?m:^)|[^A-Za-z0-9_\r\n])(` + envName + ")[\"'`]?[ \\t]{0,32}(?:=|:|\\|\\||\\?\\?)[ \\t]{0,32}" + envValue + `)`
	// connScheme is any URL scheme: a password written as
	// user:password@host is a committed credential whatever the URL is for
	// (a database, a broker, an API server in an OpenAPI document, a git
	// remote, an SMTP relay). Repetitions are bounded so that a match lies
	// within a known reach of "://" and the matcher reads only around it.
	connScheme = `[a-z][a-z0-9+.\-]{0,29}`
	// connUserinfo is user:password@host with the password in group 1.
	connUserinfo = `://[^\s:/@'"` + "`" + `]{0,128}:([^\s@/'"` + "`" + `]{1,256})@[^\s/:'"` + "`" + `?#,;]{1,256}`
)

// dbSchemes are the URL schemes of databases and message brokers, whose
// URLs the message calls connection strings.
var dbSchemes = map[string]bool{
	"postgres": true, "postgresql": true, "mysql": true, "mariadb": true, "mongodb": true, "mongodb+srv": true,
	"redis": true, "rediss": true, "amqp": true, "amqps": true, "mssql": true, "sqlserver": true,
	"cockroachdb": true, "clickhouse": true,
}

// settingValue is a value no secret has: a switch, a number, a duration or
// a rate.
var settingValue = regexp.MustCompile(`(?i)^(?:true|false|yes|no|on|off|enabled?|disabled?|null|none|[0-9]+(?:\.[0-9]+)?(?:ms|s|m|h|d|w|y|sec|min|mins|minutes?|hours?|days?)?(?:\s*/\s*(?:s|m|h|d|sec|second|min|minute|hour|day))?)$`)

var (
	envAssignRe = regexp.MustCompile(envAssign)
	connURLRe   = regexp.MustCompile(`(?i)^(` + connScheme + `)://[^\s:/@'"` + "`" + `]*:[^\s@/'"` + "`" + `]+@(\[[^\]\s]*\]|[^\s/:'"` + "`" + `?#,;]+)`)
)

// ownRules are launchgate's rules in gitleaks' form, so that gitleaks'
// keyword prefilter, gitleaks:allow and path allowlists apply to them too.
// Engine.Scan finishes what a regular expression cannot decide (which
// variable names say secret, which hosts are local).
func ownRules() []config.Rule {
	return []config.Rule{
		{
			RuleID:      ruleConnString,
			Description: "A connection string or URL with an embedded password.",
			Regex:       glregexp.MustCompile(`(?i)\b` + connScheme + connUserinfo),
			SecretGroup: 1,
			Keywords:    []string{"://"},
		},
		{
			RuleID:      rulePublicEnv,
			Description: "A secret in an environment variable that frontend build tools ship to every browser.",
			// The secret group is the variable's name, not its value, so that
			// gitleaks' de-duplication, which drops a generic-api-key hit
			// inside another rule's value, leaves the value to the other
			// rules; Engine.Scan folds their hits into this one.
			Regex:    glregexp.MustCompile(envAssign),
			Keywords: []string{"public_", "vite_", "react_app_", "gatsby_"},
		},
		{
			RuleID:      ruleServiceRole,
			Description: "A Supabase secret key, which bypasses row-level security.",
			Regex:       glregexp.MustCompile(`\b(sb_secret_[A-Za-z0-9_-]{20,})`),
			Entropy:     3,
			Keywords:    []string{"sb_secret_"},
		},
		awsSecretRule(),
	}
}

// secretNameWords in a public variable's name say it holds a secret;
// publicNameWords override them for keys providers issue for browsers.
var (
	secretNameWords = []string{"SECRET", "PRIVATE", "SERVICE_ROLE", "PASSWORD", "PASSWD", "TOKEN", "CREDENTIAL"}
	publicNameWords = []string{"PUBLIC_KEY", "PUBLISHABLE", "PUBKEY", "ANON", "SITE_KEY", "SITEKEY", "DSN", "MAPBOX", "CSRF"}
)

// publicEnvAssign finds the variable name and the value span (relative to
// match) in a match of the public-env rule; ok is false if there is none.
func publicEnvAssign(match string) (name string, value span, ok bool) {
	m := envAssignRe.FindStringSubmatchIndex(match)
	if m == nil {
		return "", span{}, false
	}
	for _, g := range [][2]int{{1, 2}, {3, 4}} {
		n, v := g[0]*2, g[1]*2
		if m[n] >= 0 && m[v] >= 0 {
			return match[m[n]:m[n+1]], span{m[v], m[v+1]}, true
		}
	}
	return "", span{}, false
}

// nameSays reads what a public variable's name (after its prefix) says
// about its value: secretName, publicName (a key providers issue for
// browsers, which wins over secret words) or neither.
func nameSays(name string) nameVerdict {
	rest := name
	for _, p := range publicEnvPrefixes {
		if strings.HasPrefix(name, p) {
			rest = name[len(p):]
			break
		}
	}
	for _, w := range publicNameWords {
		if strings.Contains(rest, w) {
			return publicName
		}
	}
	if first, _, _ := strings.Cut(rest, "_"); switchWords[first] {
		// NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP is a switch.
		return neutralName
	}
	last, end := -1, 0
	for _, w := range secretNameWords {
		if i := strings.LastIndex(rest, w); i >= 0 && i+len(w) > end {
			last, end = i, i+len(w)
		}
	}
	if last < 0 {
		return neutralName
	}
	// The secret word must name what the variable holds, not qualify
	// another noun: PASSWORD_RESET_PATH is a path, TOKEN_TTL a duration.
	for _, w := range strings.FieldsFunc(rest[end:], func(r rune) bool { return r == '_' }) {
		if base := strings.TrimRight(w, "0123456789"); base != "" && !trailingWords[base] {
			return neutralName
		}
	}
	return secretName
}

// switchWords begin the names of feature switches and settings, whatever
// secret word follows: ENABLE_PASSWORD_LOGIN, SHOW_TOKEN_FIELD.
var switchWords = map[string]bool{
	"DISABLE": true, "DISABLED": true, "ENABLE": true, "ENABLED": true, "ALLOW": true, "SHOW": true,
	"HIDE": true, "USE": true, "IS": true, "HAS": true, "REQUIRE": true, "REQUIRED": true,
	"FEATURE": true, "FF": true, "FLAG": true, "NO": true, "SKIP": true,
}

// trailingWords may follow a secret word in a name that still names the
// secret: STRIPE_SECRET_KEY, ADMIN_TOKEN_PROD, SERVICE_ROLE_KEY_B64.
var trailingWords = map[string]bool{
	"KEY": true, "KEYS": true, "S": true, "VALUE": true, "STR": true, "STRING": true, "B64": true,
	"BASE64": true, "HEX": true, "RAW": true, "JSON": true, "PEM": true, "DATA": true, "CONTENT": true,
	"CONTENTS": true, "ENCODED": true, "PROD": true, "PRODUCTION": true, "LIVE": true, "TEST": true,
	"DEV": true, "STAGING": true, "V": true,
}

// nameVerdict is what a variable name says about its value.
type nameVerdict int

const (
	neutralName nameVerdict = iota
	secretName
	publicName
)

// typeWords are values that declare a variable's type, not its content
// (TypeScript declarations, schema builders).
var typeWords = map[string]bool{"string": true, "number": true, "boolean": true, "undefined": true, "null": true, "true": true, "false": true, "any": true}

// isDefinition reports whether an env value assigns something: a literal
// or a reference to another variable, not a type or a function call.
func isDefinition(value string) bool {
	return value != "" && !typeWords[strings.ToLower(value)] && !strings.Contains(value, "(")
}

// localHosts serve only the developer's machine or its containers: a
// password for them is a throwaway, still worth a look.
var localHosts = map[string]bool{"localhost": true, "127.0.0.1": true, "0.0.0.0": true, "[::1]": true, "host.docker.internal": true}

// connStringParts returns the scheme and host of a connection-string match.
func connStringParts(match string) (scheme, host string) {
	m := connURLRe.FindStringSubmatch(match)
	if m == nil {
		return "", ""
	}
	return strings.ToLower(m[1]), strings.ToLower(m[2])
}

// secretLike reports whether a value a public variable's name calls secret
// could be one: not a path or a plain URL, which such names also hold
// (PUBLIC_PASSWORD_RESET_PATH = "/account/reset"), nor a switch, a number,
// a duration or a rate (PUBLIC_TOKEN_TTL=60, PUBLIC_API_KEY_RATE=60/minute).
func secretLike(value string) bool {
	v := strings.Trim(value, `"'`+"`")
	switch {
	case settingValue.MatchString(v):
		return false
	case strings.HasPrefix(v, "/"), strings.HasPrefix(v, "./"), strings.HasPrefix(v, "#"):
		return false
	case strings.Contains(v, "://") && !strings.Contains(v, "@"):
		return false
	}
	return true
}

// sveltePublicOnly reports whether name carries only the bare PUBLIC_
// prefix, which SvelteKit inlines from env files but which is just as often
// a constant's name in code.
func sveltePublicOnly(name string) bool {
	if !strings.HasPrefix(name, "PUBLIC_") {
		return false
	}
	for _, p := range publicEnvPrefixes {
		if p != "PUBLIC_" && strings.HasPrefix(name, p) {
			return false
		}
	}
	return true
}

// envFile reports whether path is a dotenv file (.env, .env.production,
// config/.env.local, app.env).
func envFile(path string) bool {
	base := path[strings.LastIndex(path, "/")+1:]
	return base == ".env" || strings.HasPrefix(base, ".env.") || strings.HasSuffix(base, ".env")
}
