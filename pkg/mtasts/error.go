package mtasts

import (
	"fmt"

	"github.com/launchgate/launchgate/pkg/tagvalue"
)

// maxValueInMessage bounds how much of a published value an error repeats.
const maxValueInMessage = 80

// ParseError is a syntax error tied to one field or tag.
type ParseError struct {
	// What names the record kind: "MTA-STS record", "MTA-STS policy" or
	// "TLS-RPT record".
	What string
	// Field is the tag or policy key concerned.
	Field string
	// Line is the policy line (1-based), or 0 for TXT records.
	Line   int
	Reason string
}

// Error names the record kind, the field, the line when known, and the
// problem.
func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s line %d, %s: %s", e.What, e.Line, e.Field, e.Reason)
	}
	return fmt.Sprintf("%s, %s: %s", e.What, e.Field, e.Reason)
}

// truncate shortens s to at most maxValueInMessage bytes, so messages
// stay bounded whatever was published.
func truncate(s string) string { return tagvalue.Truncate(s, maxValueInMessage) }
