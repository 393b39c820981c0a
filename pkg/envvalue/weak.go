package envvalue

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// minSigningBytes is the shortest signing secret accepted: 256 bits, what
// HS256, Rails' secret_key_base guidance and Laravel's AES-256 APP_KEY need.
const minSigningBytes = 32

// signingWords in a secret-named key say the value signs or encrypts
// sessions, cookies or tokens, so its length is its strength.
var signingWords = []string{
	"SESSION", "COOKIE", "JWT", "SIGNING", "HMAC", "ENCRYPTION", "ENCRYPT",
	"CSRF", "KEY_BASE", "AUTH_SECRET", "APP_SECRET", "APP_KEY", "TOKEN_SECRET",
	"SECRET_KEY", "MASTER_KEY",
}

// commonPasswords are the passwords tutorials, images and breach lists
// start with.
var commonPasswords = map[string]bool{
	"admin": true, "administrator": true, "root": true, "toor": true,
	"postgres": true, "mysql": true, "redis": true, "guest": true, "user": true,
	"qwerty": true, "letmein": true, "welcome": true, "monkey": true,
	"dragon": true, "master": true, "changeit": true, "123456": true,
	"1234567": true, "12345678": true, "123456789": true, "1234567890": true,
	"password1": true, "password123": true, "passw0rd": true, "p@ssw0rd": true,
	"p@ssword": true, "secret1": true, "secret123": true, "admin123": true,
	"abc123": true, "iloveyou": true, "trustno1": true, "sunshine": true,
	"qwerty123": true, "111111": true, "000000": true,
}

// minPasswordLen is the shortest password accepted for a service account.
const minPasswordLen = 8

// Weak reports whether value is too weak for key: a signing, session,
// cookie, JWT or encryption secret shorter than 32 bytes (Laravel's
// "base64:" keys are measured decoded), or a password that is a common
// word or shorter than 8 characters. References and empty values are not
// weak; placeholders are reported by Placeholder.
func Weak(key, value string) bool { return WeakReason(key, value) != "" }

// WeakReason says why Weak holds for key and value, in words fit for a
// message ("shorter than 32 bytes"), or "" when it does not. It never
// includes the value.
func WeakReason(key, value string) string {
	v := strings.TrimSpace(value)
	if Reference(v) || !SecretName(key) {
		return ""
	}
	k := strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(key))
	switch {
	case signing(k):
		if secretBytes(v) < minSigningBytes {
			return fmt.Sprintf("shorter than the %d bytes a signing or encryption secret needs", minSigningBytes)
		}
	case password(k):
		if commonPasswords[strings.ToLower(v)] {
			return "a common password"
		}
		if len(v) < minPasswordLen {
			return fmt.Sprintf("a password shorter than %d characters", minPasswordLen)
		}
	}
	return ""
}

func signing(k string) bool {
	if k == "SECRET" {
		return true
	}
	for _, w := range signingWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

func password(k string) bool {
	if strings.Contains(k, "PASSWORD") || strings.Contains(k, "PASSWD") || strings.Contains(k, "PASSPHRASE") {
		return true
	}
	for _, t := range strings.Split(k, "_") {
		if secretTokens[t] {
			return true
		}
	}
	return false
}

// secretBytes is the length of the secret value holds: the decoded length
// of a "base64:" value (Laravel's APP_KEY form), else its length.
func secretBytes(v string) int {
	if rest, ok := strings.CutPrefix(v, "base64:"); ok {
		if b, err := base64.StdEncoding.DecodeString(rest); err == nil {
			return len(b)
		}
	}
	return len(v)
}
