package secrets

import (
	"regexp"
	"strings"
)

// placeholderWords appear in values that stand for a secret without being
// one: documentation, templates and sample config.
var placeholderWords = []string{
	"example", "changeme", "change_me", "change-me", "placeholder", "your-",
	"your_", "yourkey", "yoursecret", "yourtoken", "dummy", "redacted",
	"notasecret", "not-a-secret", "not_a_secret", "insert", "replace_me",
	"replace-me", "replaceme", "xxxx", "****", "....", "<", ">",
	"${", "{{", "process.env", "import.meta.env", "os.environ", "getenv(",
	"env(", "config(", "123456789", "abcdefgh", "replace_with", "replace-with",
	"replacewith", "-here", "_here",
}

// envReference is a value that names another variable instead of holding
// one: $NAME, %NAME%, or a bare process.env.NAME, env.NAME (GitHub Actions
// contexts, Bun, Deno), secrets.NAME, vars.NAME, settings.NAME or
// config.NAME.
var envReference = regexp.MustCompile(`^(?:\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|(?:process\.env|import\.meta\.env|env|ENV|secrets|vars|settings|config)(?:\.[A-Za-z_][A-Za-z0-9_]*)+)$`)

// isPlaceholder reports whether value is an obvious stand-in rather than a
// credential.
func isPlaceholder(value string) bool {
	v := strings.ToLower(strings.TrimSpace(value))
	if v == "" || sameChar(v) || envReference.MatchString(value) || bracketed(v) {
		return true
	}
	for _, w := range placeholderWords {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}

// bracketed reports whether v is wrapped in the brackets documentation
// puts around a stand-in: [password], <token>, {api_key}.
func bracketed(v string) bool {
	if len(v) < 3 {
		return false
	}
	switch v[0] {
	case '[':
		return v[len(v)-1] == ']'
	case '<':
		return v[len(v)-1] == '>'
	case '{':
		return v[len(v)-1] == '}'
	}
	return false
}

// sameChar reports whether s repeats one character ("aaaaaaaa", "00000000").
func sameChar(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return false
		}
	}
	return len(s) > 0
}

// placeholderPasswords are what templates and tutorials put in a connection
// string where the real password goes.
var placeholderPasswords = map[string]bool{
	"password": true, "pass": true, "passwd": true, "pwd": true, "secret": true,
	"pw": true, "p": true, "x": true, "mypassword": true, "yourpassword": true,
	"db_password": true, "dbpassword": true, "database_password": true,
}

// isPlaceholderPassword reports whether the password in a connection string
// stands for one: a template word, a variable reference or a printf verb.
func isPlaceholderPassword(pw string) bool {
	l := strings.ToLower(pw)
	if placeholderPasswords[l] || strings.HasPrefix(l, "%") || strings.HasPrefix(l, "$") || strings.HasPrefix(l, "{") {
		return true
	}
	return isPlaceholder(pw)
}
