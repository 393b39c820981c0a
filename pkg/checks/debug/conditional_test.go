package debug

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/finding"
)

// TestConditionalSeverity holds the conditional cap of
// debug/django-debug-true: a switch set only under a block opener is
// capped at low and says under what, one at the top level or in a class
// body keeps the rule's severity.
func TestConditionalSeverity(t *testing.T) {
	rs := loadRules(t)
	tests := []struct {
		name, input string
		capped      bool
		opener      string
	}{
		{"top level", "DEBUG = True\n", false, ""},
		{"default on", "DEBUG = os.environ.get(\"DEBUG\", True)\n", false, ""},
		{"under if", "if LOG_LEVEL == \"DEBUG\":\n    DEBUG = True\n", true, "`if LOG_LEVEL == \"...\":` on line 1"},
		{"under else", "if os.environ.get(\"PROD\"):\n    X = 1\nelse:\n\n    # local\n    DEBUG = True\n", true, "`else:` on line 3"},
		{"under except", "try:\n    from .local import *\nexcept ImportError:\n    DEBUG = True\n", true, "`except ImportError:` on line 3"},
		{"secret in the condition", "if os.environ.get('KEY') == 'hunter2':\n    DEBUG = True\n", true, "`if os.environ.get('...') == '...':` on line 1"},
		{"in a function", "def dev():\n    DEBUG = True\n", true, "`def dev():` on line 1"},
		{"class body", "class Base:\n    DEBUG = True\n", false, ""},
		{"class under if", "if DEV:\n    class Dev:\n        DEBUG = True\n", true, "`if DEV:` on line 1"},
		{"after a block", "if DEV:\n    X = 1\nDEBUG = True\n", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reports := run(t, checktest.MemFiles{"mysite/settings.py": tt.input}, rs)
			if len(reports) != 1 || reports[0].Rule != "debug/django-debug-true" {
				t.Fatalf("reports = %+v, want one of debug/django-debug-true", reports)
			}
			r := reports[0]
			if r.Capped != tt.capped || tt.capped && r.MaxSeverity != finding.Low {
				t.Errorf("capped = %v at %v, want %v at low", r.Capped, r.MaxSeverity, tt.capped)
			}
			if tt.capped && !strings.Contains(r.Message, "(low: set only under "+tt.opener) {
				t.Errorf("message %q does not name %s", r.Message, tt.opener)
			}
		})
	}
}

// TestConditionalFixture holds the severities the vulnerable fixture's
// conditional settings file expects: its indented switches are capped,
// the others are not.
func TestConditionalFixture(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	tree := checktest.Tree(t, filepath.Join("..", "..", "..", "testdata", "debug", "vulnerable"))
	capped := map[int]bool{4: false, 9: true, 15: true, 20: true, 25: false}
	seen := 0
	for _, r := range checktest.Reports(t, c, &check.Target{Root: tree.Root(), Tree: tree}) {
		if r.File != "portal/settings.py" {
			continue
		}
		seen++
		want, ok := capped[r.Line]
		if !ok {
			t.Errorf("unexpected report on line %d", r.Line)
			continue
		}
		if r.Capped != want || want && r.MaxSeverity != finding.Low {
			t.Errorf("line %d: capped = %v at %v, want %v at low", r.Line, r.Capped, r.MaxSeverity, want)
		}
	}
	if seen != len(capped) {
		t.Errorf("%d reports in portal/settings.py, want %d", seen, len(capped))
	}
}
