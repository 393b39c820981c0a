package spf

import "github.com/launchgate/launchgate/pkg/finding"

// The rule ids a Problem carries. They are a contract with the check that
// turns problems into findings.
const (
	// RuleMissing: the domain publishes no v=spf1 TXT record.
	RuleMissing = "dns/spf-missing"
	// RuleMultipleRecords: more than one v=spf1 record, a permanent error.
	RuleMultipleRecords = "dns/spf-multiple-records"
	// RulePermissiveAll: the policy lets every sender pass (+all, an
	// include of a +all record, ip4:0.0.0.0/0) or leaves them neutral
	// (?all, or no all at all), directly or through redirect=.
	RulePermissiveAll = "dns/spf-permissive-all"
	// RuleTooManyLookups: more than MaxLookups DNS-querying terms, more
	// than MaxVoidLookups void lookups, or an mx term with more than
	// MaxMXNames exchanges.
	RuleTooManyLookups = "dns/spf-too-many-lookups"
	// RuleInvalid: a syntax error, an include or redirect of a domain
	// without SPF, or an include or redirect loop.
	RuleInvalid = "dns/spf-invalid"
	// RuleSoftfailUnenforced: the final all is ~all while DMARC does not
	// enforce. Evaluate never emits it, since DMARC is judged elsewhere:
	// the caller decides from Result.FinalAll.
	RuleSoftfailUnenforced = "dns/spf-softfail-unenforced"
	// RulePTR: the record uses the ptr mechanism, which RFC 7208 §5.5 says
	// not to use.
	RulePTR = "dns/spf-ptr"
)

// Problem is one thing wrong with a domain's SPF.
type Problem struct {
	// Rule is one of the Rule constants.
	Rule string
	// Severity is a hint; the check owning the rule has the last word.
	Severity finding.Severity
	// Term is the term at fault as written, empty when the problem is
	// about a record or the whole policy.
	Term string
	// Domain is the domain whose record holds the problem.
	Domain string
	// Message explains the problem in a sentence.
	Message string
}
