package envvalue

import (
	"encoding/base64"
	"math"
	"strings"
)

// minGeneratedLen is the shortest value Generated considers: shorter
// strings are words, ports and default passwords, not generated keys.
const minGeneratedLen = 16

// minGeneratedEntropy is the Shannon entropy, in bits per character, above
// which a value reads as random: generated keys of base62 or hex are at 3.7
// and above, phrases such as "super-duper-s3cret" under 3.4.
const minGeneratedEntropy = 3.5

// Generated reports whether value looks like a key a machine generated,
// rather than a word, a phrase or a placeholder someone typed: a Laravel
// "base64:" key of at least 16 bytes, or a string of at least 16
// characters without spaces whose characters are as varied as random
// output. Example env files are expected to hold typed defaults
// ("crater", "secret-key", "super-duper-s3cret"); a generated key in one
// is a key every installation that copies the example shares.
func Generated(value string) bool {
	v := strings.TrimSpace(value)
	if Reference(v) || Placeholder(v) {
		return false
	}
	if rest, ok := strings.CutPrefix(v, "base64:"); ok {
		b, err := base64.StdEncoding.DecodeString(rest)
		return err == nil && len(b) >= minGeneratedLen
	}
	if len(v) < minGeneratedLen || strings.ContainsAny(v, " \t") || phrase(v) {
		return false
	}
	return entropy(v) >= minGeneratedEntropy
}

// phrase reports whether v is words joined by dashes, underscores or dots
// ("portal-jwt-signing-key-for-local-dev-only"): three words or more,
// each of letters only.
func phrase(v string) bool {
	words := strings.FieldsFunc(v, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	if len(words) < 3 {
		return false
	}
	for _, w := range words {
		for _, r := range w {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				return false
			}
		}
	}
	return true
}

// entropy is the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	h := 0.0
	n := float64(len(s))
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}
