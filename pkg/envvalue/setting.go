package envvalue

import (
	"regexp"
	"strings"
)

// booleanValues are how configuration says yes or no.
var booleanValues = map[string]bool{
	"true": true, "false": true, "yes": true, "no": true, "on": true,
	"off": true, "y": true, "n": true, "enabled": true, "disabled": true,
	"enable": true, "disable": true,
}

// durationValue is a length of time: 60s, 15m, 1h30m, 7d, 2w, 500ms.
var durationValue = regexp.MustCompile(`^(?i:\d+(?:\.\d+)?\s*(?:ns|us|µs|ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?|y|years?))+$`)

// rateValue is a rate: 60/minute, 100/h, 10/s, 1000 per day.
var rateValue = regexp.MustCompile(`^(?i:\d+(?:\.\d+)?\s*(?:/|per\s+)\s*(?:\d+\s*)?(?:s|sec|second|m|min|minute|h|hr|hour|d|day|w|week|month)s?)$`)

// numberValue is a plain number: 60, 1.5, -1, 5242880.
var numberValue = regexp.MustCompile(`^[-+]?\d+(?:\.\d+)?$`)

// valueNouns end a key whose value is the credential itself: DB_PASSWORD,
// API_KEY, JWT_SECRET, MYSQL_PWD. A number there is a (weak) credential;
// under any other key (TOKEN_TIME_TO_LIVE, tokentimetolive) it is a
// setting.
var valueNouns = []string{"PASSWORD", "PASSWD", "PASS", "PWD", "PW", "PIN", "PASSCODE", "PASSPHRASE", "SECRET", "KEY", "TOKEN", "CREDENTIAL", "CREDENTIALS", "KEY_BASE"}

// Setting reports whether value, set for key, is a setting rather than a
// credential, whatever the key's name: a boolean (true, 0/1 for a key
// that does not end in a secret noun, yes, off, disabled), a duration
// (60s, 15m, 7d), a rate (60/minute, 100 per hour), or a number for a key
// that does not end in a secret noun (TOKEN_TTL=60, tokentimetolive=60;
// DB_PASSWORD=123456 is a weak password, not a setting). References and
// empty values are Reference's.
func Setting(key, value string) bool {
	v := strings.ToLower(strings.TrimSpace(value))
	if v == "" {
		return false
	}
	if booleanValues[v] || durationValue.MatchString(v) || rateValue.MatchString(v) {
		return true
	}
	return numberValue.MatchString(v) && !endsInValueNoun(key)
}

// endsInValueNoun reports whether key's last word is a secret noun, so
// that its value is the credential itself.
func endsInValueNoun(key string) bool {
	k := strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(strings.TrimSpace(key)))
	for _, n := range valueNouns {
		if k == n || strings.HasSuffix(k, "_"+n) {
			return true
		}
		// Keys written without separators (dbpassword, apikey).
		if !strings.Contains(k, "_") && strings.HasSuffix(k, n) {
			return true
		}
	}
	return false
}
