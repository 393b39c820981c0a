package portaltest

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// Expectation is one finding a probe of the portal must report.
type Expectation struct {
	Rule   string
	Method string
	// Path is the spec's path template, as in /api/invoices/{invoiceId}.
	Path string
	// Line is where it is written in expected.txt.
	Line int
}

// String is the expectation as written: RULE METHOD PATH.
func (e Expectation) String() string { return e.Rule + " " + e.Method + " " + e.Path }

// Expected is expected.txt read: its sections by name ("vulnerable",
// "vulnerable allow-writes", "hardened", …).
type Expected map[string][]Expectation

// For returns what a run against twin must report: its section, and the
// "TWIN CONDITION" section of each condition given (such as
// "allow-writes").
func (e Expected) For(twin Twin, conditions ...string) []Expectation {
	out := append([]Expectation(nil), e[twin.String()]...)
	for _, c := range conditions {
		out = append(out, e[twin.String()+" "+c]...)
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
// "RULE METHOD PATH" line per finding; # starts a comment. Errors name the
// line.
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

// parseExpectation reads one "RULE METHOD PATH" line.
func parseExpectation(line string, n int) (Expectation, error) {
	f := strings.Fields(line)
	if len(f) != 3 || !strings.Contains(f[0], "/") || strings.ToUpper(f[1]) != f[1] || !strings.HasPrefix(f[2], "/") {
		return Expectation{}, fmt.Errorf("expected.txt:%d: want RULE METHOD /path", n)
	}
	return Expectation{Rule: f[0], Method: f[1], Path: f[2], Line: n}, nil
}
