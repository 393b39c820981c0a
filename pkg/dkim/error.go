package dkim

import (
	"errors"
	"fmt"
)

// ParseError is a syntax error tied to one tag of a key record.
type ParseError struct {
	Tag    string
	Reason string
}

// Error names the tag and what is wrong with it.
func (e *ParseError) Error() string {
	return fmt.Sprintf("dkim tag %s: %s", e.Tag, e.Reason)
}

// InvalidProblem turns an error from ParseKey for selector into the
// dns/dkim-invalid problem the check reports. Verifiers cannot use such a
// key, so mail signed with it fails DKIM: high.
func InvalidProblem(selector string, err error) Problem {
	p := Problem{
		Rule:     RuleInvalid,
		Severity: SeverityHigh,
		Selector: truncate(selector),
		Message:  "The DKIM key of selector " + truncate(selector) + " is invalid (" + truncate(err.Error()) + "), so signatures with it fail; republish the key your mail service gives.",
	}
	var pe *ParseError
	if errors.As(err, &pe) {
		p.Tag = pe.Tag
	}
	return p
}
