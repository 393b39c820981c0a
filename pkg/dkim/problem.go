package dkim

import "github.com/launchgate/launchgate/pkg/tagvalue"

// Rule identifiers emitted by this package.
const (
	// RuleWeakKey fires for RSA keys too short to trust, or keys limited
	// to SHA-1.
	RuleWeakKey = "dns/dkim-weak-key"
	// RuleTesting fires for keys flagged t=y.
	RuleTesting = "dns/dkim-testing"
	// RuleRevoked fires when every key found is revoked (empty p=).
	RuleRevoked = "dns/dkim-revoked"
	// RuleInvalid is for the check to report a record ParseKey refused.
	RuleInvalid = "dns/dkim-invalid"
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

// Problem is one judgement about a DKIM key: which rule, how bad, a
// one-sentence message saying what is wrong and how to fix it, the selector
// and the tag it concerns.
type Problem struct {
	Rule     string
	Severity string
	Message  string
	Selector string
	Tag      string
}

// truncate shortens s to at most maxValueInMessage bytes, so messages
// stay bounded whatever was published.
func truncate(s string) string { return tagvalue.Truncate(s, maxValueInMessage) }
