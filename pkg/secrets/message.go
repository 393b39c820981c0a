package secrets

import (
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/redact"
)

// rotateFirst is the fix every secret message ends with: a secret that was
// pushed may already be copied, so removing it alone fixes nothing.
const rotateFirst = "Rotate it first: revoke it at the provider and issue a new one, since anyone who could read this file may have copied it. Then remove it and load it at run time from an environment variable or a secret manager."

// replaceKey is the fix for a private key, a key store or a keyset: a key
// is not revoked at a provider but replaced everywhere it is trusted.
const replaceKey = "Replace the key first: make a new one, move every signer and every party that trusts the old one to it, then revoke the old one (drop it from published key sets, revoke certificates issued for it), since anyone who could read this file may have copied it. Then keep keys out of the repository: load them at run time from a secret manager or a key management service."

// message says what a Secret is and what to do, quoting nothing of the
// value beyond s.Redacted (and of an AWS pair's ID beyond its redacted
// form). Where it is, the finding's location says.
func message(c *candidate, s Secret) string {
	fix := rotateFirst
	if keyMaterialRules[c.rule] || c.store.rule() != "" {
		fix = replaceKey
	}
	if c.why != "" {
		fix = c.why
	}
	switch {
	case c.pathOnly && c.what != "":
		return fmt.Sprintf("%s (%s): the file itself is the secret, its keys guarded only by the store password, which anyone with a copy can try offline. %s", s.Title, c.what, fix)
	case c.pathOnly:
		return fmt.Sprintf("%s: the file itself is the secret. %s", s.Title, fix)
	case c.what != "":
		return fmt.Sprintf("%s: %s (%s). %s", s.Title, c.what, s.Redacted, fix)
	case c.rule == rulePublicEnv:
		kind := "a value its name marks as secret"
		if c.innerKind != "" {
			kind = withArticle(c.innerKind)
		}
		return fmt.Sprintf("%s holds %s (%s); variables with a public prefix are compiled into the browser bundle, so every visitor gets it. Rotate it first, then move it to a server-only variable without the public prefix and call the provider from the server.",
			c.envName, kind, s.Redacted)
	case c.rule == ruleConnString:
		what := "A URL"
		switch {
		case dbSchemes[c.scheme]:
			what = "A " + c.scheme + " connection string"
		case c.scheme != "":
			what = "A " + c.scheme + ":// URL"
		}
		return fmt.Sprintf("%s embeds a password (%s). %s", what, s.Redacted, fix)
	case c.rule == ruleAWSPair:
		return fmt.Sprintf("An AWS access key ID (%s) with its secret access key (%s): together they sign requests as the key's IAM user or role. %s",
			redact.Value(c.pairID), s.Redacted, rotateFirst)
	case c.rule == ruleAWSSecretKey:
		return fmt.Sprintf("An AWS secret access key (%s); its access key ID is not kept secret (presigned URLs and CloudTrail records carry it), so whoever finds the ID can sign requests with it. %s",
			s.Redacted, fix)
	}
	return fmt.Sprintf("%s (%s). %s", s.Title, s.Redacted, fix)
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
