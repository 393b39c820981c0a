package spec

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// summary renders what the checks read from a document, one fact a line,
// each with the file and line it is located at, so a test can state the
// expected model as plain text.
func summary(doc *Document) string {
	var b strings.Builder
	at := func(l Location) string {
		s := fmt.Sprintf("@%s:%d", l.File, l.Line)
		if l.EndLine > l.Line {
			s += fmt.Sprintf("-%d", l.EndLine)
		}
		return s
	}
	sec := func(s *Security) string {
		if s == nil {
			return "inherit"
		}
		parts := []string{at(s.Loc)}
		for _, r := range s.Requirements {
			var names []string
			for _, u := range r.Schemes {
				n := u.Name
				if len(u.Scopes) > 0 {
					n += "(" + strings.Join(u.Scopes, ",") + ")"
				}
				names = append(names, n)
			}
			parts = append(parts, "{"+strings.Join(names, "+")+"}"+at(r.Loc))
		}
		return strings.Join(parts, " ")
	}
	fmt.Fprintf(&b, "version %s partial=%v\n", doc.Version, doc.Partial)
	for _, s := range doc.Servers {
		fmt.Fprintf(&b, "server %s %s\n", s.URL, at(s.Loc))
	}
	if doc.Security != nil {
		fmt.Fprintf(&b, "security %s\n", sec(doc.Security))
	}
	if doc.SchemesLoc.Line > 0 {
		fmt.Fprintf(&b, "schemes %s\n", at(doc.SchemesLoc))
	}
	names := make([]string, 0, len(doc.Schemes))
	for n := range doc.Schemes {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		s := doc.Schemes[n]
		fmt.Fprintf(&b, "scheme %s %s/%s in=%s name=%s %s\n", n, s.Type, s.Scheme, s.In, s.ParamName, at(s.Loc))
		for _, f := range s.Flows {
			fmt.Fprintf(&b, "  flow %s auth=%s token=%s scopes=%v %s\n", f.Kind, f.AuthorizationURL, f.TokenURL, f.Scopes, at(f.Loc))
		}
	}
	for _, op := range doc.Operations {
		fmt.Fprintf(&b, "op %s id=%s tags=%v %s\n", op.Key(), op.ID, op.Tags, at(op.Loc))
		fmt.Fprintf(&b, "  security %s\n", sec(op.Security))
		for _, p := range op.Parameters {
			fmt.Fprintf(&b, "  param %s %s %s\n", p.In, p.Name, at(p.Loc))
		}
		for _, r := range op.Responses {
			fmt.Fprintf(&b, "  response %s headers=%v %s\n", r.Code, r.Headers, at(r.Loc))
		}
		for _, s := range op.Servers {
			fmt.Fprintf(&b, "  server %s %s\n", s.URL, at(s.Loc))
		}
		keys := make([]string, 0, len(op.Extensions))
		for k := range op.Extensions {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "  ext %s=%v\n", k, op.Extensions[k])
		}
	}
	return b.String()
}

// specsDir is the repository's testdata/specs.
func specsDir(t testing.TB) string {
	t.Helper()
	d, err := filepath.Abs(filepath.Join("..", "..", "testdata", "specs"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(d); err != nil {
		t.Fatalf("fixtures: %v", err)
	}
	return d
}

// diffLines shows the first lines where got and want differ.
func diffLines(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var out []string
	for i := 0; i < max(len(g), len(w)) && len(out) < 12; i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			out = append(out, fmt.Sprintf("line %d:\n  got:  %s\n  want: %s", i+1, gl, wl))
		}
	}
	return strings.Join(out, "\n")
}
