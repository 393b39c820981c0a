package openapi

import (
	"strings"
	"unicode"
)

// splitWords breaks an identifier or path segment into lowercase words at
// separators and camelCase humps: "resetPasswordToken" → reset, password,
// token; "APIKey" → api, key; "sign-in" → sign, in. Digits stay with the
// letters around them ("2fa").
func splitWords(s string) []string {
	var words []string
	rs := []rune(s)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			words = append(words, strings.ToLower(string(rs[start:end])))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			flush(i)
			start = i
		case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return words
}

// normalName folds a parameter name for comparison: lowercase, with
// separators removed, so access_token, accessToken and Access-Token agree.
func normalName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// pathSegments splits a path template into literal segments and parameter
// names ("{invoiceId}" → param invoiceId).
func pathSegments(p string) []segment {
	var out []segment
	for _, s := range strings.Split(p, "/") {
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") && len(s) > 2 {
			out = append(out, segment{text: s[1 : len(s)-1], param: true})
			continue
		}
		out = append(out, segment{text: s})
	}
	return out
}

// segment is one segment of a path template.
type segment struct {
	text  string
	param bool
}
