package envvalue

import (
	"strings"
	"testing"
)

// maxFuzzKey and maxFuzzValue bound FuzzClassify's inputs. Go's fuzzing
// engine minimises every input that reaches new code, with a step that is
// quadratic in the input's length and a budget of a minute
// (-fuzzminimizetime), so a value the mutator has grown to kilobytes
// stalls a run for that minute. Names are words joined by underscores,
// and 64 bytes hold several of them; 128 bytes of value hold a signing
// secret four times the 32 bytes minSigningBytes asks, a base64: key of
// that size, and a URL with user, password, IPv6 host and zone.
const (
	maxFuzzKey   = 64
	maxFuzzValue = 128
)

// FuzzClassify holds every classifier to never panicking on any key and
// value, and to the relations between them: a reference is never a
// placeholder or weak, and a URL is never both local and insecure.
func FuzzClassify(f *testing.F) {
	for _, s := range [][2]string{
		{"SESSION_SECRET", "changeme"},
		{"DATABASE_URL", "postgres://u:p@ss@[::1]:5432/db"},
		{"API_URL", "http://[fe80::1%25en0]:8080/"},
		{"APP_KEY", "base64:%%%"},
		{"NODE_ENV", "${{ secrets.X }}"},
		{"DB_HOST", "localhost:"},
	} {
		if len(s[0]) > maxFuzzKey || len(s[1]) > maxFuzzValue {
			f.Fatalf("seed %q over the %d and %d bytes the target tries", s, maxFuzzKey, maxFuzzValue)
		}
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, key, value string) {
		if len(key) > maxFuzzKey || len(value) > maxFuzzValue {
			return
		}
		SecretName(key)
		ref := Reference(value)
		ph := Placeholder(value)
		weak := WeakReason(key, value)
		local, insecure := LocalURL(value), InsecureURL(value)
		DevMode(key, value)
		if ref && (ph || weak != "") {
			t.Fatalf("%q is a reference and a placeholder (%v) or weak (%q)", value, ph, weak)
		}
		if local && insecure {
			t.Fatalf("%q is both local and insecure", value)
		}
		if weak != "" && strings.Contains(weak, value) && len(value) > 3 {
			t.Fatalf("reason %q repeats the value", weak)
		}
	})
}
