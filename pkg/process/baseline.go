package process

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/report"
)

// MaxBaselineSize bounds a baseline file; a report of many thousand
// findings is a few megabytes.
const MaxBaselineSize = 64 << 20

// sarifFingerprintKey is the partialFingerprints entry launchgate's SARIF
// carries its own fingerprint in.
const sarifFingerprintKey = "launchgate/v1" // launchgate:ignore secret/generic-api-key a SARIF fingerprint name, not a key

var lineHashSuffix = regexp.MustCompile(`:[0-9]+$`)

// Baseline is the set of findings an earlier report held. Findings found
// again are suppressed: they were known before this change, so they do not
// block it. It is a Processor.
type Baseline struct {
	file         string
	fingerprints map[string]bool
}

// LoadBaseline reads an earlier launchgate report, JSON or SARIF, telling
// them apart by content.
func LoadBaseline(path string) (Baseline, error) {
	f, err := os.Open(path)
	if err != nil {
		return Baseline{}, fmt.Errorf("baseline %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxBaselineSize+1))
	if err != nil {
		return Baseline{}, fmt.Errorf("baseline %s: %w", path, err)
	}
	return ParseBaseline(path, data)
}

// ParseBaseline reads a report's content; name is used in errors.
func ParseBaseline(name string, data []byte) (Baseline, error) {
	if len(data) > MaxBaselineSize {
		return Baseline{}, fmt.Errorf("baseline %s: larger than %d bytes", name, MaxBaselineSize)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return Baseline{}, fmt.Errorf("baseline %s: not a JSON or SARIF report: %s", name, report.DecodeProblem(data, err))
	}
	b := Baseline{file: name, fingerprints: map[string]bool{}}
	switch {
	case top["runs"] != nil:
		if err := b.readSARIF(data); err != nil {
			return Baseline{}, fmt.Errorf("baseline %s: SARIF: %s", name, report.DecodeProblem(data, err))
		}
	case top["findings"] != nil:
		if err := b.readReport(data); err != nil {
			return Baseline{}, fmt.Errorf("baseline %s: JSON report: %s", name, report.DecodeProblem(data, err))
		}
	default:
		return Baseline{}, fmt.Errorf("baseline %s: neither a launchgate JSON report (no \"findings\") nor SARIF (no \"runs\")", name)
	}
	return b, nil
}

func (b *Baseline) readReport(data []byte) error {
	var r struct {
		Findings []struct {
			Fingerprint string `json:"fingerprint"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return err
	}
	for i, f := range r.Findings {
		if f.Fingerprint == "" {
			return fmt.Errorf("finding %d has no fingerprint", i+1)
		}
		b.fingerprints[f.Fingerprint] = true
	}
	return nil
}

func (b *Baseline) readSARIF(data []byte) error {
	var log struct {
		Runs []struct {
			Results []struct {
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		return err
	}
	for ri, run := range log.Runs {
		for i, res := range run.Results {
			fp := res.PartialFingerprints[sarifFingerprintKey]
			if fp == "" {
				// SARIF written by something that kept GitHub's key
				// only, as launchgate writes it: the fingerprint and a
				// ":N" occurrence counter.
				fp = lineHashSuffix.ReplaceAllString(res.PartialFingerprints["primaryLocationLineHash"], "")
			}
			if fp == "" {
				return fmt.Errorf("run %d, result %d has no %s or primaryLocationLineHash fingerprint", ri+1, i+1, sarifFingerprintKey)
			}
			b.fingerprints[fp] = true
		}
	}
	return nil
}

// Len is the number of findings in the baseline.
func (b Baseline) Len() int { return len(b.fingerprints) }

// Name implements Processor.
func (Baseline) Name() string { return "baseline" }

// Process implements Processor.
func (b Baseline) Process(fs []finding.Finding) ([]finding.Finding, error) {
	for i := range fs {
		f := &fs[i]
		if !f.Suppressed && f.Fingerprint != "" && b.fingerprints[f.Fingerprint] {
			f.Suppressed = true
			f.Suppression = "baseline"
		}
	}
	return fs, nil
}
