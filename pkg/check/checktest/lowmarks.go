package checktest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/finding"
)

// LowMarks holds reports from the fixture tree at root to its "# low"
// marks: a report on a marked line must be capped at low with a message
// that contains one of why, and a report on any other line must not be
// capped at all.
func LowMarks(t *testing.T, root string, reports []check.Report, why ...string) {
	t.Helper()
	for _, r := range reports {
		wantLow := markedLow(t, filepath.Join(root, r.File), r.Line)
		low := r.Capped && r.MaxSeverity == finding.Low
		switch {
		case wantLow && !low:
			t.Errorf("%s:%d %s is not capped at low", r.File, r.Line, r.Rule)
		case wantLow && !containsAny(r.Message, why):
			t.Errorf("%s:%d %s does not say why it is low: %s", r.File, r.Line, r.Rule, r.Message)
		case !wantLow && r.Capped:
			t.Errorf("%s:%d %s is capped at %v: %s", r.File, r.Line, r.Rule, r.MaxSeverity, r.Message)
		}
	}
}

// markedLow reports whether line of the file at p carries "# low".
func markedLow(t *testing.T, p string, line int) bool {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	return line >= 1 && line <= len(lines) && strings.Contains(lines[line-1], "# low")
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
