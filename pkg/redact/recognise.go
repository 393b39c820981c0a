package redact

import (
	"math"
	"regexp"
	"strings"
)

// The built-in recognisers. They are compiled once and never change, like
// the constants they are; each one finds candidate values and the judge
// functions below decide which are secrets.
var (
	// markerRE finds a provider's public marker at the start of a token
	// followed by its random part.
	markerRE = regexp.MustCompile(`\b(?:` + markerAlternation() + `)[A-Za-z0-9_\-+/=.]{8,}`)
	// pemRE finds a private key block, to its end or to the end of the text
	// when a message cut it short.
	pemRE = regexp.MustCompile(`-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?s:.*?)(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)`)
	// userinfoRE finds the userinfo of a URL: scheme://user:password@host.
	userinfoRE = regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.\-]{0,30}://([^\s/?#@"'<>` + "`" + `\\]+)@`)
	// queryRE finds name=value pairs of a URL's query.
	queryRE = regexp.MustCompile(`[?&;]([A-Za-z0-9_.\-\[\]]{1,64})=([^&#\s"'<>` + "`" + `]*)`)
	// schemeRE finds an Authorization header's credentials.
	schemeRE = regexp.MustCompile(`(?i)\b(?:bearer|basic|token)\s+([A-Za-z0-9._~+/\-]{8,}=*)`)
	// assignRE finds a value assigned to a credential-like name in code,
	// config or env files: `secret: "…"`, `password=…`, `"api_key" => '…'`.
	assignRE = regexp.MustCompile(`(?i)[A-Za-z0-9_.\-]*(?:secret|passw(?:or)?d|pwd|token|api[_\-]?key|access[_\-]?key|private[_\-]?key|signing[_\-]?key|session[_\-]?key|encryption[_\-]?key|master[_\-]?key|credential|authorization|salt)[A-Za-z0-9_.\-]*["']?\s*(?::=|=>|[:=])\s*(?:"([^"\n]*)"|'([^'\n]*)'|` + "`([^`\\n]*)`" + `|([^\s,;&#)}\]"'` + "`" + `]+))`)
	// quotedRE finds quoted strings that may be key material.
	quotedRE = regexp.MustCompile(`["'` + "`" + `]([A-Za-z0-9+/=_\-.]{20,})["'` + "`" + `]`)
	// tokenRE finds long unquoted tokens that may be key material.
	tokenRE = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9+/_\-]{31,}={0,2}`)
	// cutRE finds a token that a message cut short: its end is an
	// ellipsis, so what follows it on the line is unknown.
	cutRE = regexp.MustCompile(`[A-Za-z0-9+/_\-.]{8,}…`)
	// referenceRE matches what stands for a value without being one: a
	// variable, a template placeholder or a format verb.
	referenceRE = regexp.MustCompile(`^(?:\$\{[^}]*\}|\$\{\{[^}]*\}\}|\{\{[^}]*\}\}|\$[A-Za-z_][A-Za-z0-9_]*|%[sdv]|<[^<>]*>|\*+|x+|X+|….*|\.\.\.)$`)
	// codeRefRE matches an unquoted value that is code reading a value from
	// elsewhere: process.env.X, os.Getenv("X"), config.secret, settings[…].
	codeRefRE = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*(?:(?:\.|::|->)[A-Za-z_$][A-Za-z0-9_$]*)+[(\[]?|^[A-Za-z_$][A-Za-z0-9_$.]*[(\[]`)
)

// markerAlternation is the markers that start with a word character, as
// an alternation for markerRE (the PEM marker has its own expression).
func markerAlternation() string {
	var parts []string
	for _, m := range markers {
		if m[0] == '-' {
			continue
		}
		parts = append(parts, regexp.QuoteMeta(m))
	}
	return strings.Join(parts, "|")
}

// builtinSpans finds the secret values in s that the package recognises
// without a Detector.
func builtinSpans(s string) []Span {
	var out []Span
	p := newPrefilter(s)
	add := func(start, end int) {
		if start >= 0 && start < end {
			out = append(out, Span{start, end})
		}
	}
	if p.marker() {
		for _, m := range markerRE.FindAllStringIndex(s, -1) {
			add(m[0], m[1])
		}
	}
	if strings.Contains(s, "-----BEGIN") {
		for _, m := range pemRE.FindAllStringIndex(s, -1) {
			add(m[0], m[1])
		}
	}
	if strings.Contains(s, "://") {
		for _, m := range userinfoRE.FindAllStringSubmatchIndex(s, -1) {
			userinfo := s[m[2]:m[3]]
			if i := strings.IndexByte(userinfo, ':'); i >= 0 {
				if pw := userinfo[i+1:]; pw != "" && !isReference(pw) {
					add(m[2]+i+1, m[3])
				}
				// A user name that is itself a token (https://ghp_…:x-oauth@)
				// goes too.
				if user := userinfo[:i]; looksRandom(user) || Marker(user) != "" {
					add(m[2], m[2]+i)
				}
			} else if looksRandom(userinfo) || Marker(userinfo) != "" || len(userinfo) >= 16 {
				// A lone user name long enough to be a token
				// (https://TOKEN@github.com) is taken for one.
				add(m[2], m[3])
			}
		}
	}
	if strings.ContainsAny(s, "?&;") {
		for _, m := range queryRE.FindAllStringSubmatchIndex(s, -1) {
			if v := s[m[4]:m[5]]; v != "" && credentialParam(s[m[2]:m[3]]) && !isReference(v) {
				add(m[4], m[5])
			}
		}
	}
	for _, m := range p.scheme() {
		if schemeSecret(s[m[0]:m[2]], s[m[2]:m[3]]) {
			add(m[2], m[3])
		}
	}
	for _, m := range p.assignments() {
		for g := 1; g <= 4; g++ {
			start, end := m[2*g], m[2*g+1]
			if start < 0 {
				continue
			}
			v := s[start:end]
			// "the credential: tokens are logged" and "secret/x-token:
			// Stripe access token" are prose, not YAML: a plain word after
			// a colon stays.
			if g == 4 && strings.TrimRight(s[m[0]:start], " \t") != "" && strings.HasSuffix(strings.TrimRight(s[m[0]:start], " \t"), ":") && isWord(v) {
				continue
			}
			if assignedSecret(v, g == 4) {
				add(start, end)
			}
		}
	}
	for _, m := range p.quoted() {
		if looksRandom(s[m[2]:m[3]]) {
			add(m[2], m[3])
		}
	}
	if strings.Contains(s, "…") {
		for _, m := range cutRE.FindAllStringIndex(s, -1) {
			end := m[1] - len("…")
			if boundary(s, m[0], end) && cutSecret(s[m[0]:end]) {
				add(m[0], end)
			}
		}
	}
	for _, m := range p.tokens() {
		if boundary(s, m[0], m[1]) && looksRandom(s[m[0]:m[1]]) {
			add(m[0], m[1])
		}
	}
	return out
}

// cutSecret reports whether v, the start of a token a message cut short,
// may be the start of a secret. Its randomness cannot be judged from a
// part, so any mix of letters and digits counts, and letters whose case
// changes as often as random text's; a cut word or identifier
// ("getInvoiceAttachm…") does not.
func cutSecret(v string) bool {
	if Marker(v) != "" {
		return true
	}
	var lower, upper, digit int
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= 'a' && c <= 'z':
			lower++
		case c >= 'A' && c <= 'Z':
			upper++
		case c >= '0' && c <= '9':
			digit++
		}
	}
	if digit > 0 {
		return lower+upper > 0
	}
	// Letters only: as in looksRandom, random text switches case far more
	// often than camelCase does.
	return lower > 0 && upper >= 3 && upper*4 >= lower+upper
}

// boundary reports whether s[start:end] is a whole token: no letter,
// digit or token punctuation continues it on either side. "=" and "."
// before a token end a name (port=…, key.…), so they do not continue it.
func boundary(s string, start, end int) bool {
	tokenByte := func(c byte) bool {
		return c == '_' || c == '-' || c == '+' || c == '/' ||
			c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
	}
	return (start == 0 || !tokenByte(s[start-1])) && (end == len(s) || !(tokenByte(s[end]) || s[end] == '='))
}

// schemeSecret reports whether v, written after an Authorization scheme
// word, is a credential. After "Bearer" or "Basic" anything but a plain
// word or a reference is; after "token", which prose uses too, only what
// looks generated.
func schemeSecret(scheme, v string) bool {
	if isReference(v) {
		return false
	}
	if strings.HasPrefix(strings.ToLower(scheme), "token") {
		return looksRandom(v) || Marker(v) != ""
	}
	return strings.Trim(v, "abcdefghijklmnopqrstuvwxyz") != ""
}

// credentialParams are the words that make a query parameter's value a
// credential: access_token, api_key, X-Amz-Signature, sig (Azure SAS),
// client_secret, password, code (an OAuth authorization code).
var credentialParams = [...]string{"token", "secret", "passw", "pwd", "key", "sig", "auth", "credential", "session", "sid", "code", "jwt", "hash", "otp"}

// credentialParam reports whether a query parameter named name carries a
// credential.
func credentialParam(name string) bool {
	lower := strings.ToLower(name)
	for _, w := range credentialParams {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// nonValues are the literals a credential-like name is set to that hold
// no secret: switches, nulls and empty markers.
var nonValues = [...]string{"true", "false", "yes", "no", "on", "off", "null", "nil", "none", "undefined", "bearer", "basic", "required", "optional", "string", "str", "bool", "int", "secret", "password", "token"}

// assignedSecret reports whether v, assigned to a credential-like name,
// is a value to take out. Unquoted values that are code reading the value
// from somewhere else (process.env.X, config.secret, os.Getenv(…)) and
// small numbers (token limits, lengths) stay.
func assignedSecret(v string, unquoted bool) bool {
	if v == "" || isReference(v) {
		return false
	}
	lower := strings.ToLower(v)
	for _, nv := range nonValues {
		if lower == nv {
			return false
		}
	}
	if unquoted {
		if codeRefRE.MatchString(v) && Marker(v) == "" {
			return false
		}
		if len(v) <= 6 && strings.Trim(v, "0123456789") == "" {
			return false
		}
	}
	return true
}

// isWord reports whether v is a plain word: letters only, as prose and
// titles have after a colon.
func isWord(v string) bool {
	return strings.Trim(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// isReference reports whether v stands for a value instead of being one.
func isReference(v string) bool {
	return referenceRE.MatchString(v)
}

// looksRandom reports whether s looks like generated key material rather
// than a word, a path or a hash: at least 20 bytes, letters and digits
// mixed, not all hexadecimal (hashes and commit IDs), and high entropy.
func looksRandom(s string) bool {
	if len(s) < 20 {
		return false
	}
	var lower, upper, digit, other, hexOnly = 0, 0, 0, 0, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			lower++
			if c > 'f' {
				hexOnly = false
			}
		case c >= 'A' && c <= 'Z':
			upper++
			if c > 'F' {
				hexOnly = false
			}
		case c >= '0' && c <= '9':
			digit++
		case c == '-':
		default:
			other++
			hexOnly = false
		}
	}
	if hexOnly || lower+upper == 0 {
		return false
	}
	if digit == 0 {
		// Letters only: random text switches case about every other
		// letter, camelCase words once a word (UseDeveloperExceptionPage).
		return len(s) >= 24 && lower > 0 && upper*4 >= lower+upper && entropy(s) >= 3.8
	}
	if lower == 0 || upper == 0 {
		// One case only: random base32 (AWS IDs) qualifies, words in
		// CONSTANT_CASE or kebab-case with a version number do not, nor
		// a path (8443/api/projects/prj-0): base64, the one alphabet with
		// a slash, mixes cases.
		if digit < 3 || strings.Contains(s, "/") {
			return false
		}
	}
	return entropy(s) >= 3.5
}

// entropy is the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	var h float64
	n := float64(len(s))
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}
