package portaltest

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// Expectation is one finding a probe of the portal must report.
type Expectation struct {
	Rule   string
	Method string
	// Path is the spec's path template, as in /api/invoices/{invoiceId}.
	Path string
	// Severity is the severity the finding must have.
	Severity string
	// Line is where it is written in expected.txt.
	Line int
}

// Blocking reports whether the expectation is at high or above.
func (e Expectation) Blocking() bool { return e.Severity == "critical" || e.Severity == "high" }

// String is the expectation as written: RULE METHOD PATH.
func (e Expectation) String() string { return e.Rule + " " + e.Method + " " + e.Path }

// Expected is expected.txt read: its sections by name ("vulnerable",
// "vulnerable allow-writes", "hardened", …).
type Expected map[string][]Expectation

// For returns what a run against twin must report: its section, and
// each "TWIN CONDITION…" section whose conditions (such as
// "allow-writes") are all among those given, in the order of the file.
func (e Expected) For(twin Twin, conditions ...string) []Expectation {
	var out []Expectation
	for name, list := range e {
		words := strings.Fields(name)
		if words[0] != twin.String() {
			continue
		}
		ok := true
		for _, w := range words[1:] {
			ok = ok && slices.Contains(conditions, w)
		}
		if ok {
			out = append(out, list...)
		}
	}
	slices.SortFunc(out, func(a, b Expectation) int { return a.Line - b.Line })
	return out
}

// Blocking returns the expectations at high or above.
func Blocking(list []Expectation) []Expectation {
	var out []Expectation
	for _, e := range list {
		if e.Blocking() {
			out = append(out, e)
		}
	}
	return out
}

// HygieneSection is the condition of the sections that list what the
// transport, exposure and CORS checks report ("[vulnerable hygiene]"):
// every run reports them, and the auth matrix of the portal's own tests
// leaves them out.
const HygieneSection = "hygiene"

// maxExpectedLine bounds a line of expected.txt.
const maxExpectedLine = 4096

// ParseExpected reads expected.txt: [section] headers, then one
// "RULE METHOD PATH SEVERITY" line per finding; # starts a comment.
// Errors name the line.
func ParseExpected(data []byte) (Expected, error) {
	out := Expected{}
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 256), maxExpectedLine)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "["):
			name, ok := strings.CutSuffix(line[1:], "]")
			name = strings.Join(strings.Fields(name), " ")
			if !ok || name == "" {
				return nil, fmt.Errorf("expected.txt:%d: a section header is [name]", n)
			}
			if _, dup := out[name]; dup {
				return nil, fmt.Errorf("expected.txt:%d: section [%s] written twice", n, name)
			}
			section = name
			out[section] = nil
		default:
			e, err := parseExpectation(line, n)
			if err != nil {
				return nil, err
			}
			if section == "" {
				return nil, fmt.Errorf("expected.txt:%d: finding before any [section]", n)
			}
			out[section] = append(out[section], e)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("expected.txt: %w", err)
	}
	return out, nil
}

// severities are the severities an expectation may name.
var severities = []string{"critical", "high", "medium", "low", "info"}

// parseExpectation reads one "RULE METHOD PATH SEVERITY" line.
func parseExpectation(line string, n int) (Expectation, error) {
	f := strings.Fields(line)
	if len(f) != 4 || !strings.Contains(f[0], "/") || strings.ToUpper(f[1]) != f[1] || !strings.HasPrefix(f[2], "/") {
		return Expectation{}, fmt.Errorf("expected.txt:%d: want RULE METHOD /path SEVERITY", n)
	}
	if !slices.Contains(severities, f[3]) {
		return Expectation{}, fmt.Errorf("expected.txt:%d: unknown severity %q: want one of %s", n, f[3], strings.Join(severities, ", "))
	}
	return Expectation{Rule: f[0], Method: f[1], Path: f[2], Severity: f[3], Line: n}, nil
}
