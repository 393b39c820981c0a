package catalog

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the catalog as the rule reference in docs/rules.md:
// one section per rule, whose heading is the anchor HelpURI points at.
func (c *Catalog) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# launchgate rules\n\n")
	b.WriteString("Generated from `rules/*.yaml` and the secrets engine by `go test ./pkg/checks -update`; do not edit by hand.\n\n")
	b.WriteString("| rule | severity | area | title |\n|---|---|---|---|\n")
	for _, r := range c.rules {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s |\n", r.ID, anchor(r.ID), r.Severity, r.Area, r.Title)
	}
	for _, r := range c.rules {
		fmt.Fprintf(&b, "\n### %s\n\n**%s** — severity %s, area %s", r.ID, r.Title, r.Severity, r.Area)
		if len(r.CWE) > 0 {
			fmt.Fprintf(&b, ", %s", strings.Join(r.CWE, ", "))
		}
		if len(r.OWASP) > 0 {
			fmt.Fprintf(&b, ", OWASP %s", strings.Join(r.OWASP, "; "))
		}
		fmt.Fprintf(&b, "\n\n%s\n\n%s\n", strings.TrimSpace(r.Description), strings.TrimSpace(r.Help))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// anchor is the fragment GitHub gives a markdown heading that holds id.
func anchor(id string) string { return strings.ReplaceAll(id, "/", "") }
