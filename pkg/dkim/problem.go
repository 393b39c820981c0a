package dkim

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

// truncate shortens s to at most maxValueInMessage bytes without splitting
// a UTF-8 sequence.
func truncate(s string) string {
	if len(s) <= maxValueInMessage {
		return s
	}
	cut := maxValueInMessage
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
