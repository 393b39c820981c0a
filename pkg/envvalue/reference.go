package envvalue

import (
	"regexp"
	"strings"
)

// refToken matches one reference to a value kept elsewhere: shell and
// compose interpolation ($VAR, ${VAR}, ${VAR:-default}), GitHub Actions
// expressions (${{ secrets.X }}), Kubernetes dependent variables ($(VAR)),
// Windows %VAR%, Helm and other templates ({{ ... }}) and JavaScript
// environment lookups.
var refToken = regexp.MustCompile(`\$\{\{[^}]*\}\}|\$\{[^}]*\}|\$\([A-Za-z_][A-Za-z0-9_]*\)|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|\{\{[^}]*\}\}|(?:process\.env|import\.meta\.env)\.[A-Za-z_][A-Za-z0-9_]*`)

// storePrefixes begin values that name an entry in a secret store, which
// the platform resolves at deploy time.
var storePrefixes = []string{
	"vault:", "ref+", "op://", "sm://", "secret://", "secretref:",
	"arn:aws:secretsmanager:", "arn:aws:ssm:", "@microsoft.keyvault(",
	"awssm:", "gcpsm:", "doppler:",
	// Values encrypted in place by sops and dotenvx: only their key opens
	// them.
	"enc[", "encrypted:",
}

// Reference reports whether value holds no secret of its own: it is empty,
// made only of references to other variables or templates, or names an entry
// in a secret store. A value that mixes a reference with literal text
// ("postgres://app:${DB_PASSWORD}@db/app") is not a reference: its literal
// part is judged on its own.
func Reference(value string) bool {
	v := strings.TrimSpace(value)
	if v == "" {
		return true
	}
	l := strings.ToLower(v)
	for _, p := range storePrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	rest := refToken.ReplaceAllString(v, "")
	if len(rest) == len(v) {
		return false
	}
	// Glue between references ("${HOST}:${PORT}") is not a literal value.
	return strings.TrimFunc(rest, func(r rune) bool { return strings.ContainsRune(":/@.-_ ,;", r) }) == ""
}
