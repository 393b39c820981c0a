package cli

import (
	"encoding/json"
	"io"

	"github.com/launchgate/launchgate/pkg/catalog"
)

// ruleJSON is a rule as `launchgate rules --format json` lists it.
type ruleJSON struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Severity    string   `json:"severity"`
	Area        string   `json:"area"`
	CWE         []string `json:"cwe"`
	OWASP       []string `json:"owasp"`
	Description string   `json:"description"`
	Help        string   `json:"help"`
}

func writeRulesJSON(w io.Writer, cat *catalog.Catalog) error {
	out := make([]ruleJSON, 0, len(cat.Rules()))
	for _, r := range cat.Rules() {
		out = append(out, ruleJSON{
			ID: r.ID, Title: r.Title, Severity: r.Severity.String(), Area: r.Area,
			CWE: nonNil(r.CWE), OWASP: nonNil(r.OWASP), Description: r.Description, Help: r.Help,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
