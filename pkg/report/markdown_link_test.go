package report

import (
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

func TestMarkdownLinkBase(t *testing.T) {
	const base = "https://github.com/acme/portal/blob/0123abcd/"
	tests := []struct {
		name string
		f    finding.Finding
		want string
	}{
		{name: "file and line", f: finding.Finding{RuleID: "a/b", File: "api/openapi.yaml", Line: 42},
			want: "[`api/openapi.yaml:42`](" + base + "api/openapi.yaml#L42)"},
		{name: "file only", f: finding.Finding{RuleID: "a/b", File: "web/.env"},
			want: "[`web/.env`](" + base + "web/.env)"},
		{name: "awkward characters are escaped in the target", f: finding.Finding{RuleID: "a/b", File: "docs/a (old) b#c.md", Line: 3},
			want: "[`docs/a (old) b#c.md:3`](" + base + "docs/a%20%28old%29%20b%23c.md#L3)"},
		{name: "archive member is not linked", f: finding.Finding{RuleID: "a/b", File: "dist.zip!app.js", Line: 1},
			want: "| `dist.zip!app.js:1` |"},
		{name: "live finding is not linked", f: finding.Finding{RuleID: "a/b", URL: "https://x.example/api"},
			want: "| `https://x.example/api` |"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := writeMarkdown(t, MarkdownReporter{LinkBase: base}, &Result{Findings: []finding.Finding{tt.f}, Threshold: finding.High})
			if !strings.Contains(md, tt.want) {
				t.Errorf("markdown lacks %q:\n%s", tt.want, md)
			}
		})
	}
	plain := writeMarkdown(t, MarkdownReporter{}, &Result{Findings: []finding.Finding{{RuleID: "a/b", File: "x.go", Line: 1}}})
	if strings.Contains(plain, "](") {
		t.Errorf("without LinkBase there should be no links:\n%s", plain)
	}
}
