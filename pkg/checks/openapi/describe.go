package openapi

import (
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/spec"
)

// describeSecurity writes sec the way messages show it:
// "bearerAuth[invoices:read] or apiKey", "none", "[] (disabled)".
func describeSecurity(sec *spec.Security) string {
	if sec == nil {
		return "none"
	}
	if len(sec.Requirements) == 0 {
		return "[] (disabled)"
	}
	alts := make([]string, 0, len(sec.Requirements))
	for _, r := range sec.Requirements {
		alts = append(alts, describeRequirement(r))
	}
	return strings.Join(alts, " or ")
}

func describeRequirement(r spec.Requirement) string {
	if len(r.Schemes) == 0 {
		return "{} (anonymous)"
	}
	parts := make([]string, 0, len(r.Schemes))
	for _, u := range r.Schemes {
		s := u.Name
		if len(u.Scopes) > 0 {
			s += "[" + strings.Join(u.Scopes, " ") + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " + ")
}

// schemesSection is the name of the section schemes are defined in, for
// messages that tell the user where to look.
func schemesSection(doc *spec.Document) string {
	if strings.HasPrefix(doc.Version, "2") {
		return "securityDefinitions"
	}
	return "components.securitySchemes"
}

// plural writes n and a noun, with an s when n is not one.
func plural(n int, noun string) string {
	s := strconv.Itoa(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}
