package report

import (
	"slices"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/finding"
)

// sarifRules describes every rule the findings reference, sorted by ID, so
// that code scanning can show titles, help and severities for each alert.
func sarifRules(cat *catalog.Catalog, fs []*finding.Finding) []*sarif.ReportingDescriptor {
	ids := make([]string, 0, len(fs))
	first := map[string]*finding.Finding{}
	for _, f := range fs {
		if _, ok := first[f.RuleID]; !ok {
			first[f.RuleID] = f
			ids = append(ids, f.RuleID)
		}
	}
	slices.Sort(ids)
	rules := make([]*sarif.ReportingDescriptor, 0, len(ids))
	for _, id := range ids {
		var rule *catalog.Rule
		if cat != nil {
			rule = cat.Rule(id)
		}
		if rule == nil {
			rules = append(rules, uncataloguedRule(first[id]))
			continue
		}
		rules = append(rules, cataloguedRule(rule))
	}
	return rules
}

func cataloguedRule(r *catalog.Rule) *sarif.ReportingDescriptor {
	d := sarif.NewRule(r.ID).
		WithName(ruleName(r.ID)).
		WithShortDescription(sarif.NewMultiformatMessageString(r.Title)).
		WithFullDescription(sarif.NewMultiformatMessageString(strings.TrimSpace(r.Description))).
		WithHelpURI(catalog.HelpURI(r.ID)).
		WithTextHelp(helpText(r)).
		WithMarkdownHelp(helpMarkdown(r)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity)))
	d.Properties = sarif.Properties{
		"security-severity": r.Severity.SecurityScore(),
		"precision":         precision(r.Area),
		"problem.severity":  problemSeverity(r.Severity),
		"tags":              ruleTags(r.Category(), r.CWE, r.OWASP),
	}
	return d
}

// uncataloguedRule describes a rule from what its finding says, so that a
// finding is never dropped for want of a catalog entry.
func uncataloguedRule(f *finding.Finding) *sarif.ReportingDescriptor {
	title := f.Title
	if title == "" {
		title = f.RuleID
	}
	category := f.Category
	if category == "" {
		category, _, _ = strings.Cut(f.RuleID, "/")
	}
	d := sarif.NewRule(f.RuleID).
		WithName(ruleName(f.RuleID)).
		WithShortDescription(sarif.NewMultiformatMessageString(title)).
		WithHelpURI(catalog.HelpURI(f.RuleID)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(f.Severity)))
	d.Properties = sarif.Properties{
		"security-severity": f.Severity.SecurityScore(),
		"precision":         precision(""),
		"problem.severity":  problemSeverity(f.Severity),
		"tags":              ruleTags(category, nil, nil),
	}
	return d
}

// ruleName is the CamelCase form of the rule's slug:
// "openapi/operation-without-auth" becomes "OperationWithoutAuth".
func ruleName(id string) string {
	_, slug, ok := strings.Cut(id, "/")
	if !ok {
		slug = id
	}
	var b strings.Builder
	for _, word := range strings.Split(slug, "-") {
		if word == "" {
			continue
		}
		b.WriteString(strings.ToUpper(word[:1]))
		b.WriteString(word[1:])
	}
	return b.String()
}

// ruleTags lets code scanning filter alerts: "security" puts them under
// security alerts, the external/cwe form is what GitHub links to CWE pages.
func ruleTags(category string, cwes, owasp []string) []string {
	tags := []string{"security"}
	if category != "" {
		tags = append(tags, category)
	}
	for _, cwe := range cwes {
		num := strings.TrimPrefix(cwe, "CWE-")
		tags = append(tags, "external/cwe/cwe-"+num, cwe)
	}
	tags = append(tags, owasp...)
	var out []string
	for _, t := range tags {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func helpText(r *catalog.Rule) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(r.Help))
	if len(r.CWE) > 0 || len(r.OWASP) > 0 {
		b.WriteString("\n")
	}
	if len(r.CWE) > 0 {
		b.WriteString("\nCWE: " + strings.Join(r.CWE, ", "))
	}
	if len(r.OWASP) > 0 {
		b.WriteString("\nOWASP API Security Top 10: " + strings.Join(r.OWASP, ", "))
	}
	return b.String()
}

func helpMarkdown(r *catalog.Rule) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(r.Help))
	if len(r.CWE) > 0 || len(r.OWASP) > 0 {
		b.WriteString("\n")
	}
	if len(r.CWE) > 0 {
		links := make([]string, len(r.CWE))
		for i, cwe := range r.CWE {
			links[i] = "[" + cwe + "](https://cwe.mitre.org/data/definitions/" + strings.TrimPrefix(cwe, "CWE-") + ".html)"
		}
		b.WriteString("\n- **CWE:** " + strings.Join(links, ", "))
	}
	if len(r.OWASP) > 0 {
		b.WriteString("\n- **OWASP API Security Top 10:** " + strings.Join(r.OWASP, ", "))
	}
	return b.String()
}

// sarifLevel maps a severity to a SARIF level; code scanning shows "error"
// results as errors in pull requests.
func sarifLevel(s finding.Severity) string {
	switch {
	case s >= finding.High:
		return "error"
	case s == finding.Medium:
		return "warning"
	}
	return "note"
}

// problemSeverity is the severity code scanning shows for alerts that lack
// a security-severity.
func problemSeverity(s finding.Severity) string {
	switch {
	case s >= finding.High:
		return "error"
	case s == finding.Medium:
		return "warning"
	}
	return "recommendation"
}

// precision tells code scanning how often a rule is right. Secrets are
// matched by pattern, and tenant-isolation and rate-limit rules infer intent
// from names, so they miss more often than the structural checks.
func precision(area string) string {
	switch area {
	case "secrets", "tenant", "ratelimit":
		return "medium"
	}
	return "high"
}
