package debug

import (
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/envvalue"
)

// valueJudge decides whether the literal a rule captured makes the match
// fire, and says why in words that never include the literal.
type valueJudge func(value string) (reason string, fires bool)

// signingKeyName is the key the signing-secret judgement measures a
// literal as: envvalue's rules for a signing secret's length apply to it.
const signingKeyName = "SECRET_KEY"

// djangoInsecure begins the key Django's startproject writes, marked by
// Django itself as not for production.
const djangoInsecure = "django-insecure-"

// judgeFor returns the judgement of a catalog Match.Value kind, or nil
// when the rule has none. The catalog rejects unknown kinds.
func judgeFor(kind string) (valueJudge, error) {
	switch kind {
	case "":
		return nil, nil
	case catalog.ValueSigningSecret:
		return judgeSigningSecret, nil
	}
	return nil, fmt.Errorf("unknown match value %q", kind)
}

// judgeSigningSecret judges a literal written in code as the key that
// signs sessions, cookies or tokens. Django's insecure development key, a
// placeholder, a literal shorter than a signing key needs and a typed
// phrase all fire: whoever reads the code, or guesses the word, can forge
// sessions. An empty literal or a reference to a value kept elsewhere
// holds no secret. A key that looks generated (envvalue.Generated: 16
// characters or more of random-looking text) and a PEM key are left to
// the secret rules, which report committed keys and would report this one
// too.
func judgeSigningSecret(value string) (string, bool) {
	v := strings.TrimSpace(value)
	switch {
	case envvalue.Reference(v):
		return "", false
	case strings.HasPrefix(strings.ToLower(v), djangoInsecure):
		return "Django's insecure development key, which Django marks as not for production", true
	case envvalue.Placeholder(v):
		return "a placeholder anyone can guess", true
	case strings.Contains(v, "-----BEGIN") || envvalue.Generated(v) && !camelWords(v):
		return "", false
	}
	if why := envvalue.WeakReason(signingKeyName, v); why != "" {
		return fmt.Sprintf("a literal of %d characters, %s", len(v), why), true
	}
	return "a typed phrase rather than a generated key, and in the code for anyone who reads it", true
}

// minCamelWord is the shortest word camelWords accepts: random letters
// break into fragments shorter than that at almost every capital.
const minCamelWord = 2

// camelWords reports whether v is words run together in camel case
// ("SomeRandomString", Laravel 4's placeholder key): letters only, two
// words or more, each a capital, or at the start any letter, followed by
// lowercase letters, minCamelWord letters at least. Such a value is typed,
// however varied its letters.
func camelWords(v string) bool {
	words, n := 0, 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= 'A' && c <= 'Z':
			if i > 0 && n < minCamelWord {
				return false
			}
			words, n = words+1, 1
		case c >= 'a' && c <= 'z':
			if i == 0 {
				words = 1
			}
			n++
		default:
			return false
		}
	}
	return words >= 2 && n >= minCamelWord
}

// maskValue returns a copy of match with the literal at span replaced by
// an ellipsis, so a fingerprint made of the match does not carry the
// secret and survives its replacement by another literal.
func maskValue(match []byte, span [2]int) []byte {
	start, end := min(span[0], len(match)), min(span[1], len(match))
	start = min(start, end)
	out := make([]byte, 0, len(match)-(end-start)+len("…"))
	out = append(out, match[:start]...)
	out = append(out, "…"...)
	return append(out, match[end:]...)
}
