package envvalue

import "strings"

// placeholderWords appear in values that stand for a value someone was
// meant to fill in.
var placeholderWords = []string{
	"changeme", "change_me", "change-me", "changethis", "change_this",
	"change-this", "placeholder", "your-", "your_", "yourkey", "yoursecret",
	"yourtoken", "yourpassword", "example", "replace_me", "replace-me",
	"replaceme", "replace_with", "replace-with", "insert_", "insert-",
	"fill_me", "fill-me", "fillme", "dummy", "redacted", "notasecret",
	"not-a-secret", "not_a_secret", "xxx", "***", "...", "todo", "fixme",
	"tbd", "mock", "blah",
	// Django's startproject marks the key it generates as one to replace.
	"django-insecure",
}

// placeholderValues are whole values that are a word, not a secret.
var placeholderValues = map[string]bool{
	"secret": true, "password": true, "pass": true, "passwd": true,
	"token": true, "key": true, "apikey": true, "api_key": true, "test": true,
	"none": true, "null": true, "nil": true, "undefined": true, "n/a": true,
	"na": true, "foo": true, "bar": true, "foobar": true, "default": true,
	"sample": true, "value": true, "string": true, "setme": true, "set-me": true,
	"secret-key": true, "secret_key": true, "secretkey": true, "access-key": true,
	"access_key": true, "accesskey": true,
	// Hex words that stand for "some key" in examples and docs.
	"cafebabe": true, "deadbeef": true, "cafed00d": true, "feedface": true,
}

// Placeholder reports whether value stands for a value instead of being one:
// changeme, secret, password, xxx, <...>, TODO, your..., example..., mock...,
// deadbeef, or one character repeated. Empty values and references are not placeholders (see
// Reference).
func Placeholder(value string) bool {
	v := strings.ToLower(strings.TrimSpace(value))
	if v == "" || Reference(value) {
		return false
	}
	if placeholderValues[v] || repeated(v) || strings.HasPrefix(v, "your") {
		return true
	}
	if strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">") || strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") && !strings.Contains(v, ",") {
		return true
	}
	for _, w := range placeholderWords {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}

// repeated reports whether s is one character at least three times
// ("aaaa", "0000").
func repeated(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return false
		}
	}
	return true
}
