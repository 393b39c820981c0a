package report

import (
	"strings"
	"testing"
)

func TestNew(t *testing.T) {
	tests := []struct {
		format  string
		want    Reporter
		wantErr bool
	}{
		{"text", TextReporter{}, false},
		{"json", JSONReporter{}, false},
		{"sarif", SARIFReporter{}, false},
		{"markdown", MarkdownReporter{}, false},
		{"html", HTMLReporter{}, false},
		{" SARIF ", SARIFReporter{}, false},
		{"xml", nil, true},
		{"", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			got, err := New(tt.format)
			if tt.wantErr {
				if err == nil || !strings.Contains(err.Error(), "text, json, sarif, markdown or html") {
					t.Errorf("New(%q) error = %v, want one naming the formats", tt.format, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("New(%q) = %#v, %v; want %#v", tt.format, got, err, tt.want)
			}
		})
	}
	for _, f := range Formats() {
		if _, err := New(f); err != nil {
			t.Errorf("Formats lists %q but New rejects it: %v", f, err)
		}
	}
}
