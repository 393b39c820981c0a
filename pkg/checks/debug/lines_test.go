package debug

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check/checktest"
)

func mustRule(t testing.TB, m catalog.Match) *lineRule {
	t.Helper()
	if len(m.Files) == 0 {
		m.Files = []string{"*"}
	}
	lr, err := compileRule(&catalog.Rule{ID: "debug/x", Title: "X", Match: &m})
	if err != nil {
		t.Fatal(err)
	}
	return lr
}

// hits formats every hit as line:column:match.
func hits(data string, rs ...*lineRule) []string {
	var out []string
	scanLines([]byte(data), rs, func(h hit) {
		out = append(out, fmt.Sprintf("%d:%d:%s", h.line, h.column, h.match))
	})
	return out
}

func TestScanLines(t *testing.T) {
	tests := []struct {
		name  string
		match catalog.Match
		data  string
		want  []string
	}{
		{"line and byte column", catalog.Match{Pattern: `debug=True`}, "a\n  x(debug=True)\n", []string{"2:5:debug=True"}},
		{"once per line", catalog.Match{Pattern: `on`}, "on on\n", []string{"1:1:on"}},
		{"crlf stripped", catalog.Match{Pattern: `x$`}, "a x\r\nb\r\n", []string{"1:3:x"}},
		{"last line without newline", catalog.Match{Pattern: `x`}, "a\nx", []string{"2:1:x"}},
		{"empty input", catalog.Match{Pattern: `x`}, "", nil},
		{"unless on the line", catalog.Match{Pattern: `x`, Unless: `^#`}, "#x\nx\n", []string{"2:1:x"}},
		{"case folded literal", catalog.Match{Pattern: `(?i)debug`}, "DeBuG\n", []string{"1:1:DeBuG"}},
		{"window joins the line before", catalog.Match{Pattern: `a:\s*\n\s*b`, Window: 2}, "a:\n  b\n", []string{"2:3:b"}},
		{"window skips blank lines", catalog.Match{Pattern: `a:\s*\n\s*b`, Window: 2}, "a:\n\n   \n  b\n", []string{"4:3:b"}},
		{"window too far", catalog.Match{Pattern: `a:\s*\n\s*b`, Window: 2}, "a:\nc\n  b\n", nil},
		{"window keeps single-line matches", catalog.Match{Pattern: `x|a\nb`, Window: 2}, "x\nx\n", []string{"1:1:x", "2:1:x"}},
		{"match ending earlier is not repeated", catalog.Match{Pattern: `a\nb`, Window: 3}, "a\nb\nc\n", []string{"2:1:b"}},
		{"unless_before guard", catalog.Match{Pattern: `run\(`, Window: 3, UnlessBefore: `if dev`}, "if dev {\n  run()\n}\nrun()\n", []string{"4:1:run("}},
		{"guard out of the window", catalog.Match{Pattern: `run\(`, Window: 2, UnlessBefore: `if dev`}, "if dev {\n{\n  run()\n", []string{"3:3:run("}},
		{"long line ends the window", catalog.Match{Pattern: `a\n\s*b`, Window: 3}, "a\n" + strings.Repeat("z", maxContextLine+1) + "\nb\n", nil},
		{"unless_after guard", catalog.Match{Pattern: `none`, Window: 3, UnlessAfter: `secure`}, "none,\n\n  secure\n}\nnone\n}\n", []string{"5:1:none"}},
		{"unless_after guard out of the window", catalog.Match{Pattern: `none`, Window: 2, UnlessAfter: `secure`}, "none\nx\nsecure\n", []string{"1:1:none"}},
		{"unless_after at the end of the file", catalog.Match{Pattern: `none`, Window: 2, UnlessAfter: `secure`}, "none", []string{"1:1:none"}},
		{"unless_after with crlf", catalog.Match{Pattern: `none$`, Window: 2, UnlessAfter: `^secure$`}, "none\r\nsecure\r\n", nil},
		{"crlf in a window", catalog.Match{Pattern: `a:\n\s*b`, Window: 2}, "a:\r\n  b\r\n", []string{"2:3:b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := hits(tt.data, mustRule(t, tt.match))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("hits = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAppliesTo(t *testing.T) {
	tests := []struct {
		name  string
		match catalog.Match
		path  string
		want  bool
	}{
		{"base name glob at depth", catalog.Match{Files: []string{"*.py"}}, "a/b/app.py", true},
		{"base name glob other ext", catalog.Match{Files: []string{"*.py"}}, "a/b/app.go", false},
		{"slash glob", catalog.Match{Files: []string{"**/config/environments/production.rb"}}, "config/environments/production.rb", true},
		{"slash glob elsewhere", catalog.Match{Files: []string{"**/config/environments/production.rb"}}, "config/production.rb", false},
		{"production only", catalog.Match{Files: []string{"*.yaml"}, Production: true}, "k8s/api.yaml", true},
		{"production only, dev file", catalog.Match{Files: []string{"*.yaml"}, Production: true}, "docker-compose.dev.yaml", false},
		{"production only, plain file", catalog.Match{Files: []string{"*.yaml"}, Production: true}, "config/app.yaml.bak", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.match.Pattern = "x"
			if got := mustRule(t, tt.match).appliesTo(tt.path); got != tt.want {
				t.Errorf("appliesTo(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

func TestReportsKeyAndSkips(t *testing.T) {
	rs := loadRules(t)
	files := checktest.MemFiles{
		"app.py":            "app.run(debug=True)\n\napp.run(debug=True)\n",
		"tests/conftest.py": "app.run(debug=True)\n",
		"bin.py":            "app.run(debug=True)\x00\x00\x00",
	}
	got := run(t, files, rs)
	if len(got) != 2 {
		t.Fatalf("got %d reports, want the two in app.py: %+v", len(got), got)
	}
	a, b := got[0], got[1]
	if a.File != "app.py" || a.Line != 1 || b.Line != 3 || a.Column != 4 {
		t.Errorf("reports at %s:%d:%d and %d", a.File, a.Line, a.Column, b.Line)
	}
	if a.Key == b.Key {
		t.Error("two identical lines share a key, so dedupe would drop one")
	}
	moved := run(t, checktest.MemFiles{"app.py": "\n\n\napp.run(debug=True)\n"}, rs)
	if len(moved) != 1 || moved[0].Key != a.Key {
		t.Errorf("moving the line changed its key: %+v", moved)
	}
	if !strings.Contains(a.Message, "run(debug=True") {
		t.Errorf("message %q does not quote the match", a.Message)
	}
}

func TestCloseExcerpt(t *testing.T) {
	tests := []struct {
		name, match, rest, want string
	}{
		{"closing quote", `value: "1`, `" # x`, `value: "1"`},
		{"closing bracket and quote", `["*`, `"]  # y`, `["*"]`},
		{"balanced already", `debug=True`, `)`, `debug=True`},
		{"nothing follows", `include: "*`, ``, `include: "*`},
		{"other text follows", `x("a`, `b")`, `x("a`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(closeExcerpt([]byte(tt.match), []byte(tt.rest))); got != tt.want {
				t.Errorf("closeExcerpt(%q, %q) = %q, want %q", tt.match, tt.rest, got, tt.want)
			}
		})
	}
}

// A file holding the Kelvin sign or the long s is read without the literal
// prefilter, since ASCII lower-casing does not turn them into k and s.
func TestScanLinesFoldsPastASCII(t *testing.T) {
	r := &lineRule{id: "x/samesite", window: 1, pattern: regexp.MustCompile(`(?i)samesite=none`)}
	lits, err := requiredLiterals(r.pattern.String())
	if err != nil || len(lits) == 0 {
		t.Fatalf("requiredLiterals = %q, %v; want a literal", lits, err)
	}
	for _, l := range lits {
		r.literals = append(r.literals, []byte(l))
	}
	for _, c := range []struct {
		name, text string
		want       int
	}{
		{"plain", "Set-Cookie: a=1; SameSite=None", 1},
		{"long s", "Set-Cookie: a=1; \u017fameSite=None", 1},
		{"none", "Set-Cookie: a=1; SameSite=Lax", 0},
	} {
		got := 0
		scanLines([]byte(c.text), []*lineRule{r}, func(hit) { got++ })
		if got != c.want {
			t.Errorf("%s: %d hits, want %d", c.name, got, c.want)
		}
	}
}
