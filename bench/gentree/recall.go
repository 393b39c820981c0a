package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// finding is the part of a scanner's report that recall needs.
type finding struct {
	rule string
	file string
	line int
}

// readFindings reads a gitleaks JSON report (an array) or a launchgate JSON
// report (an object with findings). Of launchgate's findings only secret/
// rules count: the rest of the gate is not part of this comparison.
func readFindings(path string) ([]finding, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fs, err := parseFindings(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return fs, nil
}

func parseFindings(b []byte) ([]finding, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return nil, errors.New("empty report")
	}
	var out []finding
	if b[0] == '[' {
		var leaks []struct {
			RuleID    string
			File      string
			StartLine int
		}
		if err := json.Unmarshal(b, &leaks); err != nil {
			return nil, fmt.Errorf("not a gitleaks JSON report: %w", err)
		}
		for _, l := range leaks {
			out = append(out, finding{rule: l.RuleID, file: l.File, line: l.StartLine})
		}
		return out, nil
	}
	var rep struct {
		Findings []struct {
			RuleID string `json:"rule_id"`
			File   string `json:"file"`
			Line   int    `json:"line"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		return nil, fmt.Errorf("not a launchgate JSON report: %w", err)
	}
	for _, f := range rep.Findings {
		if strings.HasPrefix(f.RuleID, "secret/") {
			out = append(out, finding{rule: f.RuleID, file: f.File, line: f.Line})
		}
	}
	return out, nil
}

// score counts how many expected secrets a report found and how many of
// the secrets it should have stayed quiet about it reported anyway.
type score struct {
	findings           int
	found, expected    int
	unwanted, tolerate int
}

func scoreReport(m *manifest, fs []finding, root string) score {
	s := score{findings: len(fs)}
	for _, p := range m.Secrets {
		hit := false
		for _, f := range fs {
			if reports(f, p, root) {
				hit = true
				break
			}
		}
		if p.Expect {
			s.expected++
			if hit {
				s.found++
			}
		} else {
			s.tolerate++
			if hit {
				s.unwanted++
			}
		}
	}
	return s
}

// reports says whether f points at p: the same file (a scanner may prefix
// the path it was given) and line, or the original file and line inside a
// source map.
func reports(f finding, p planted, root string) bool {
	file := filepath.ToSlash(f.file)
	if root != "" {
		file = strings.TrimPrefix(file, filepath.ToSlash(filepath.Clean(root))+"/")
	}
	same := func(want string) bool { return file == want || strings.HasSuffix(file, "/"+want) }
	if same(p.File) && f.line == p.Line {
		return true
	}
	if p.Source == "" || f.line != p.SourceLine {
		return false
	}
	return same(p.Source) || strings.Contains(file, p.File) && strings.HasSuffix(file, p.Source)
}

func (s score) String() string {
	return fmt.Sprintf("findings=%d recall=%d/%d unwanted=%d/%d", s.findings, s.found, s.expected, s.unwanted, s.tolerate)
}
