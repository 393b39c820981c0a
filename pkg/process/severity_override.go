package process

import (
	"maps"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
)

type severityOverride struct {
	bySeverity map[string]finding.Severity
}

// SeverityOverride sets the severity of findings whose rule is a key of
// m. A key may also be "category/*"; a rule's own key wins over its
// category's.
func SeverityOverride(m map[string]finding.Severity) Processor {
	return severityOverride{bySeverity: maps.Clone(m)}
}

func (severityOverride) Name() string { return "severity-override" }

func (p severityOverride) Process(fs []finding.Finding) ([]finding.Finding, error) {
	if len(p.bySeverity) == 0 {
		return fs, nil
	}
	for i := range fs {
		f := &fs[i]
		if s, ok := p.bySeverity[f.RuleID]; ok {
			f.Severity = s
			continue
		}
		cat, _, _ := strings.Cut(f.RuleID, "/")
		if s, ok := p.bySeverity[cat+"/*"]; ok {
			f.Severity = s
		}
	}
	return fs, nil
}
