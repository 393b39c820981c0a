// Package merge joins the reports of several launchgate jobs (the JSON or
// SARIF each job of a matrix wrote) into one result: one verdict, one
// scorecard and one SARIF run per analysis.
package merge

import (
	"fmt"
	"slices"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
)

// Input is one report read for merging.
type Input struct {
	// File is the report's name as the user gave it, for messages.
	File string
	// Format is "json" or "sarif".
	Format string
	// Version is the launchgate version that wrote the report.
	Version string
	// Analyses are the code-scanning analyses the report holds, in
	// order, including those without findings; every finding's Analysis
	// is one of them.
	Analyses []string
	// Derived is the analysis named after File because the report had no
	// category (see DerivedName), or "" when every analysis was recorded.
	Derived string
	// Findings carry their analysis.
	Findings []finding.Finding
	// Checks are the checks that ran; Tally the scorecard evidence lines
	// by area ID, and Unverified what those checks could not verify, as
	// the report recorded them.
	Checks     []string
	Tally      map[string][]string
	Unverified map[string][]string
	// Notes are the report's warnings, Evidence its evidence blocks.
	Notes    []string
	Evidence []report.Evidence
}

// Options say how to judge the merged findings.
type Options struct {
	// Threshold is the merge's own --fail-on.
	Threshold finding.Severity
	// Catalog judges the scorecard; it may be nil.
	Catalog *catalog.Catalog
	// Version is the version of the launchgate that merges.
	Version string
}

// Merge joins inputs into one result. A finding that several inputs hold
// in the same analysis (the JSON and the SARIF of one job, or a job run
// twice) appears once: unsuppressed over suppressed, then the most
// severe. Findings of different analyses are never merged, so every
// job's category keeps its own alerts. The verdict is judged again at
// opts.Threshold and the scorecard from the union of the checks that ran
// and of their evidence.
//
// Two inputs whose analysis both had to be named after their files and
// got the same name from different files are an error: their findings
// would otherwise land in one analysis unnoticed.
func Merge(inputs []*Input, opts Options) (*report.Result, error) {
	if len(inputs) == 0 {
		return nil, fmt.Errorf("no reports to merge")
	}
	if err := checkDerived(inputs); err != nil {
		return nil, err
	}
	out := &report.Result{
		Tool:       report.Tool{Name: report.ToolName, Version: opts.Version},
		Threshold:  opts.Threshold,
		Catalog:    opts.Catalog,
		Ran:        map[string]bool{},
		Tally:      map[string][]string{},
		Unverified: map[string][]string{},
	}
	type key struct{ analysis, fingerprint string }
	at := map[key]int{}
	for _, in := range inputs {
		for _, a := range in.Analyses {
			out.Analyses = appendNew(out.Analyses, a)
		}
		for _, f := range in.Findings {
			k := key{f.Analysis, f.Fingerprint}
			if i, dup := at[k]; dup {
				if better(&f, &out.Findings[i]) {
					out.Findings[i] = f
				}
				continue
			}
			at[k] = len(out.Findings)
			out.Findings = append(out.Findings, f)
		}
		for _, c := range in.Checks {
			out.Ran[c] = true
		}
		addLines(out.Tally, in.Tally)
		addLines(out.Unverified, in.Unverified)
		for _, n := range in.Notes {
			out.Notes = appendNew(out.Notes, n)
		}
		out.Evidence = append(out.Evidence, in.Evidence...)
	}
	slices.SortStableFunc(out.Findings, func(a, b finding.Finding) int {
		if c := finding.Compare(&a, &b); c != 0 {
			return c
		}
		return slices.Index(out.Analyses, a.Analysis) - slices.Index(out.Analyses, b.Analysis)
	})
	return out, nil
}

// better reports whether f should replace the kept duplicate g: a
// finding that still blocks wins over one a job suppressed, then the more
// severe, then the one that sorts first, so the result does not depend
// on the order of the inputs.
func better(f, g *finding.Finding) bool {
	if f.Suppressed != g.Suppressed {
		return !f.Suppressed
	}
	if f.Severity != g.Severity {
		return f.Severity > g.Severity
	}
	return finding.Compare(f, g) < 0
}

// checkDerived refuses two inputs whose file-named analyses collide.
func checkDerived(inputs []*Input) error {
	type origin struct{ file, key string }
	seen := map[string]origin{}
	for _, in := range inputs {
		if in.Derived == "" {
			continue
		}
		key := originKey(in.File)
		if o, ok := seen[in.Derived]; ok && o.key != key {
			return fmt.Errorf("%s and %s both have no category and are both named %q after their files; "+
				"give each job its own category, or write the reports under distinct names", o.file, in.File, in.Derived)
		}
		seen[in.Derived] = origin{in.File, key}
	}
	return nil
}

// addLines adds each area's lines of from to to, once each.
func addLines(to, from map[string][]string) {
	for area, lines := range from {
		for _, l := range lines {
			to[area] = appendNew(to[area], l)
		}
	}
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
