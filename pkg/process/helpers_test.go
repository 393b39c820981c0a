package process

import (
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
)

// fnd builds a finding of rule at file:line with a fingerprint derived the
// way checks derive it.
func fnd(rule, file string, line int) finding.Finding {
	cat, _, _ := strings.Cut(rule, "/")
	f := finding.Finding{RuleID: rule, Category: cat, Severity: finding.High, File: file, Line: line, Key: rule + file}
	f.SetFingerprint()
	return f
}

// outcome summarises each finding as "rule@line reason", the reason being
// its suppression or "-".
func outcome(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		s := "-"
		if f.Suppressed {
			s = f.Suppression
		}
		out = append(out, f.RuleID+"@"+strconv.Itoa(f.Line)+" "+s)
	}
	return out
}
