package checktest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
)

func TestWants(t *testing.T) {
	files := MemFiles{
		"app.py":         "x = 1\nDEBUG = True  # want \"debug/a\"\n",
		"main.go":        "a := 1 // want \"debug/a\" \"cors/b\"\n",
		"site.ini":       "[x]\ndebug = on ; want \"debug/c\"\n",
		"page.html":      "<p>\n<a> <!-- # want \"debug/d\" -->\n",
		"style.css":      "a {} /* // want \"cors/e\" */\n",
		"say.txt":        "I want \"nothing\" here\n",
		"data.json":      "{\n\"a\": 1\n}\n",
		"data.json.want": "# line rule\n\n2 debug/f\n 3  cors/g \n",
		".env":           "A=b # want \"debug/h\"\n",
	}
	tests := []struct {
		name string
		sel  Select
		want []string
	}{
		{"everything", Select{}, []string{
			".env:1 debug/h", "app.py:2 debug/a", "data.json:2 debug/f", "data.json:3 cors/g",
			"main.go:1 cors/b", "main.go:1 debug/a", "page.html:2 debug/d", "site.ini:2 debug/c", "style.css:1 cors/e",
		}},
		{"only some rules", Select{Rule: Only([]string{"cors/b", "cors/g"})}, []string{
			"data.json:3 cors/g", "main.go:1 cors/b",
		}},
		{"comments skipped in env files", Select{
			Rule:         func(rule string) bool { return strings.HasPrefix(rule, "debug/") },
			SkipComments: func(name string) bool { return name == ".env" || name == "data.json" },
		}, []string{
			"app.py:2 debug/a", "data.json:2 debug/f", "main.go:1 debug/a", "page.html:2 debug/d", "site.ini:2 debug/c",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wants(t, files, tt.sel)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Wants =\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

// recorder keeps what a helper reports instead of failing the test.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name      string
		got, want []string
		errors    []string
	}{
		{"equal", []string{"a:1 r", "b:2 r"}, []string{"a:1 r", "b:2 r"}, nil},
		{"both empty", nil, nil, nil},
		{"unexpected", []string{"a:1 r", "c:3 r"}, []string{"a:1 r"}, []string{"unexpected finding c:3 r"}},
		{"missing", nil, []string{"a:1 r"}, []string{"missing finding a:1 r"}},
		{"wrong line", []string{"a:2 r"}, []string{"a:1 r"}, []string{"unexpected finding a:2 r", "missing finding a:1 r"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{TB: t}
			Compare(r, tt.got, tt.want)
			if !slices.Equal(r.errors, tt.errors) {
				t.Errorf("Compare reported %q, want %q", r.errors, tt.errors)
			}
		})
	}
}

func TestFindings(t *testing.T) {
	c := &check.Check{
		Applies: func(t *check.Target) bool { return t.Tree != nil },
		Run: func(_ context.Context, _ *check.Target, emit func(check.Report)) error {
			emit(check.Report{Rule: "x/b", File: "z.txt", Line: 3})
			emit(check.Report{Rule: "x/a", File: "a.txt", Line: 10})
			return nil
		},
	}
	tree := Tree(t, t.TempDir())
	got := Findings(t, c, &check.Target{Root: tree.Root(), Tree: tree})
	if want := []string{"a.txt:10 x/a", "z.txt:3 x/b"}; !slices.Equal(got, want) {
		t.Errorf("Findings = %v, want %v", got, want)
	}
}

func TestMemFiles(t *testing.T) {
	m := MemFiles{"b": "2", "a": "1"}
	if got := m.Files(); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("Files = %v, want [a b]", got)
	}
	if data, err := m.Read("b"); err != nil || string(data) != "2" {
		t.Errorf("Read(b) = %q, %v", data, err)
	}
	if _, err := m.Read("c"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Read(c) error = %v, want one wrapping fs.ErrNotExist", err)
	}
}
