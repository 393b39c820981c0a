package action

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

func TestAnnotationFormatAndEscaping(t *testing.T) {
	tests := []struct {
		name string
		f    finding.Finding
		want string
	}{
		{
			name: "file, line, column and block",
			f: finding.Finding{RuleID: "openapi/operation-without-auth", Title: "Operation without authentication", Severity: finding.Critical,
				File: "api/openapi.yaml", Line: 12, Column: 5, EndLine: 20, Message: "DELETE /invoices has no security"},
			want: "::error col=5,endLine=20,file=api/openapi.yaml,line=12,title=openapi/operation-without-auth%3A Operation without authentication::DELETE /invoices has no security",
		},
		{
			name: "properties escape colon, comma, percent and newlines",
			f: finding.Finding{RuleID: "debug/x", Title: "a, b: c", Severity: finding.Medium,
				File: "we,ird:dir/100%.env", Line: 3, Message: "50% done\r\nnext ::error::line"},
			want: "::warning file=we%2Cird%3Adir/100%25.env,line=3,title=debug/x%3A a%2C b%3A c::50%25 done  next ::error::line",
		},
		{
			name: "no line: file-level",
			f:    finding.Finding{RuleID: "secret/x", Title: "T", Severity: finding.Low, File: "dist/app.js.map!src/a.ts"},
			want: "::notice file=dist/app.js.map!src/a.ts,title=secret/x%3A T::T",
		},
		{
			name: "live finding names its URL",
			f:    finding.Finding{RuleID: "probe/x", Title: "T", Severity: finding.Info, URL: "https://staging.example.com/api", Message: "answered 200"},
			want: "::notice title=probe/x%3A T::answered 200 (https://staging.example.com/api)",
		},
		{
			name: "live finding on its spec operation names its URL too",
			f: finding.Finding{RuleID: "probe/x", Title: "T", Severity: finding.Critical, File: "api/openapi.yaml", Line: 80,
				URL: "https://staging.example.com/api/invoices/inv_a1", Message: "GET /api/invoices/{invoiceId}: bob got 200"},
			want: "::error file=api/openapi.yaml,line=80,title=probe/x%3A T::GET /api/invoices/{invoiceId}: bob got 200 (https://staging.example.com/api/invoices/inv_a1)",
		},
		{
			name: "a message that holds its URL does not repeat it",
			f: finding.Finding{RuleID: "probe/x", Title: "T", Severity: finding.Info, File: "api/openapi.yaml", Line: 3,
				URL: "https://staging.example.com/", Message: "https://staging.example.com/ answered"},
			want: "::notice file=api/openapi.yaml,line=3,title=probe/x%3A T::https://staging.example.com/ answered",
		},
		{
			name: "bidirectional override is neutralised",
			f:    finding.Finding{RuleID: "r/x", Title: "T", Severity: finding.High, File: "a.go", Line: 1, Message: "abc\u202edef"},
			want: "::error file=a.go,line=1,title=r/x%3A T::abc\ufffddef",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			annotate(newCommands(&buf), []finding.Finding{tt.f})
			if got := strings.TrimSuffix(buf.String(), "\n"); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestAnnotationBudget(t *testing.T) {
	mk := func(n int, sev finding.Severity) []finding.Finding {
		var fs []finding.Finding
		for i := range n {
			fs = append(fs, finding.Finding{RuleID: "r/" + sev.String(), Severity: sev, File: fmt.Sprintf("f%02d", i), Line: 1})
		}
		return fs
	}
	tests := []struct {
		name string
		fs   []finding.Finding
		// earlier are notices the step issued before the annotations.
		earlier                   int
		errors, warnings, notices int
		pointer                   string
	}{
		{name: "under every cap", fs: append(mk(3, finding.High), mk(2, finding.Low)...), errors: 3, notices: 2},
		{name: "errors over the cap", fs: mk(13, finding.Critical), errors: 10, pointer: "3 more findings are"},
		{name: "notices keep a slot for the pointer", fs: append(mk(11, finding.Medium), mk(12, finding.Info)...),
			warnings: 10, notices: 9, pointer: "4 more findings are"},
		{name: "earlier notices count", fs: mk(8, finding.Low), earlier: 3, notices: 6, pointer: "2 more findings are"},
		{name: "one left out", fs: mk(11, finding.High), errors: 10, pointer: "1 more finding is"},
		{name: "suppressed findings are not annotated", fs: func() []finding.Finding {
			fs := mk(12, finding.High)
			for i := range 5 {
				fs[i].Suppressed = true
			}
			return fs
		}(), errors: 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			out := newCommands(&buf)
			for range tt.earlier {
				out.notice("earlier")
			}
			buf.Reset()
			annotate(out, tt.fs)
			s := buf.String()
			pointers := 0
			notices := 0
			for _, l := range commandLines(s, "notice") {
				if strings.Contains(l, "not annotated here") {
					pointers++
					if tt.pointer == "" || !strings.HasPrefix(l, "::notice::"+tt.pointer) {
						t.Errorf("pointer %q, want one starting %q", l, tt.pointer)
					}
					continue
				}
				notices++
			}
			if tt.pointer != "" && pointers != 1 {
				t.Errorf("%d pointer notices, want 1:\n%s", pointers, s)
			}
			if got := len(commandLines(s, "error")); got != tt.errors {
				t.Errorf("%d errors, want %d", got, tt.errors)
			}
			if got := len(commandLines(s, "warning")); got != tt.warnings {
				t.Errorf("%d warnings, want %d", got, tt.warnings)
			}
			if notices != tt.notices {
				t.Errorf("%d finding notices, want %d", notices, tt.notices)
			}
			if total := out.used[cmdNotice]; total > maxAnnotationsPerType {
				t.Errorf("%d notices in the step, over GitHub's %d", total, maxAnnotationsPerType)
			}
		})
	}
}

func TestAnnotationsMostSevereFirst(t *testing.T) {
	fs := []finding.Finding{
		{RuleID: "a/low", Severity: finding.Low, File: "a", Line: 1},
		{RuleID: "b/critical", Severity: finding.Critical, File: "b", Line: 1},
		{RuleID: "c/medium", Severity: finding.Medium, File: "c", Line: 1},
		{RuleID: "d/high", Severity: finding.High, File: "d", Line: 1},
	}
	var buf bytes.Buffer
	annotate(newCommands(&buf), fs)
	var order []string
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		_, rest, _ := strings.Cut(l, "title=")
		rule, _, _ := strings.Cut(rest, "%3A")
		order = append(order, rule)
	}
	if got, want := strings.Join(order, " "), "b/critical d/high c/medium a/low"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
}
