package dmarc

import (
	"errors"
	"fmt"
)

// ParseError is a syntax error tied to one tag of a record.
type ParseError struct {
	Tag    string
	Reason string
}

// Error names the tag and what is wrong with it.
func (e *ParseError) Error() string {
	return fmt.Sprintf("dmarc tag %s: %s", e.Tag, e.Reason)
}

// InvalidProblem turns an error from Parse into the dns/dmarc-invalid
// problem the check reports. Receivers ignore a record they cannot parse,
// so the domain is as unprotected as with no record: high.
func InvalidProblem(err error) Problem {
	p := Problem{
		Rule:     RuleInvalid,
		Severity: SeverityHigh,
		Message:  "The DMARC record is invalid (" + truncate(err.Error()) + "), so receivers ignore it; publish a record that follows RFC 7489.",
	}
	var pe *ParseError
	if errors.As(err, &pe) {
		p.Tag = pe.Tag
	}
	return p
}
