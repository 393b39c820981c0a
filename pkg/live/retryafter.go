package live

import (
	"net/http"
	"strings"
	"time"
)

// maxRetryAfter bounds the parsed delay so arithmetic on it cannot overflow;
// any real limit (MaxRetryWait) is far below it.
const maxRetryAfter = 365 * 24 * time.Hour

// parseRetryAfter reads a Retry-After value: delay-seconds (digits only) or
// an HTTP-date, relative to now. A date in the past is a zero delay. ok is
// false for anything else.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if isDigits(v) {
		var secs int64
		for _, r := range v {
			secs = secs*10 + int64(r-'0')
			if time.Duration(secs)*time.Second > maxRetryAfter {
				return maxRetryAfter, true
			}
		}
		return time.Duration(secs) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	d := t.Sub(now)
	switch {
	case d < 0:
		return 0, true
	case d > maxRetryAfter:
		return maxRetryAfter, true
	}
	return d, true
}

// isDigits reports whether s is non-empty and all ASCII digits.
func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
