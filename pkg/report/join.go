package report

import (
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
)

// Part is one command's result, to be joined with others into one report.
type Part struct {
	// Command is the command that produced Result: "scan", "probe", "dns".
	Command string
	Result  *Result
}

// AnalysisID is the code-scanning analysis of command's findings under
// category. A scan's is the category itself ("launchgate" without one),
// so that its alerts keep their analysis whether it runs alone or with
// the others; the probe's and the DNS check's add the command
// ("launchgate/probe"), whether they run alone or joined.
func AnalysisID(category, command string) string {
	category = strings.Trim(category, "/")
	if category == "" {
		category = ToolName
	}
	if command == "scan" {
		return category
	}
	return category + "/" + command
}

// Join combines the results of the commands one run ran (a scan with
// the probe and dns checks that `url` and `domain` add) into one report:
// one verdict and one scorecard over every finding, each finding tagged
// with its command's analysis so that SARIF gives each command a run of
// its own. The first part's tool, threshold, catalog, program and
// category stand for all.
func Join(category string, parts ...Part) *Result {
	out := &Result{Category: category, Ran: map[string]bool{},
		Tally: map[string][]string{}, Unverified: map[string][]string{}}
	for i, p := range parts {
		r := p.Result
		if i == 0 {
			out.Tool, out.Threshold, out.Catalog, out.Program = r.Tool, r.Threshold, r.Catalog, r.Program
		}
		if out.Catalog == nil {
			out.Catalog = r.Catalog
		}
		id := AnalysisID(category, p.Command)
		out.Analyses = appendNew(out.Analyses, id)
		for _, f := range r.Findings {
			f.Analysis = id
			out.Findings = append(out.Findings, f)
		}
		absorb(out, r)
	}
	slices.SortStableFunc(out.Findings, func(a, b finding.Finding) int { return finding.Compare(&a, &b) })
	return out
}

// absorb adds what r ran, verified and noted to out, once each.
func absorb(out, r *Result) {
	for name, ran := range r.Ran {
		if ran {
			out.Ran[name] = true
		}
	}
	for area, lines := range r.Tally {
		for _, l := range lines {
			out.Tally[area] = appendNew(out.Tally[area], l)
		}
	}
	for area, lines := range r.Unverified {
		for _, l := range lines {
			out.Unverified[area] = appendNew(out.Unverified[area], l)
		}
	}
	for _, n := range r.Notes {
		out.Notes = appendNew(out.Notes, n)
	}
	for _, c := range r.Coverage {
		out.Coverage = appendNew(out.Coverage, c)
	}
	out.Evidence = append(out.Evidence, r.Evidence...)
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
