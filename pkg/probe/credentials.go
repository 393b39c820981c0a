package probe

import (
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/config"
)

// Credentials are the values that must never reach an output, for the
// redactor and for a CI log's masks: each whole header value of ids, the
// credential after an authentication scheme ("Bearer <token>", "Basic
// <token>"; the scheme word itself is no secret), each further
// space-separated part, each dot-separated part of a JWT and each cookie
// value of 8 characters or more. Parts shorter than 4 bytes are left out:
// masking them would blot out ordinary words. The list has no duplicates.
func Credentials(ids []config.Identity) []string {
	var out []string
	add := func(v string) {
		if len(v) >= minCredential && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	for _, v := range config.HeaderValues(ids) {
		add(v)
		fields := strings.Fields(v)
		if len(fields) > 1 && isScheme(fields[0]) {
			add(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), fields[0])))
			fields = fields[1:]
		}
		for _, f := range fields {
			add(f)
			for _, seg := range strings.Split(f, ".") {
				if len(seg) >= 8 {
					add(seg)
				}
			}
			for _, kv := range strings.Split(f, ";") {
				if _, val, ok := strings.Cut(kv, "="); ok && len(val) >= 8 {
					add(val)
				}
			}
		}
	}
	return out
}

// minCredential is the shortest part Credentials returns.
const minCredential = 4

// isScheme reports whether s reads as an HTTP authentication scheme
// (Bearer, Basic, Token, Digest): letters only, as the registered ones
// are.
func isScheme(s string) bool {
	if len(s) > 20 {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return false
		}
	}
	return true
}
