package cors

import (
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
)

// unhideExcerpts rewrites the messages of the credentials rules from
// "… with credentials: `excerpt`" to "… with credentials in `excerpt`":
// the redactor reads a credential-like word followed by a colon and a
// quoted value as an assignment of a secret and hides the value, which
// here is only the CORS setting that was matched.
func unhideExcerpts(reports []check.Report) []check.Report {
	for i, r := range reports {
		if r.Rule != ruleWildcardCreds && r.Rule != ruleReflected {
			continue
		}
		if j := strings.Index(r.Message, ": `"); j >= 0 {
			reports[i].Message = r.Message[:j] + " in " + r.Message[j+2:]
		}
	}
	return reports
}
