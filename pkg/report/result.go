package report

import (
	"time"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/finding"
)

// ToolName is the name every report gives the tool.
const ToolName = "launchgate"

// Tool identifies the program that produced a report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Result is what every format writes: the findings of one run and what is
// needed to judge and explain them.
type Result struct {
	Tool Tool
	// Findings are already filtered, fingerprinted and sorted; suppressed
	// ones are included so reports can count them.
	Findings []finding.Finding
	// Threshold is the --fail-on value; finding.Never blocks nothing.
	Threshold finding.Severity
	// Catalog explains rules; it may be nil, and findings whose rule it
	// lacks are still written.
	Catalog *catalog.Catalog
	// Program is how the user runs launchgate, for the hints a report
	// prints ("go run ./cmd/launchgate explain RULE"); "" means
	// "launchgate".
	Program string
	// Ran names the checks that ran ("openapi", "secrets"), which the
	// scorecard matches against each area's parts.
	Ran map[string]bool
	// Tally is the evidence behind each scorecard row, by area ID: what
	// the checks that ran verified (check.Tally's lines).
	Tally map[string][]string
	// Unverified says, by area ID, what checks that ran could not verify
	// (check.Tally's unverified lines).
	Unverified map[string][]string
	// Category tells code scanning which analysis a SARIF upload replaces;
	// empty for the default.
	Category string
	// Analyses are the analyses a joined report holds (see Join and
	// finding.Finding.Analysis), in order, including those without
	// findings, so that an upload closes the alerts each one fixed. Empty
	// for a report of one command.
	Analyses []string
	// Notes are warnings for people, such as an expired ignore.
	Notes []string
	// Coverage says what the run examined and what it could not, for
	// people: a probe's operations probed and not probed with the
	// reasons, its requests, its catch-all profile. They are not
	// warnings.
	Coverage []string
	// Generated is when the run was made, for reports people keep; the
	// zero time means it was not recorded.
	Generated time.Time
	// Evidence explains verdicts at length (the SPF lookup tree), in
	// blocks that text and markdown show and JSON carries.
	Evidence []Evidence
}

// Summary counts a Result's findings.
type Summary struct {
	// Total counts unsuppressed findings.
	Total int
	// Blocking counts findings at or above the threshold.
	Blocking   int
	Suppressed int
	// BySeverity counts unsuppressed findings by severity name and always
	// has a key for each of the five severities, so consumers see a stable
	// shape.
	BySeverity map[string]int
	// Passed is true when nothing blocks.
	Passed bool
}

// findingSeverities lists the severities a finding can have, worst first.
var findingSeverities = [...]finding.Severity{finding.Critical, finding.High, finding.Medium, finding.Low, finding.Info}

// Summary counts r's findings.
func (r *Result) Summary() Summary {
	s := Summary{BySeverity: make(map[string]int, len(findingSeverities))}
	for _, sev := range findingSeverities {
		s.BySeverity[sev.String()] = 0
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Suppressed {
			s.Suppressed++
			continue
		}
		s.Total++
		s.BySeverity[f.Severity.String()]++
		if f.Blocks(r.Threshold) {
			s.Blocking++
		}
	}
	s.Passed = s.Blocking == 0
	return s
}

// program is how hints name the command.
func (r *Result) program() string {
	if r.Program == "" {
		return "launchgate"
	}
	return r.Program
}
