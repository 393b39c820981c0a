package secretscan

import (
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/secrets"
)

// binaryPrefix opens the message of a secret found in a binary file.
const binaryPrefix = "In the printable strings of this binary file: "

// Rules whose findings in a binary file are kept even though their value
// shows no provider marker: the AWS pair is anchored on its AKIA… key ID,
// which is, and a private JWK or a Tink keyset is found by its structure,
// which random runs do not have.
var structuralRules = map[string]bool{
	"secret/aws-access-key-pair": true, "secret/jwk-private-key": true, "secret/tink-keyset": true,
}

// Rules never reported from a binary file: gitleaks' catch-all "key-like
// name, random-looking value" fires on the random runs every compressed
// or compiled file has.
const ruleGenericKey = "secret/generic-api-key"

// binaryReport turns a secret found among the printable strings of the
// binary file at path into a report, keeping only what is worth a
// reviewer's time there: a value in a provider's own format (ghp_…,
// AKIA…, sk_live_…, a PEM block), and a rule that fires on the file's
// name or its first bytes (a key store), and one found by its structure (a
// private JWK). Secrets found by entropy or by a nearby key name are dropped as
// noise. A binary file has no lines, so the report is about the whole file.
func binaryReport(path string, sec secrets.Secret, ofChange bool) (check.Report, bool) {
	if sec.RuleID == ruleGenericKey || !(sec.Marker != "" || sec.WholeFile || structuralRules[sec.RuleID]) {
		return check.Report{}, false
	}
	r := report(path, sec, ofChange)
	r.Line, r.Column, r.EndLine = 0, 0, 0
	r.Message = binaryPrefix + sec.Message
	return r, true
}
