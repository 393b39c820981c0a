package secrets

import (
	"fmt"
	"strings"
)

// rotateFirst is the fix every secret message ends with: a secret that was
// pushed may already be copied, so removing it alone fixes nothing.
const rotateFirst = "Rotate it first: revoke it at the provider and issue a new one, since anyone who could read this file may have copied it. Then remove it and load it at run time from an environment variable or a secret manager."

// message says what a Secret is and what to do, quoting nothing of the
// value beyond s.Redacted. Where it is, the finding's location says.
func message(c *candidate, s Secret) string {
	switch {
	case c.pathOnly:
		return fmt.Sprintf("%s: the file itself is the secret. %s", s.Title, rotateFirst)
	case c.rule == rulePublicEnv:
		kind := "a value its name marks as secret"
		if c.innerKind != "" {
			kind = withArticle(c.innerKind)
		}
		return fmt.Sprintf("%s holds %s (%s); variables with a public prefix are compiled into the browser bundle, so every visitor gets it. Rotate it first, then move it to a server-only variable without the public prefix and call the provider from the server.",
			c.envName, kind, s.Redacted)
	case c.rule == ruleConnString:
		scheme := c.scheme
		if scheme == "" {
			scheme = "database"
		}
		local := ""
		if localHosts[c.host] {
			local = " It points at a local host, so it is likely a development password; make sure it is not used anywhere else."
		}
		return fmt.Sprintf("A %s connection string embeds a password (%s).%s %s", scheme, s.Redacted, local, rotateFirst)
	}
	return fmt.Sprintf("%s (%s). %s", s.Title, s.Redacted, rotateFirst)
}

// withArticle puts "a" or "an" before a kind of secret, lowering the
// generic ones: "a Stripe access token", "an AWS access token", "a generic
// API key".
func withArticle(kind string) string {
	if strings.HasPrefix(kind, "Generic ") {
		kind = "generic " + kind[len("Generic "):]
	}
	if kind != "" && strings.ContainsRune("AEIOUaeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}
