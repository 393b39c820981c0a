package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A finding is the part of a launchgate JSON finding that scoring reads.
type finding struct {
	Rule       string `json:"rule_id"`
	Severity   string `json:"severity"`
	File       string `json:"file"`
	Line       int    `json:"line"`
	Message    string `json:"message"`
	Suppressed bool   `json:"suppressed"`
}

func (f finding) at() place { return place{rule: f.Rule, file: f.File, line: f.Line} }

func (f finding) blocking() bool { return f.Severity == "high" || f.Severity == "critical" }

func (f finding) mediumOrAbove() bool { return f.blocking() || f.Severity == "medium" }

// A scan is one repository's run: its findings, time and memory.
type scan struct {
	findings []finding
	seconds  float64
	peakMB   float64
	exit     int
}

// readRun reads NAME.json, NAME.time and NAME.rc; nil when the repository
// was not scanned.
func readRun(dir, name string) (*scan, error) {
	data, err := os.ReadFile(filepath.Join(dir, name+".json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var report struct {
		Findings []finding `json:"findings"`
	}
	if err := json.Unmarshal(data, &report); err != nil {
		return nil, fmt.Errorf("%s.json: %v", name, err)
	}
	s := &scan{findings: report.Findings, exit: -1}
	if t, err := os.ReadFile(filepath.Join(dir, name+".time")); err == nil {
		// GNU time writes a note before its line when the command failed.
		fields := strings.Fields(lastLine(string(t)))
		if len(fields) == 2 {
			s.seconds, _ = strconv.ParseFloat(fields[0], 64)
			kb, _ := strconv.ParseFloat(fields[1], 64)
			s.peakMB = kb / 1024
		}
	}
	if rc, err := os.ReadFile(filepath.Join(dir, name+".rc")); err == nil {
		if n, err := strconv.Atoi(strings.TrimSpace(string(rc))); err == nil {
			s.exit = n
		}
	}
	return s, nil
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// readRepos lists the names of repos.tsv in its order.
func readRepos(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, _, _ := strings.Cut(sc.Text(), "\t")
		if name == "" || name == "name" || strings.HasPrefix(name, "#") {
			continue
		}
		names = append(names, name)
	}
	return names, sc.Err()
}
