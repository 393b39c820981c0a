package secrets

import (
	"strings"

	"github.com/zricethezav/gitleaks/v8/config"
)

// stopWordJudge reports whether a stop word of an allowlist allows a
// secret.
type stopWordJudge func(a *config.Allowlist, secret string) bool

// gitleaksStopWord is gitleaks' judgement: any stop word anywhere in the
// secret, in any case.
func gitleaksStopWord(a *config.Allowlist, secret string) bool {
	ok, _ := a.ContainsStopWord(secret)
	return ok
}

// stopWordAllows reports whether a stop word of allowlist a says secret
// is a word rather than a key. gitleaks lets a stop word anywhere in the
// secret, in any case, allow it; its generic rule lists some 1,400, many of
// three to five letters, so one random key in a few hundred contains one
// by chance ("…iSEnDZ…", "…USpECOW…"). Here a stop word allows a secret
// only when the secret does not look generated anyway (looksGenerated),
// or when a word of it holds the stop word (stopWordsIn) and what is left
// without those words does not look generated: "myTestKey",
// "ruby-builder-token-01" and "mlkem768Ciphertext" are words, while a
// random key that happens to spell "View" is still random without it,
// and one that spells "SEnD" across case changes holds no such word.
func stopWordAllows(a *config.Allowlist, secret string) bool {
	if !gitleaksStopWord(a, secret) {
		return false
	}
	if !looksGenerated(secret) {
		return true
	}
	words := stopWordsIn(a.StopWords, secret)
	if len(words) == 0 {
		return false
	}
	return !looksGenerated(cutSpans(secret, words))
}

// minClassChanges is the share of neighbouring letters and digits that
// change class (lower case, upper case, digit) in a value that looks
// generated. Random base62 changes at 62% of them, hex at 47%, base36 at
// 40%, base32 at 30% (one 32-character key in a hundred below 12%);
// kebab-case and snake_case words with a number hardly ever
// ("unit-run-signing-key-0001"), words glued to a year at 10% or less
// ("hackathon2019secretkey").
const minClassChanges = 0.12

// maxCamelCapitals is the share of its capitals above which a value is
// camelCase words: a capital then two lower-case letters begins a word,
// as each of "portalSessionSigningKey"'s do, and one capital in five of a
// random key's.
const maxCamelCapitals = 0.75

// minGeneratedEntropy is the Shannon entropy, in bits per byte, at or
// above which looksGenerated reads a value as random, the least gitleaks'
// generic rule asks of a secret.
const minGeneratedEntropy = 3.5

// looksGenerated reports whether v looks like a key a machine made: at
// least minCredential bytes without spaces, varied as random output, its
// letters and digits changing class as often as random characters do,
// digits among its letters when they have one case (hex, base32), and
// not most of its capitals beginning camelCase words. It asks nothing of
// the words in v: a random key spells words by chance.
func looksGenerated(v string) bool {
	if len(v) < minCredential || strings.ContainsAny(v, " \t\r\n") || shannonEntropy(v) < minGeneratedEntropy {
		return false
	}
	var count [4]int
	pairs, changes, camel := 0, 0, 0
	for i := 0; i < len(v); i++ {
		c := charClass(v[i])
		count[c]++
		if c == classUpper && i+2 < len(v) && byteLower(v[i+1]) && byteLower(v[i+2]) {
			camel++
		}
		if i == 0 || c == 0 {
			continue
		}
		if p := charClass(v[i-1]); p != 0 {
			pairs++
			if p != c {
				changes++
			}
		}
	}
	lower, upper := count[classLower], count[classUpper]
	if upper >= 2 && float64(camel) > maxCamelCapitals*float64(upper) {
		return false
	}
	if (lower == 0 || upper == 0) && count[classDigit] == 0 {
		return false
	}
	return pairs > 0 && float64(changes) >= minClassChanges*float64(pairs)
}

// Classes of bytes for looksGenerated.
const (
	classOther = iota
	classLower
	classUpper
	classDigit
)

// charClass is the class of c: classLower, classUpper, classDigit or
// classOther.
func charClass(c byte) int {
	switch {
	case byteLower(c):
		return classLower
	case byteUpper(c):
		return classUpper
	case byteDigit(c):
		return classDigit
	}
	return classOther
}

// stopWordsIn returns the words of secret that hold a stop word, matched
// without regard to case (see wordAround): "test" in "myTestKey",
// "text" in "mlkem768Ciphertext", not "send" in "…iSEnDZ…".
func stopWordsIn(stopWords []string, secret string) []span {
	// ASCII lower case keeps offsets: strings.ToLower turns each invalid
	// byte into three.
	lower := string(asciiLower(secret))
	bounds := wordBounds(secret)
	var out []span
	for _, w := range stopWords {
		w = string(asciiLower(w))
		if w == "" {
			continue
		}
		for from := 0; from+len(w) <= len(lower); {
			i := strings.Index(lower[from:], w)
			if i < 0 {
				break
			}
			start := from + i
			if sp, ok := wordAround(secret, bounds, start, start+len(w)); ok {
				out = append(out, sp)
			}
			from = start + 1
		}
	}
	return out
}

// wordAround returns the words of s that s[start:end] lies in: its
// letters and digits widened to the nearest bounds on either side. ok is
// false when those words are not in one case form (lower, UPPER or Title):
// then the stop word straddles case changes, as random characters do
// ("…iSEnDZ…"), and no word of s holds it. A stop word's own separators
// ("bot_", "app.") bound it on their side.
func wordAround(s string, bounds []bool, start, end int) (sp span, ok bool) {
	for start < end && !byteAlnum(s[start]) {
		start++
	}
	for end > start && !byteAlnum(s[end-1]) {
		end--
	}
	if start == end {
		return span{start, end}, true
	}
	for !bounds[start] {
		start--
	}
	for !bounds[end] {
		end++
	}
	return span{start, end}, oneCaseForm(s[start:end])
}

// oneCaseForm reports whether the letters of s are all lower case, all
// upper case, or a capital followed by lower case only.
func oneCaseForm(s string) bool {
	var upper, lower, upperAfterFirst, letters int
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case byteUpper(c):
			upper++
			if letters > 0 {
				upperAfterFirst++
			}
			letters++
		case byteLower(c):
			lower++
			letters++
		}
	}
	return upper == 0 || lower == 0 || upperAfterFirst == 0
}

// wordBounds splits s into words as code names are split, and returns,
// for each offset 0…len(s), whether a word begins or ends there: at
// either end of s, on both sides of every byte that is not an ASCII letter
// or digit (_ - . / and the rest), between a letter and a digit, before a
// capital that follows a lower-case letter ("my|Test|Key"), and before
// the capital that begins a word after an acronym ("HTTP|Server").
func wordBounds(s string) []bool {
	b := make([]bool, len(s)+1)
	b[0], b[len(s)] = true, true
	for i := 1; i < len(s); i++ {
		p, c := s[i-1], s[i]
		switch {
		case !byteAlnum(p) || !byteAlnum(c):
			b[i] = true
		case byteDigit(p) != byteDigit(c):
			b[i] = true
		case byteLower(p) && byteUpper(c):
			b[i] = true
		case byteUpper(p) && byteUpper(c) && i+1 < len(s) && byteLower(s[i+1]):
			b[i] = true
		}
	}
	return b
}

// cutSpans returns s without the bytes the spans cover.
func cutSpans(s string, spans []span) string {
	drop := make([]bool, len(s))
	for _, sp := range spans {
		for i := max(sp.start, 0); i < min(sp.end, len(s)); i++ {
			drop[i] = true
		}
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if !drop[i] {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func byteAlnum(c byte) bool  { return byteLetter(c) || byteDigit(c) }
func byteLetter(c byte) bool { return byteLower(c) || byteUpper(c) }
func byteDigit(c byte) bool  { return c >= '0' && c <= '9' }
func byteLower(c byte) bool  { return c >= 'a' && c <= 'z' }
func byteUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
