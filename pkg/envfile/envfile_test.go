package envfile

import (
	"fmt"
	"strings"
	"testing"
)

// entry is an Entry written compactly for the table: flags are "e"
// (export), "q" (quoted) and "i" (interpolated).
type entry struct {
	key, value string
	line       int
	flags      string
}

func (e entry) String() string { return fmt.Sprintf("%d %s=%q [%s]", e.line, e.key, e.value, e.flags) }

func compact(f File) []string {
	var out []string
	for _, e := range f.Entries {
		flags := ""
		if e.Export {
			flags += "e"
		}
		if e.Quoted {
			flags += "q"
		}
		if e.Interpolated {
			flags += "i"
		}
		out = append(out, entry{e.Key, e.Value, e.Line, flags}.String())
	}
	return out
}

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		want     []entry
		problems []int // lines with a problem
	}{
		{name: "plain", input: "A=1\nB=two\n", want: []entry{{"A", "1", 1, ""}, {"B", "two", 2, ""}}},
		{name: "no final newline", input: "A=1", want: []entry{{"A", "1", 1, ""}}},
		{name: "empty value", input: "A=\nB=\"\"\n", want: []entry{{"A", "", 1, ""}, {"B", "", 2, "q"}}},
		{name: "crlf", input: "A=1\r\nB=2\r\n", want: []entry{{"A", "1", 1, ""}, {"B", "2", 2, ""}}},
		{name: "lone cr", input: "A=1\rB=2\r", want: []entry{{"A", "1", 1, ""}, {"B", "2", 2, ""}}},
		{name: "bom", input: "\xEF\xBB\xBFA=1\nB=2", want: []entry{{"A", "1", 1, ""}, {"B", "2", 2, ""}}},
		{name: "export prefix", input: "export A=1\nexport\tB=2\n", want: []entry{{"A", "1", 1, "e"}, {"B", "2", 2, "e"}}},
		{name: "export alone is skipped", input: "export A\nB=2\n", want: []entry{{"B", "2", 2, ""}}},
		{name: "key named export", input: "export=1\n", want: []entry{{"export", "1", 1, ""}}},
		{name: "spaces around equals", input: "A = 1  \n  B=  2\n", want: []entry{{"A", "1", 1, ""}, {"B", "2", 2, ""}}},
		{name: "yaml style", input: "A: 1\n", want: []entry{{"A", "1", 1, ""}}},
		{name: "dotted and dashed keys", input: "a.b-c=1\n", want: []entry{{"a.b-c", "1", 1, ""}}},
		{name: "comments", input: "# note\n  # indented\nA=1 # trailing\nB=x#y\nC= # only a comment\nD=#hash\n",
			want: []entry{{"A", "1", 3, ""}, {"B", "x#y", 4, ""}, {"C", "", 5, ""}, {"D", "#hash", 6, ""}}},
		{name: "double quotes with escapes", input: `A="a\nb\t\"c\"\\ \$HOME \q"` + "\n",
			want: []entry{{"A", "a\nb\t\"c\"\\ $HOME \\q", 1, "q"}}},
		{name: "comment after quotes", input: "A=\"x # not a comment\" # comment\n", want: []entry{{"A", "x # not a comment", 1, "q"}}},
		{name: "single quotes are literal", input: `A='a\nb $HOME ${X}'` + "\nB='it\\'s'\n",
			want: []entry{{"A", `a\nb $HOME ${X}`, 1, "q"}, {"B", "it's", 2, "q"}}},
		{name: "backticks", input: "A=`say \"hi\" and 'bye'`\n", want: []entry{{"A", `say "hi" and 'bye'`, 1, "q"}}},
		{name: "multi-line double quotes", input: "A=\"line1\nline2\nline3\"\nB=2\n",
			want: []entry{{"A", "line1\nline2\nline3", 1, "q"}, {"B", "2", 4, ""}}},
		{name: "multi-line single quotes crlf", input: "KEY='-----BEGIN KEY-----\r\nabc\r\n-----END KEY-----'\r\nB=2\r\n",
			want: []entry{{"KEY", "-----BEGIN KEY-----\nabc\n-----END KEY-----", 1, "q"}, {"B", "2", 4, ""}}},
		{name: "unclosed quote", input: "A=\"abc\nB=2\n", want: []entry{{"A", "\"abc", 1, ""}, {"B", "2", 2, ""}}, problems: []int{1}},
		{name: "text after closing quote", input: "A=\"x\" y\nB=1\n", want: []entry{{"A", "x", 1, "q"}, {"B", "1", 2, ""}}, problems: []int{1}},
		{name: "duplicate keys keep the last", input: "A=1\nB=2\nA=3\n", want: []entry{{"A", "3", 3, ""}, {"B", "2", 2, ""}}, problems: []int{1}},
		{name: "interpolation", input: "A=${HOST}:5432\nB=\"$USER\"\nC='${X}'\nD=\"\\$NOT\"\nE=${X:-default}\nF=cost$\n",
			want: []entry{{"A", "${HOST}:5432", 1, "i"}, {"B", "$USER", 2, "qi"}, {"C", "${X}", 3, "q"}, {"D", "$NOT", 4, "q"}, {"E", "${X:-default}", 5, "i"}, {"F", "cost$", 6, ""}}},
		{name: "line without equals", input: "JUSTAKEY\nA=1\n", want: []entry{{"A", "1", 2, ""}}, problems: []int{1}},
		{name: "not a key", input: "1A=2\n=3\n-x\nA=1\n", want: []entry{{"A", "1", 4, ""}}, problems: []int{1, 2, 3}},
		{name: "junk after key", input: "A B=1\n", problems: []int{1}},
		{name: "non-utf8 passes through", input: "A=\xff\xfe\n", want: []entry{{"A", "\xff\xfe", 1, ""}}},
		{name: "blank lines and tabs", input: "\n\t\n  A=1\n\n", want: []entry{{"A", "1", 3, ""}}},
		{name: "equals in value", input: "A=b=c==\n", want: []entry{{"A", "b=c==", 1, ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := Parse([]byte(tc.input))
			var want []string
			for _, e := range tc.want {
				want = append(want, e.String())
			}
			if got := compact(f); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			var lines []int
			for _, p := range f.Problems {
				lines = append(lines, p.Line)
				if p.Message == "" {
					t.Errorf("problem on line %d has no message", p.Line)
				}
			}
			if fmt.Sprint(lines) != fmt.Sprint(tc.problems) && !(len(lines) == 0 && len(tc.problems) == 0) {
				t.Errorf("problems on lines %v, want %v: %v", lines, tc.problems, f.Problems)
			}
		})
	}
}

// TestProblemsNeverQuoteValues holds the parser to never repeating a value
// in a problem message, since values are secrets.
func TestProblemsNeverQuoteValues(t *testing.T) {
	const secret = "s3cr3tVALUEzz"
	inputs := []string{
		"A=\"" + secret + "\n",
		"A='" + secret + "' trailing\n",
		"A=1\nA=" + secret + "\n",
		secret + "\n",
		"A " + secret + "\n",
	}
	for _, in := range inputs {
		f := Parse([]byte(in))
		if len(f.Problems) == 0 {
			t.Errorf("%q: no problem reported", in)
		}
		for _, p := range f.Problems {
			if strings.Contains(p.Message, secret) || strings.Contains(p.Message, "s3cr") {
				t.Errorf("%q: problem %q quotes the value", in, p.Message)
			}
		}
	}
}

func TestProblemsAreBounded(t *testing.T) {
	junk := strings.Repeat("!!!\n", 500)
	f := Parse([]byte(junk))
	if len(f.Problems) != maxProblems+1 {
		t.Fatalf("got %d problems, want %d plus a summary", len(f.Problems), maxProblems)
	}
	if last := f.Problems[maxProblems]; !strings.Contains(last.Message, "480 more") {
		t.Errorf("summary = %q", last.Message)
	}
}

func TestGet(t *testing.T) {
	f := Parse([]byte("A=1\nB=2\n"))
	if e, ok := f.Get("B"); !ok || e.Value != "2" || e.Line != 2 {
		t.Errorf("Get(B) = %+v, %v", e, ok)
	}
	if _, ok := f.Get("C"); ok {
		t.Error("Get(C) found a key the file does not set")
	}
}
