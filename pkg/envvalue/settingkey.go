package envvalue

import (
	"strings"
	"unicode"
)

// SettingKey turns the path of a setting in a framework config file
// ("database.url", "jwt.secret", "auth.publicUrl", "Jwt:SigningKey") into
// the environment-variable name the other functions judge
// ("DATABASE_URL", "JWT_SECRET", "AUTH_PUBLIC_URL", "JWT_SIGNING_KEY"):
// dots, colons, dashes and spaces become underscores, and a lower-case
// letter or digit followed by an upper-case one starts a new word.
func SettingKey(path string) string {
	var b strings.Builder
	var prev rune
	for _, r := range path {
		switch {
		case r == '.' || r == ':' || r == '-' || r == ' ' || r == '/':
			r = '_'
		case unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
		prev = r
	}
	return b.String()
}
