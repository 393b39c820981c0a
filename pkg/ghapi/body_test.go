package ghapi

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFitCommentBody(t *testing.T) {
	const m = "<!-- launchgate:scorecard -->"
	long := func(line string) string {
		var b strings.Builder
		for b.Len() < 3*MaxCommentBytes {
			b.WriteString(line)
			b.WriteByte('\n')
		}
		return b.String()
	}
	tests := []struct {
		name string
		body string
		// want is the exact result for bodies that fit.
		want string
		// wantCut is set when the body must be cut.
		wantCut       bool
		wantPrefix    string
		wantFenceShut bool
	}{
		{name: "marker prepended", body: "## Scorecard", want: m + "\n## Scorecard"},
		{name: "marker already present kept in place", body: "## Scorecard\n" + m, want: "## Scorecard\n" + m},
		{name: "empty body", body: "", want: m + "\n"},
		{name: "exactly at the limit", body: strings.Repeat("a", MaxCommentBytes-len(m)-1), want: m + "\n" + strings.Repeat("a", MaxCommentBytes-len(m)-1)},
		{name: "long table cut on a line", body: long("| openapi/x | fail |"), wantCut: true, wantPrefix: m + "\n| openapi/x | fail |\n"},
		{name: "multibyte lines", body: long("❌ critical — välj"), wantCut: true, wantPrefix: m + "\n❌ critical"},
		{name: "marker at the end is lifted", body: long("row") + m, wantCut: true, wantPrefix: m + "\nrow\n"},
		{name: "open code fence closed", body: "```json\n" + long(`{"rule_id": "secrets/aws"}`), wantCut: true, wantPrefix: m + "\n```json\n", wantFenceShut: true},
		{name: "one huge line", body: strings.Repeat("é", MaxCommentBytes), wantCut: true, wantPrefix: m + "\néé"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FitCommentBody(m, tt.body)
			if !tt.wantCut {
				if got != tt.want {
					t.Errorf("FitCommentBody = %q, want %q", clip(got), clip(tt.want))
				}
				return
			}
			if len(got) > MaxCommentBytes {
				t.Errorf("result is %d bytes, over %d", len(got), MaxCommentBytes)
			}
			if len(got) < MaxCommentBytes-200 && strings.Contains(tt.body, "\n") {
				t.Errorf("result is %d bytes: cut far more than needed", len(got))
			}
			if !utf8.ValidString(got) {
				t.Error("result is not valid UTF-8")
			}
			if strings.Count(got, m) != 1 {
				t.Errorf("result holds the marker %d times, want 1", strings.Count(got, m))
			}
			if !strings.HasPrefix(got, tt.wantPrefix) {
				t.Errorf("result starts %q, want %q", clip(got), tt.wantPrefix)
			}
			kept, ok := strings.CutSuffix(got, truncatedNote)
			if !ok {
				t.Fatal("result does not end with the truncation note")
			}
			if shut := strings.HasSuffix(kept, fenceClose); shut != tt.wantFenceShut {
				t.Errorf("fence closed = %v, want %v", shut, tt.wantFenceShut)
			}
			kept = strings.TrimSuffix(kept, fenceClose)
			if strings.Contains(tt.body, "\n") {
				// Every kept line is a whole line of the body (the marker
				// line aside).
				lines := strings.Split(strings.TrimPrefix(kept, m+"\n"), "\n")
				for _, l := range lines {
					if !strings.Contains(tt.body, l+"\n") {
						t.Fatalf("kept line %q is not a whole line of the body", clip(l))
					}
				}
			}
		})
	}
}

func TestOpenFence(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{name: "none", in: "a\nb", want: false},
		{name: "open", in: "a\n```go\nx", want: true},
		{name: "closed", in: "```\nx\n```\ny", want: false},
		{name: "tilde inside backticks", in: "```\n~~~\n", want: true},
		{name: "indented", in: "  ~~~\nx", want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := openFence(tt.in); got != tt.want {
				t.Errorf("openFence(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
