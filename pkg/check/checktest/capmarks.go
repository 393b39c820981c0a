package checktest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/finding"
)

// capMarks are the marks a fixture line carries to say a report there is
// capped, and at what.
var capMarks = []struct {
	mark string
	sev  finding.Severity
}{{"# low", finding.Low}, {"# medium", finding.Medium}}

// CapMarks holds reports from the fixture tree at root to its "# low" and
// "# medium" marks: a report on a marked line must be capped at the
// marked severity with a message that contains one of why, and a report
// on any other line must not be capped at all.
func CapMarks(t *testing.T, root string, reports []check.Report, why ...string) {
	t.Helper()
	for _, r := range reports {
		want, marked := markedCap(t, filepath.Join(root, r.File), r.Line)
		capped := r.Capped && r.MaxSeverity == want
		switch {
		case marked && !capped:
			t.Errorf("%s:%d %s is not capped at %v", r.File, r.Line, r.Rule, want)
		case marked && !containsAny(r.Message, why):
			t.Errorf("%s:%d %s does not say why it is %v: %s", r.File, r.Line, r.Rule, want, r.Message)
		case !marked && r.Capped:
			t.Errorf("%s:%d %s is capped at %v: %s", r.File, r.Line, r.Rule, r.MaxSeverity, r.Message)
		}
	}
}

// markedCap returns the cap the mark on line of the file at p names.
func markedCap(t *testing.T, p string, line int) (finding.Severity, bool) {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return 0, false
	}
	for _, m := range capMarks {
		if strings.Contains(lines[line-1], m.mark) {
			return m.sev, true
		}
	}
	return 0, false
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
