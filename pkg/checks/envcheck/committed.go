package envcheck

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/envvalue"
	"github.com/launchgate/launchgate/pkg/finding"
)

// maxNamedKeys bounds the keys one message lists.
const maxNamedKeys = 4

// committedReport reports f when it holds real-looking values: any env
// file but an example one with a literal secret, or an example file whose
// secrets are not placeholders. It is one report per file, at the first
// such value, whose fingerprint is the file alone.
func committedReport(f envFile, fromGit bool, emit func(check.Report)) {
	var keys []string
	line := 0
	example := f.kind == exampleEnv
	for _, e := range f.file.Entries {
		if realLooking(e.Key, e.Value, example) {
			if line == 0 || e.Line < line {
				line = e.Line
			}
			keys = append(keys, e.Key)
		}
	}
	if len(keys) == 0 {
		return
	}
	where := "is present in the checkout"
	if fromGit {
		where = "is committed (tracked by git, or not ignored by it)"
	}
	r := check.Report{Rule: ruleCommitted, File: f.name, Line: line, Key: ruleCommitted + "\x00" + f.name}
	if example {
		// An example is meant to be copied: the key it holds is shared
		// by every installation that copies it without generating its
		// own, not a credential of a running service.
		r.Message = fmt.Sprintf("%s %s and holds what looks like a generated key for %s; every installation that copies the example without replacing it shares the key. Example files should hold empty values or placeholders",
			f.name, where, listKeys(keys))
		r.Capped, r.MaxSeverity = true, finding.Medium
		if why := localExample(f.file.Entries); why != "" {
			r.Message += " (low: " + why + ")"
			r.MaxSeverity = finding.Low
		}
	} else {
		r.Message = fmt.Sprintf("%s %s with literal values for %s; anyone with the repository has them",
			f.name, where, listKeys(keys))
		if why := localRun(f.file.Entries, keys); why != "" {
			r.Message += " (medium: " + why + ")"
			r.Capped, r.MaxSeverity = true, finding.Medium
		}
	}
	emit(r)
}

// realLooking reports whether value, set for key, looks like a real
// credential: a literal value of a secret-named key that is not a
// placeholder or a setting (a boolean, number, duration or rate), or a
// connection URL with a literal password to a host other than this
// machine. Keys named for a test run (DB_TEST_PASSWORD,
// E2E_TEST_USER_PASSWORD) hold throwaway credentials. In an example file, where typed defaults ("crater",
// "secret-key") are the norm, only a value that looks generated counts.
func realLooking(key, value string, example bool) bool {
	if envvalue.Reference(value) || envvalue.Placeholder(value) || envvalue.Setting(key, value) || testKey(key) {
		return false
	}
	if envvalue.SecretName(key) {
		return !example || envvalue.Generated(value)
	}
	pw, ok := urlPassword(value)
	if !ok || envvalue.Reference(pw) || envvalue.Placeholder(pw) || envvalue.LocalURL(value) {
		return false
	}
	return !example || envvalue.Generated(pw)
}

// urlPassword is the password of a URL with user:password@, if any.
func urlPassword(value string) (string, bool) {
	if !strings.Contains(value, "://") || !strings.Contains(value, "@") {
		return "", false
	}
	u, err := url.Parse(strings.TrimSpace(value))
	if err != nil || u.User == nil {
		return "", false
	}
	return u.User.Password()
}

// listKeys names keys for a message: "A", "A and B", "A, B, C and 2 more".
func listKeys(keys []string) string {
	switch n := len(keys); {
	case n == 1:
		return keys[0]
	case n <= maxNamedKeys:
		return strings.Join(keys[:n-1], ", ") + " and " + keys[n-1]
	default:
		return strings.Join(keys[:maxNamedKeys-1], ", ") + fmt.Sprintf(" and %d more", n-maxNamedKeys+1)
	}
}

// testWords in a key say it is for a test run, not for an environment
// anyone uses.
var testWords = map[string]bool{"TEST": true, "TESTS": true, "TESTING": true, "E2E": true, "CI": true, "DUSK": true}

// testKey reports whether key is named for a test run.
func testKey(key string) bool {
	for _, w := range strings.FieldsFunc(strings.ToUpper(key), func(r rune) bool { return r == '_' || r == '-' || r == '.' }) {
		if testWords[w] {
			return true
		}
	}
	return false
}
