package finding

import (
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/redact"
)

// Severity ranks a finding. The zero value is Info; higher values are worse.
type Severity int

// The severities, lowest first. Never is not a finding severity: it is the
// threshold that blocks on nothing.
const (
	Info Severity = iota
	Low
	Medium
	High
	Critical
	Never
)

var severityNames = [...]string{"info", "low", "medium", "high", "critical", "never"}

// String returns the lowercase name used in every output.
func (s Severity) String() string {
	if s < Info || s > Never {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads a severity name, case-insensitively. "never" is
// accepted only when allowNever is set, for thresholds.
func ParseSeverity(name string, allowNever bool) (Severity, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for i, s := range severityNames {
		if s == n && (Severity(i) != Never || allowNever) {
			return Severity(i), nil
		}
	}
	want := "critical, high, medium, low or info"
	if allowNever {
		want = "critical, high, medium, low or never"
	}
	return Info, fmt.Errorf("unknown severity %s: want %s", redact.Quote(name), want)
}

// MarshalText writes the severity name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b), false)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// SecurityScore is the GitHub code-scanning security-severity for s: GitHub
// maps >9.0 to critical, 7.0–8.9 to high, 4.0–6.9 to medium, below to low.
func (s Severity) SecurityScore() string {
	switch s {
	case Critical:
		return "9.5"
	case High:
		return "8.0"
	case Medium:
		return "5.5"
	case Low:
		return "3.0"
	default:
		return "0.0"
	}
}
