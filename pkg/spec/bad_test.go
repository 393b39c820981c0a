package spec

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// want is what a bad-input fixture says Load makes of it, from its
// "# want" comment lines (or a .want file beside it for formats without
// comments).
type want struct {
	problems []wantProblem
	ops      int // -1: not stated
	partial  bool
	empty    bool // no operations and Partial
}

type wantProblem struct {
	line int
	re   *regexp.Regexp
}

func readWant(t *testing.T, path string) want {
	t.Helper()
	src := path
	if _, err := os.Stat(path + ".want"); err == nil {
		src = path + ".want"
	}
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	w := want{ops: -1}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "# want ")
		if !ok {
			continue
		}
		kind, arg, _ := strings.Cut(rest, " ")
		switch kind {
		case "problem":
			ln, re, _ := strings.Cut(arg, " ")
			n, err := strconv.Atoi(ln)
			if err != nil {
				t.Fatalf("%s: bad want line %q", src, rest)
			}
			w.problems = append(w.problems, wantProblem{n, regexp.MustCompile(re)})
		case "ops":
			w.ops, _ = strconv.Atoi(arg)
		case "partial":
			w.partial = true
		case "empty":
			w.empty, w.partial, w.ops = true, true, 0
		default:
			t.Fatalf("%s: unknown want %q", src, kind)
		}
	}
	if len(w.problems) == 0 {
		t.Fatalf("%s states no expected problem", src)
	}
	return w
}

// TestLoadBadInput loads every fixture in testdata/specs/bad and checks the
// problems (line and message), that a model still comes back, and that it
// does so quickly.
func TestLoadBadInput(t *testing.T) {
	root := specsDir(t)
	ents, err := os.ReadDir(filepath.Join(root, "bad"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".want") {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			file := "bad/" + e.Name()
			w := readWant(t, filepath.Join(root, file))
			start := time.Now()
			doc, problems := Load(context.Background(), file, DirReader(root), Options{})
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			if doc == nil {
				t.Fatalf("nil document; problems %v", problems)
			}
			if len(problems) != len(w.problems) {
				t.Errorf("got %d problems, want %d:\n%s", len(problems), len(w.problems), problemList(problems))
			}
			for _, wp := range w.problems {
				if !hasProblem(problems, file, wp) {
					t.Errorf("missing problem at %s:%d matching %q; got:\n%s", file, wp.line, wp.re, problemList(problems))
				}
			}
			if w.ops >= 0 && len(doc.Operations) != w.ops {
				t.Errorf("got %d operations, want %d", len(doc.Operations), w.ops)
			}
			if doc.Partial != w.partial {
				t.Errorf("Partial = %v, want %v", doc.Partial, w.partial)
			}
		})
	}
}

func hasProblem(ps []Problem, file string, w wantProblem) bool {
	for _, p := range ps {
		if p.Loc.File == file && p.Loc.Line == w.line && w.re.MatchString(p.Message) {
			return true
		}
	}
	return false
}

func problemList(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "  %s\n", p)
	}
	return b.String()
}

// TestLoadUnreadable covers the only cases with no Document: the file
// cannot be read at all. Each still says why.
func TestLoadUnreadable(t *testing.T) {
	files := MapReader(map[string]string{"big.yaml": "openapi: 3.0.3\n" + strings.Repeat("# padding\n", 200)})
	tests := []struct {
		name, file string
		opts       Options
		want       string
	}{
		{"missing", "nope.yaml", Options{}, "document not found"},
		{"escaping", "../outside.yaml", Options{}, "leaves the scan root"},
		{"absolute", "/etc/passwd", Options{}, "leaves the scan root"},
		{"over the limit", "big.yaml", Options{MaxBytes: 1000}, `2015 bytes, over the 1000-byte limit`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems := Load(context.Background(), tt.file, files, tt.opts)
			if doc != nil {
				t.Errorf("got a document for an unreadable file")
			}
			if len(problems) != 1 || !strings.Contains(problems[0].Message, tt.want) {
				t.Fatalf("problems %v, want one containing %q", problems, tt.want)
			}
		})
	}
}

// TestLoadRefLimits checks the limits on what $refs pull in: the files
// together may not pass twice the per-file limit.
func TestLoadRefLimits(t *testing.T) {
	item := "get:\n  responses: {\"200\": {description: ok}}\n" + strings.Repeat("# filler line\n", 60)
	files := map[string]string{
		"api.yaml": "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths:\n" +
			"  /a: {$ref: a.yaml}\n  /b: {$ref: b.yaml}\n  /c: {$ref: c.yaml}\n",
		"a.yaml": item, "b.yaml": item, "c.yaml": item,
	}
	doc, problems := Load(context.Background(), "api.yaml", MapReader(files), Options{MaxBytes: 1000})
	if doc == nil {
		t.Fatalf("nil document: %v", problems)
	}
	found := false
	for _, p := range problems {
		if strings.Contains(p.Message, "pass 2000 bytes together") {
			found = true
		}
	}
	if !found {
		t.Errorf("no problem about the total size; got:\n%s", problemList(problems))
	}
	if len(doc.Operations) == 0 || len(doc.Operations) == 3 {
		t.Errorf("got %d operations; want the files that fit (1 or 2)", len(doc.Operations))
	}
}
