package dmarc

import "github.com/launchgate/launchgate/pkg/tagvalue"

// Rule identifiers emitted by this package.
const (
	// RulePolicyNone fires when the policy does not ask receivers to act.
	RulePolicyNone = "dns/dmarc-policy-none"
	// RulePartial fires when enforcement covers only part of the mail.
	RulePartial = "dns/dmarc-partial"
	// RuleNoReports fires when no aggregate report destination is set.
	RuleNoReports = "dns/dmarc-no-reports"
	// RuleInvalid fires when the record cannot be used as published.
	RuleInvalid = "dns/dmarc-invalid"
)

// Severities used by this package's problems.
const (
	SeverityCritical = "critical"
	SeverityHigh     = "high"
	SeverityMedium   = "medium"
	SeverityLow      = "low"
)

// maxValueInMessage bounds how much of a published value a message repeats.
const maxValueInMessage = 80

// Problem is one judgement about a DMARC record: which rule, how bad, a
// one-sentence message saying what is wrong and how to fix it, and the tag
// it concerns ("" for the record as a whole).
type Problem struct {
	Rule     string
	Severity string
	Message  string
	Tag      string
}

// truncate shortens s to at most maxValueInMessage bytes, so messages
// stay bounded whatever was published.
func truncate(s string) string { return tagvalue.Truncate(s, maxValueInMessage) }
