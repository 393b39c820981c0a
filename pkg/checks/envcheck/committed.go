package envcheck

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/envvalue"
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
	for _, e := range f.file.Entries {
		if realLooking(e.Key, e.Value) {
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
	var msg string
	if f.kind == exampleEnv {
		msg = fmt.Sprintf("%s %s and holds what looks like a real value for %s; example files should hold empty values or placeholders",
			f.name, where, listKeys(keys))
	} else {
		msg = fmt.Sprintf("%s %s with literal values for %s; anyone with the repository has them",
			f.name, where, listKeys(keys))
	}
	emit(check.Report{Rule: ruleCommitted, File: f.name, Line: line, Message: msg, Key: ruleCommitted + "\x00" + f.name})
}

// realLooking reports whether value, set for key, looks like a real
// credential: a literal, non-placeholder value of a secret-named key, or a
// connection URL with a literal password to a host other than this machine.
func realLooking(key, value string) bool {
	if envvalue.Reference(value) || envvalue.Placeholder(value) {
		return false
	}
	if envvalue.SecretName(key) {
		return true
	}
	pw, ok := urlPassword(value)
	return ok && !envvalue.Reference(pw) && !envvalue.Placeholder(pw) && !envvalue.LocalURL(value)
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
