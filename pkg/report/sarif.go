package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/launchgate/launchgate/pkg/finding"
)

// GitHub code scanning rejects uploads over these limits.
const (
	// DefaultMaxResults is the most results code scanning accepts in a run.
	DefaultMaxResults = 25_000
	// DefaultMaxGzipBytes is the largest gzipped SARIF upload code scanning
	// accepts.
	DefaultMaxGzipBytes = 10 << 20
)

const (
	informationURI = "https://github.com/launchgate/launchgate"
	srcRoot        = "%SRCROOT%"
	// fingerprintKey versions our own fingerprint so that a later change to
	// how fingerprints are made can use a new key instead of colliding.
	fingerprintKey = "launchgate/v1" // launchgate:ignore secret/generic-api-key a SARIF fingerprint name, not a key
	// anchoredKey marks a result whose location is the configuration line
	// a live finding is shown on (finding.Finding.AnchorFile).
	anchoredKey = "launchgate/anchored"
)

// SARIFReporter writes SARIF 2.1.0 that GitHub code scanning accepts: one
// run, every referenced rule described, and no more results than an upload
// may carry (the most severe are kept).
type SARIFReporter struct {
	// MaxResults caps the results in the run; zero means DefaultMaxResults.
	MaxResults int
	// MaxGzipBytes caps the gzipped size of the output; zero means
	// DefaultMaxGzipBytes.
	MaxGzipBytes int
}

// The go-sarif Suppression type writes null for its unset optional fields,
// which the SARIF schema rejects, so results are written through these
// wrappers whose suppressions field shadows the embedded one.
type (
	sarifLog struct {
		*sarif.Report
		Runs []sarifRun `json:"runs"`
	}
	sarifRun struct {
		*sarif.Run
		Results []sarifResult `json:"results"`
	}
	sarifResult struct {
		*sarif.Result
		Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification,omitempty"`
	}
)

// Write writes r as indented SARIF followed by a newline.
func (s SARIFReporter) Write(w io.Writer, r *Result) error {
	data, err := s.encode(r)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("writing SARIF report: %w", err)
	}
	return nil
}

// sarifGroup is the findings of one run: their indices in the Result,
// ranked for upload, and how many of them the run keeps.
type sarifGroup struct {
	// id is the run's automationDetails.id without the trailing slash;
	// empty for none.
	id     string
	ranked []int
	keep   int
}

// groupsOf splits r's findings into runs: one per analysis of a joined
// report (finding.Finding.Analysis, in r.Analyses order, each present
// even without findings), else a single run under r.Category.
func groupsOf(r *Result) []*sarifGroup {
	ids := slices.Clone(r.Analyses)
	for i := range r.Findings {
		if a := r.Findings[i].Analysis; a != "" && !slices.Contains(ids, a) {
			ids = append(ids, a)
		}
	}
	single := strings.Trim(r.Category, "/")
	if len(ids) == 0 {
		ids = []string{single}
	}
	groups := make([]*sarifGroup, len(ids))
	byID := make(map[string]*sarifGroup, len(ids))
	for i, id := range ids {
		groups[i] = &sarifGroup{id: id}
		byID[id] = groups[i]
	}
	var members = make(map[*sarifGroup][]int, len(ids))
	for i := range r.Findings {
		g := byID[r.Findings[i].Analysis]
		if g == nil {
			// A finding without an analysis in a joined report goes to
			// the first run rather than being lost.
			g = groups[0]
		}
		members[g] = append(members[g], i)
	}
	for _, g := range groups {
		g.ranked = rankForUpload(r.Findings, members[g])
	}
	return groups
}

// encode builds the log and, while its gzipped size is over the limit,
// rebuilds it with proportionally fewer results in every run.
func (s SARIFReporter) encode(r *Result) ([]byte, error) {
	maxResults := cmpDefault(s.MaxResults, DefaultMaxResults)
	maxGzip := cmpDefault(s.MaxGzipBytes, DefaultMaxGzipBytes)
	groups := groupsOf(r)
	for _, g := range groups {
		g.keep = min(len(g.ranked), maxResults)
	}
	for {
		log, err := buildSARIF(r, groups, maxResults)
		if err != nil {
			return nil, err
		}
		data, err := json.MarshalIndent(log, "", "  ")
		if err != nil {
			return nil, fmt.Errorf("encoding SARIF report: %w", err)
		}
		data = append(data, '\n')
		size, err := gzipSize(data)
		if err != nil {
			return nil, err
		}
		kept := 0
		for _, g := range groups {
			kept += g.keep
		}
		if size <= maxGzip || kept == 0 {
			return data, nil
		}
		// Shrink by the overshoot plus a margin so that few rounds are needed.
		factor := float64(maxGzip) / float64(size) * 0.9
		for _, g := range groups {
			g.keep = min(int(float64(g.keep)*factor), max(g.keep-1, 0))
		}
	}
}

// buildSARIF makes the log: one run per group, each with the findings
// it keeps and the rules they reference. The notes go with the first run.
func buildSARIF(r *Result, groups []*sarifGroup, maxResults int) (*sarifLog, error) {
	report, err := sarif.New(sarif.Version210)
	if err != nil {
		return nil, fmt.Errorf("building SARIF report: %w", err)
	}
	log := &sarifLog{Report: report}
	tool := toolOf(r)
	for i, g := range groups {
		kept := keepInOrder(r.Findings, g.ranked[:g.keep])
		driver := sarif.NewDriver(tool.Name).WithInformationURI(informationURI)
		if tool.Version != "" {
			driver.WithVersion(tool.Version)
		}
		// Rules go in before results: AddResult derives ruleIndex from them.
		driver.WithRules(sarifRules(r.Catalog, kept))
		run := sarif.NewRun(*sarif.NewTool(driver))
		if g.id != "" {
			run.WithAutomationDetails(sarif.NewRunAutomationDetails().WithID(g.id + "/"))
		}
		run.Properties = runProperties(r)
		var notes []string
		if i == 0 {
			notes = r.Notes
		}
		dropped := len(g.ranked) - g.keep
		bySize := dropped > 0 && g.keep < min(len(g.ranked), maxResults)
		if ns := notifications(notes, len(g.ranked), dropped, bySize); len(ns) > 0 {
			run.AddInvocations(sarif.NewInvocation().WithExecutionSuccess(true).WithToolExecutionNotifications(ns))
		}
		results := make([]sarifResult, 0, len(kept))
		for _, f := range kept {
			res := sarifResultOf(f)
			run.AddResult(res)
			out := sarifResult{Result: res}
			if f.Suppressed {
				out.Suppressions = []sarifSuppression{{Kind: "external", Justification: oneLine(f.Suppression)}}
			}
			results = append(results, out)
		}
		report.AddRun(run)
		log.Runs = append(log.Runs, sarifRun{Run: run, Results: results})
	}
	return log, nil
}

// The run properties that carry what a report's scorecard is judged
// from, so that `launchgate merge` can rebuild the scorecard from SARIF.
const (
	checksProperty     = "launchgate/checks"
	evidenceProperty   = "launchgate/evidence"
	unverifiedProperty = "launchgate/unverified"
)

// runProperties records the checks that ran and, by scorecard area, the
// evidence lines and what those checks could not verify; nil when the
// run recorded none of them. Every run of
// a log carries them, so that any one of them stands for the report.
func runProperties(r *Result) sarif.Properties {
	checks := ranChecks(r)
	tally, unverified := nonEmpty(r.Tally), nonEmpty(r.Unverified)
	if len(checks) == 0 && len(tally) == 0 && len(unverified) == 0 {
		return nil
	}
	p := sarif.Properties{checksProperty: checks}
	if len(tally) > 0 {
		p[evidenceProperty] = tally
	}
	if len(unverified) > 0 {
		p[unverifiedProperty] = unverified
	}
	return p
}

// nonEmpty is m without its empty lists.
func nonEmpty(m map[string][]string) map[string][]string {
	out := map[string][]string{}
	for k, v := range m {
		if len(v) > 0 {
			out[k] = v
		}
	}
	return out
}

func sarifResultOf(f *finding.Finding) *sarif.Result {
	fp := f.Fingerprint
	if fp == "" {
		g := *f
		g.SetFingerprint()
		fp = g.Fingerprint
	}
	region := sarif.NewRegion().WithStartLine(max(f.Line, 1))
	if f.Line > 0 && f.Column > 0 {
		region.WithStartColumn(f.Column)
	}
	loc := sarif.NewArtifactLocation()
	switch {
	case f.File == "" && f.AnchorFile != "":
		// A live finding without a file of its own: on the setting that
		// configured what was probed, so that it is an alert with a file;
		// the message names the URL.
		loc.WithUri(fileURI(f.AnchorFile)).WithUriBaseId(srcRoot)
		region = sarif.NewRegion().WithStartLine(max(f.AnchorLine, 1))
	case f.File == "" && f.URL != "":
		loc.WithUri(liveURI(f.URL))
	default:
		loc.WithUri(fileURI(f.File)).WithUriBaseId(srcRoot)
	}
	text := message(f)
	if f.File == "" && f.AnchorFile != "" && f.URL != "" && !strings.Contains(text, f.URL) {
		text += " (at " + f.URL + ")"
	}
	res := sarif.NewRuleResult(f.RuleID).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(text)).
		WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(
			sarif.NewPhysicalLocation().WithArtifactLocation(loc).WithRegion(region))}).
		WithPartialFingerPrints(map[string]any{
			// Code scanning tracks an alert across commits by this key;
			// ours is already line-independent, so the line part is fixed.
			"primaryLocationLineHash": fp + ":1",
			fingerprintKey:            fp,
		})
	res.Properties = sarif.Properties{"security-severity": f.Severity.SecurityScore()}
	if f.URL != "" {
		res.Properties["url"] = f.URL
	}
	if f.File == "" && f.AnchorFile != "" {
		// The location is the anchor, not the finding's own file.
		res.Properties[anchoredKey] = true
	}
	return res
}

func notifications(notes []string, total, dropped int, bySize bool) []*sarif.Notification {
	var out []*sarif.Notification
	for _, n := range notes {
		out = append(out, sarif.NewNotification().WithLevel("warning").WithTextMessage(oneLine(n)))
	}
	if dropped > 0 {
		limit := fmt.Sprintf("code scanning accepts at most %d results per upload", DefaultMaxResults)
		if bySize {
			limit = "code scanning accepts at most 10 MB of gzipped SARIF per upload"
		}
		out = append(out, sarif.NewNotification().WithLevel("warning").WithTextMessage(fmt.Sprintf(
			"%d of %d results were left out because %s; the most severe were kept. The text or JSON report lists them all.",
			dropped, total, limit)))
	}
	return out
}

// fileURI turns a root-relative path into a relative URI reference with
// forward slashes and percent-encoding, so that code scanning resolves it
// against the checkout.
func fileURI(file string) string {
	p := strings.TrimLeft(strings.ReplaceAll(file, `\`, "/"), "/")
	if p == "" {
		return "."
	}
	u := (&url.URL{Path: p}).EscapedPath()
	// A colon in the first segment would read as a URI scheme.
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		u = "./" + u
	}
	return u
}

// liveURI normalises a probed URL into a valid URI; one that does not parse
// is percent-encoded whole rather than dropped.
func liveURI(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.IsAbs() {
		return u.String()
	}
	return fileURI(raw)
}

func cmpDefault(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}
