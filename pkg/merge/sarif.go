package merge

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
)

// fingerprintKey is the partialFingerprints entry launchgate's SARIF
// carries its own fingerprint in (see pkg/report/sarif.go).
const fingerprintKey = "launchgate/v1" // launchgate:ignore secret/generic-api-key a SARIF fingerprint name, not a key

var lineHashSuffix = regexp.MustCompile(`:[0-9]+$`)

// sarifLog is the part of a SARIF log merge reads.
type sarifLog struct {
	Runs []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool struct {
		Driver struct {
			Name    string `json:"name"`
			Version string `json:"version"`
		} `json:"driver"`
	} `json:"tool"`
	AutomationDetails *struct {
		ID string `json:"id"`
	} `json:"automationDetails"`
	Invocations []struct {
		ToolExecutionNotifications []struct {
			Message struct {
				Text string `json:"text"`
			} `json:"message"`
		} `json:"toolExecutionNotifications"`
	} `json:"invocations"`
	Properties struct {
		Checks     []string            `json:"launchgate/checks"`
		Evidence   map[string][]string `json:"launchgate/evidence"`
		Unverified map[string][]string `json:"launchgate/unverified"`
	} `json:"properties"`
	Results []sarifResult `json:"results"`
}

type sarifResult struct {
	RuleID  string `json:"ruleId"`
	Level   string `json:"level"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
	Locations []struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			} `json:"artifactLocation"`
			Region struct {
				StartLine   int `json:"startLine"`
				StartColumn int `json:"startColumn"`
			} `json:"region"`
		} `json:"physicalLocation"`
	} `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Suppressions        []struct {
		Status        string `json:"status"`
		Justification string `json:"justification"`
	} `json:"suppressions"`
	Properties map[string]any `json:"properties"`
}

// parseSARIF reads a SARIF log that launchgate wrote: each run is an
// analysis, named by its automationDetails.id or, for the one run of a
// log without one, after file.
func parseSARIF(file string, data []byte, cat *catalog.Catalog) (*Input, error) {
	var log sarifLog
	if err := json.Unmarshal(data, &log); err != nil {
		return nil, err
	}
	if len(log.Runs) == 0 {
		return nil, fmt.Errorf("no runs")
	}
	in := &Input{File: file, Format: "sarif", Tally: map[string][]string{}, Unverified: map[string][]string{}}
	for ri := range log.Runs {
		run := &log.Runs[ri]
		if run.Tool.Driver.Name != report.ToolName {
			return nil, fmt.Errorf("run %d: %w", ri+1, errOtherTool(run.Tool.Driver.Name))
		}
		if in.Version == "" {
			in.Version = run.Tool.Driver.Version
		}
		var id string
		if run.AutomationDetails != nil {
			id = strings.Trim(run.AutomationDetails.ID, "/")
		}
		if id == "" {
			if len(log.Runs) > 1 {
				return nil, fmt.Errorf("run %d of %d has no automationDetails.id", ri+1, len(log.Runs))
			}
			id = DerivedName(file)
			in.Derived = id
		}
		if err := checkAnalysis(id); err != nil {
			return nil, fmt.Errorf("run %d: %w", ri+1, err)
		}
		in.Analyses = appendNew(in.Analyses, id)
		for _, c := range run.Properties.Checks {
			in.Checks = appendNew(in.Checks, c)
		}
		addLines(in.Tally, run.Properties.Evidence)
		addLines(in.Unverified, run.Properties.Unverified)
		for _, inv := range run.Invocations {
			for _, n := range inv.ToolExecutionNotifications {
				if t := strings.TrimSpace(n.Message.Text); t != "" {
					in.Notes = appendNew(in.Notes, fmt.Sprintf("%s (%s): %s", file, id, t))
				}
			}
		}
		for i := range run.Results {
			f, err := findingOf(&run.Results[i], cat)
			if err != nil {
				return nil, fmt.Errorf("run %d, result %d: %w", ri+1, i+1, err)
			}
			f.Analysis = id
			in.Findings = append(in.Findings, f)
		}
	}
	return in, nil
}

// findingOf turns a result back into the finding it was written from.
func findingOf(res *sarifResult, cat *catalog.Catalog) (finding.Finding, error) {
	if res.RuleID == "" {
		return finding.Finding{}, fmt.Errorf("no ruleId")
	}
	f := finding.Finding{RuleID: res.RuleID, Message: res.Message.Text}
	var rule *catalog.Rule
	if cat != nil {
		rule = cat.Rule(res.RuleID)
	}
	if rule != nil {
		f.Title, f.Category = rule.Title, rule.Category()
	} else {
		f.Category, _, _ = strings.Cut(res.RuleID, "/")
	}
	f.Severity = severityOf(res, rule)
	f.Fingerprint = res.PartialFingerprints[fingerprintKey]
	if f.Fingerprint == "" {
		f.Fingerprint = lineHashSuffix.ReplaceAllString(res.PartialFingerprints["primaryLocationLineHash"], "")
	}
	if f.Fingerprint == "" {
		return finding.Finding{}, fmt.Errorf("no %s or primaryLocationLineHash fingerprint", fingerprintKey)
	}
	if len(res.Locations) > 0 {
		loc := &res.Locations[0].PhysicalLocation
		f.File, f.URL = placeOf(loc.ArtifactLocation.URI, loc.ArtifactLocation.URIBaseID)
		f.Line, f.Column = max(loc.Region.StartLine, 0), max(loc.Region.StartColumn, 0)
	}
	if u, ok := res.Properties["url"].(string); ok && f.URL == "" {
		f.URL = u
	}
	if anchored, _ := res.Properties["launchgate/anchored"].(bool); anchored {
		// A live finding shown on a configuration line: the line is its
		// anchor, the URL its place.
		f.AnchorFile, f.AnchorLine = f.File, f.Line
		f.File, f.Line, f.Column = "", 0, 0
	}
	for _, s := range res.Suppressions {
		// A suppression without a status is accepted (SARIF 3.35.3).
		if s.Status == "" || s.Status == "accepted" {
			f.Suppressed = true
			f.Suppression = s.Justification
			if f.Suppression == "" {
				f.Suppression = "suppressed"
			}
			break
		}
	}
	return f, nil
}

// severityOf reads the severity launchgate wrote as security-severity,
// else the catalog rule's, else the one the level implies.
func severityOf(res *sarifResult, rule *catalog.Rule) finding.Severity {
	var score float64
	ok := false
	switch v := res.Properties["security-severity"].(type) {
	case string:
		s, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		score, ok = s, err == nil
	case float64:
		score, ok = v, true
	}
	if ok && score >= 0 && score <= 10 {
		return severityOfScore(score)
	}
	if rule != nil {
		return rule.Severity
	}
	switch res.Level {
	case "error":
		return finding.High
	case "note":
		return finding.Low
	case "none":
		return finding.Info
	}
	// "warning" is also what a result without a level has.
	return finding.Medium
}

// severityOfScore inverts finding.Severity.SecurityScore along GitHub's
// bands: 9.0 and over critical, 7.0 high, 4.0 medium, over 0 low.
func severityOfScore(s float64) finding.Severity {
	switch {
	case s >= 9:
		return finding.Critical
	case s >= 7:
		return finding.High
	case s >= 4:
		return finding.Medium
	case s > 0:
		return finding.Low
	}
	return finding.Info
}

// placeOf turns an artifact location back into a finding's file or URL:
// a URI under %SRCROOT% is a file relative to the checkout, an absolute
// http(s) URI the URL of a live finding.
func placeOf(uri, base string) (file, link string) {
	if base == "" {
		if u, err := url.Parse(uri); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return "", uri
		}
	}
	p, err := url.PathUnescape(uri)
	if err != nil {
		p = uri
	}
	p = strings.TrimPrefix(p, "./")
	if p == "." {
		p = ""
	}
	return p, ""
}
