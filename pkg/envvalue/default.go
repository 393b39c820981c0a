package envvalue

import (
	"regexp"
	"strings"
)

// defaultRef matches a value that is one shell or Compose interpolation
// with a default: ${NAME:-word} (the word when NAME is unset or empty),
// ${NAME-word} (when it is unset), ${NAME:=word} and ${NAME=word} (the
// same, also assigning it).
var defaultRef = regexp.MustCompile(`^\$\{([A-Za-z_][A-Za-z0-9_]*):?[-=]([^{}]*)\}$`)

// Default returns the literal a value falls back to when the variable it
// refers to is unset: for "${SECRET_KEY:-changeme}" it returns
// "SECRET_KEY", "changeme" and true. That literal is what production runs
// with whenever the platform does not set the variable, so it is judged
// as a value written in the file. A value that is anything more than one
// such reference, or whose default is empty or itself a reference
// ("${A:-${B}}"), has none.
func Default(value string) (name, literal string, ok bool) {
	m := defaultRef.FindStringSubmatch(strings.TrimSpace(value))
	if m == nil {
		return "", "", false
	}
	def := strings.Trim(m[2], `"'`)
	if def == "" || Reference(def) {
		return "", "", false
	}
	return m[1], def, true
}
