package openapi

import (
	"regexp"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/spec"
)

// digits are blanked out of a problem's key: parser messages often repeat
// the line ("yaml: line 12: …"), and a fingerprint must survive edits above.
var digits = regexp.MustCompile(`[0-9]+`)

// problemReport turns a loader problem into an invalid-document report.
func problemReport(file string, p spec.Problem) check.Report {
	loc := p.Loc
	if loc.File == "" {
		loc.File = file
	}
	msg := p.Message
	if msg == "" {
		msg = "the document cannot be loaded"
	}
	return check.Report{
		Rule:    ruleInvalidDocument,
		File:    loc.File,
		Line:    loc.Line,
		Column:  loc.Column,
		Message: msg,
		Key:     "problem:" + digits.ReplaceAllString(msg, "N"),
	}
}
