package checktest

import (
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
)

func TestExampleFile(t *testing.T) {
	tests := []struct {
		name string
		rule *catalog.Rule
		ex   catalog.Example
		want string
	}{
		{"named file", &catalog.Rule{Match: &catalog.Match{Files: []string{"**/*.py"}}}, catalog.Example{File: "app/settings.py"}, "app/settings.py"},
		{"from a glob", &catalog.Rule{Match: &catalog.Match{Files: []string{"**/config/*.yaml", "*.yml"}}}, catalog.Example{}, "config/x.yaml"},
		{"no match", &catalog.Rule{}, catalog.Example{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExampleFile(tt.rule, tt.ex); got != tt.want {
				t.Errorf("ExampleFile = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHoldExample(t *testing.T) {
	hit := []check.Report{{Rule: "other/rule"}, {Rule: "debug/x"}}
	miss := []check.Report{{Rule: "other/rule"}}
	tests := []struct {
		name    string
		match   bool
		reports []check.Report
		errors  []string
	}{
		{"match found", true, hit, nil},
		{"match missed", true, miss, []string{"a.py: no report for debug/x in\nIN"}},
		{"quiet kept", false, miss, nil},
		{"quiet broken", false, hit, []string{"a.py: 1 reports for debug/x, want none, in\nIN"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{TB: t}
			HoldExample(r, "debug/x", catalog.Example{Match: tt.match, Input: "IN"}, "a.py", tt.reports)
			if !slices.Equal(r.errors, tt.errors) {
				t.Errorf("HoldExample reported %q, want %q", r.errors, tt.errors)
			}
		})
	}
}
