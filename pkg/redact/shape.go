package redact

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// markers are the fixed prefixes providers put in front of a secret's
// random part so that scanners can recognise it. Showing one says what kind
// of secret it is and reveals nothing of the secret itself. Longer markers
// come first so "sk-ant-" wins over "sk-".
var markers = [...]string{
	"AGE-SECRET-KEY-1", "-----BEGIN", "github_pat_", "sb_secret_",
	"sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_",
	"sk-proj-", "sk-ant-", "dop_v1_", "doo_v1_", "dor_v1_", "shpat_", "shpss_",
	"shpca_", "shppa_", "glpat-", "glptt-", "gldt-", "glrt-", "glsa_", "glc_",
	"xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxe-", "xapp-", "sq0atp-", "sq0csp-",
	"pypi-", "PMAK-", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "npm_", "ops_",
	"hvs.", "hvb.", "ya29.", "AKIA", "ASIA", "ABIA", "ACCA", "AIza", "SG.",
	"sk-", "hf_", "eyJ",
}

// minRandom is how many bytes must follow a marker for it to mark a secret
// rather than a word that happens to start the same way.
const minRandom = 8

// Marker returns the public marker value starts with, or "". A marker is
// returned only when a random part of at least 8 bytes follows it.
func Marker(value string) string {
	for _, m := range markers {
		if strings.HasPrefix(value, m) && len(value) >= len(m)+minRandom {
			return m
		}
	}
	return ""
}

// Value shows a secret as its public marker and its length:
// "sk_live_…(redacted, 32 chars)". It is the only form in which launchgate
// prints a value it takes for a secret.
func Value(value string) string {
	return fmt.Sprintf("%s…(redacted, %d chars)", Marker(value), utf8.RuneCountInString(value))
}

// maxQuoted is the longest value Quote shows.
const maxQuoted = 48

// Quote is how an error shows a value the user wrote where something else
// belongs (an unknown key, a severity, a method): quoted, when it is short
// and nothing in it looks like a secret, else only its length. A token
// pasted into the wrong field of a config file is then not echoed back
// into a CI log.
func Quote(v string) string {
	if n := utf8.RuneCountInString(v); n > maxQuoted || looksRandom(v) || (*Redactor)(nil).String(v) != v {
		return fmt.Sprintf("(a value of %d characters, not shown)", n)
	}
	return strconv.Quote(v)
}
