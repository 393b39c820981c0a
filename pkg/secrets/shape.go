package secrets

import (
	"regexp"
	"strings"
)

// uuidRe is a UUID: the shape of a record's identifier.
var uuidRe = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// minCredential is the shortest value with the shape of a generated key:
// providers issue keys of 20 characters and more, and shorter random
// strings are record IDs (hashids, nanoids) more often than keys.
// Passwords are exempt: people pick short ones.
const minCredential = 16

// idShape says why a value found by its name has the shape of an
// identifier or a word rather than a credential, or "" when it has a
// credential's shape: long enough, and random in the way generated keys
// are (digits among letters, or letters of both cases). A UUID is an
// identifier's shape unless the name says credential: several providers
// issue their tokens and API keys as UUIDs.
func idShape(value string, strength nameStrength) string {
	v := strings.Trim(value, `"'`+"`")
	switch {
	case uuidRe.MatchString(v) && strength == weakName:
		return "a UUID, the shape of a record's identifier"
	case strings.Trim(v, "0123456789.-:") == "":
		return "a number"
	case strength != passwordName && len(v) < minCredential:
		return "too short for a generated key"
	case !hasDigit(v) && (v == strings.ToLower(v) || v == strings.ToUpper(v)):
		return "words, not random characters"
	}
	return ""
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}
