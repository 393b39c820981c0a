package cors

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/redact"
)

// credentialsSwitch finds the settings that allow credentials for a whole
// settings file, wherever in it they are written: django-cors-headers
// CORS_ALLOW_CREDENTIALS, Flask-CORS CORS_SUPPORTS_CREDENTIALS and
// Laravel's 'supports_credentials'. The library reads them by name, so
// their distance from the setting that allows every origin does not
// matter. Group 1 or 2 is the value.
var credentialsSwitch = regexp.MustCompile(`(?m)^[ \t]*(?:CORS_ALLOW_CREDENTIALS|CORS_SUPPORTS_CREDENTIALS|app\.config\[\s*["']CORS_SUPPORTS_CREDENTIALS["']\s*\])\s*=\s*(True|False)\b|^[ \t]*["']supports_credentials["']\s*=>\s*((?i:true|false))\b`)

// credentialsOn reports whether data, a settings file, turns credentials
// on for the whole file: the last assignment of a credentials switch is
// true. It returns the assignment's text and line.
func credentialsOn(data []byte) (text string, line int, ok bool) {
	all := credentialsSwitch.FindAllSubmatchIndex(data, -1)
	if len(all) == 0 {
		return "", 0, false
	}
	m := all[len(all)-1]
	value := m[2:4]
	if value[0] < 0 {
		value = m[4:6]
	}
	if !strings.EqualFold(string(data[value[0]:value[1]]), "true") {
		return "", 0, false
	}
	start := m[0] + len(data[m[0]:m[1]]) - len(bytes.TrimLeft(data[m[0]:m[1]], " \t"))
	return string(data[start:m[1]]), bytes.Count(data[:m[0]], []byte("\n")) + 1, true
}

// withFileCredentials turns the allow-all reports of a file that allows
// credentials file-wide into wildcard-with-credentials reports, titled
// title: the library then answers every origin with credentials, however
// many lines apart the two settings are.
func withFileCredentials(title string, data []byte, reports []check.Report) []check.Report {
	if !slices.ContainsFunc(reports, isRule(ruleAllowAll)) {
		return reports
	}
	text, line, ok := credentialsOn(data)
	if !ok {
		return reports
	}
	out := make([]check.Report, 0, len(reports))
	for _, r := range reports {
		if r.Rule == ruleAllowAll {
			r.Rule = ruleWildcardCreds
			r.Message = title + " in " + quoted(r.Message) +
				", and `" + redact.Excerpt(text, maxExcerpt) + "` on line " + strconv.Itoa(line) +
				" allows credentials for the whole file, so the CORS library answers any origin with the user's cookies"
			r.Key = ruleWildcardCreds + strings.TrimPrefix(r.Key, ruleAllowAll)
		}
		out = append(out, r)
	}
	return out
}

// isRule returns a test for reports of rule.
func isRule(rule string) func(check.Report) bool {
	return func(r check.Report) bool { return r.Rule == rule }
}

// quoted is the quoted excerpt that ends a line rule's message, "Title:
// `excerpt`", or the whole message when it quotes nothing.
func quoted(msg string) string {
	if i := strings.IndexByte(msg, '`'); i >= 0 {
		return msg[i:]
	}
	return msg
}

// maxExcerpt bounds the setting text quoted in a message, as the line
// engine bounds its excerpts.
const maxExcerpt = 80
