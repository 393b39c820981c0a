package spf

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func TestTreeFormat(t *testing.T) {
	z := mustZone(t, `example.com TXT v=spf1 include:_spf.example.net mx a:gone.example.com ~all
example.com MX mx.example.com
_spf.example.net TXT v=spf1 ip4:192.0.2.0/24 a redirect=r.example.net -all
_spf.example.net A 192.0.2.1`)
	res := evaluate(t, z, "example.com")
	want := `example.com  v=spf1 include:_spf.example.net mx a:gone.example.com ~all   [4 lookups]
    void: a:gone.example.com returned nothing
  include:_spf.example.net  v=spf1 ip4:192.0.2.0/24 a redirect=r.example.net -all   [1 lookup]
      note: ignored because the record has all: redirect=r.example.net
`
	if got := res.Tree.String(); got != want {
		t.Errorf("tree:\n%s\nwant:\n%s", got, want)
	}
	if res.Tree.Total != res.Lookups {
		t.Errorf("root total %d, lookups %d", res.Tree.Total, res.Lookups)
	}
}

func TestTreeFormatEscapes(t *testing.T) {
	tree := &Tree{Domain: "example.com", Record: "v=spf1 \x1b[31m-all", Err: errors.New("bad\nline")}
	got := tree.String()
	if strings.ContainsAny(got[:len(got)-1], "\x1b\r") || strings.Count(got, "\n") != 2 {
		t.Errorf("control bytes reached the output: %q", got)
	}
	if !strings.Contains(got, `\x1b[31m`) || !strings.Contains(got, `bad\x0aline`) {
		t.Errorf("escapes missing: %q", got)
	}
	plain := (&Tree{Domain: "example.com", Record: "v=spf1 -all"}).String()
	if plain != "example.com  v=spf1 -all   [0 lookups]\n" {
		t.Errorf("plain tree %q", plain)
	}
	var nilTree *Tree
	if nilTree.String() != "" {
		t.Error("nil tree wrote something")
	}
}

// TestResolverDocumentsJoining keeps the convention another package adapts
// a DNS client to written where that package reads it: one string per TXT
// record, its character-strings joined with nothing between them.
func TestResolverDocumentsJoining(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "resolver.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var typeDoc, txtDoc string
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GenDecl:
			if len(n.Specs) == 1 {
				if ts, ok := n.Specs[0].(*ast.TypeSpec); ok && ts.Name.Name == "Resolver" {
					typeDoc = n.Doc.Text()
				}
			}
		case *ast.Field:
			if len(n.Names) == 1 && n.Names[0].Name == "TXT" {
				txtDoc = n.Doc.Text()
			}
		}
		return true
	})
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, want := range []string{"one string per record", "joined with nothing between them", "RFC 7208 §3.3"} {
		if !strings.Contains(flat(txtDoc), want) {
			t.Errorf("Resolver.TXT doc lacks %q:\n%s", want, txtDoc)
		}
	}
	for _, want := range []string{"returns (nil, nil)", "void lookup", "temporary error", "never as a pass"} {
		if !strings.Contains(flat(typeDoc), want) {
			t.Errorf("Resolver doc lacks %q:\n%s", want, typeDoc)
		}
	}
}
