package secrets

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// minifiedBundle returns about size bytes of one-line minified JavaScript,
// made of harmless statements that look like a real bundle's.
func minifiedBundle(g *gen, size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, `var %s=function(e,t){return e.%s(t)||null};`, g.from("abcdefghijklmnopqrstuvwxyz", 2), g.from("abcdefghijklmnopqrstuvwxyz", 6))
		case 1:
			fmt.Fprintf(&b, `e.exports={id:%d,name:"%s",enabled:!0};`, i, g.from("abcdefghijklmnopqrstuvwxyz", 8))
		case 2:
			fmt.Fprintf(&b, `if(n.length>%d){t.push(n.slice(0,%d))}`, i%97, i%13)
		case 3:
			fmt.Fprintf(&b, `o.headers["x-request-id"]="%s";`, g.from("0123456789abcdef", 8))
		}
	}
	return b.String()
}

func TestBundlePositions(t *testing.T) {
	e := newEngine(t, Options{})
	g := newGen(t)
	bundle := minifiedBundle(g, 2<<20)
	straddle, end := g.stripeLive(), g.aws()
	// The first value starts 10 bytes before the 100 KB mark, where a
	// chunked reader would cut it in two.
	const mark = 100 << 10
	prefix := `;var s="`
	cut := mark - 10 - len(prefix)
	content := bundle[:cut] + prefix + straddle.value + `";` + bundle[cut:] + `;var k={key:"` + end.value + `"};`
	wantStraddle := cut + len(prefix) + 1
	wantEnd := strings.Index(content, end.value) + 1
	got, err := e.Scan(context.Background(), Fragment{Path: "dist/static/js/main.js", Content: content, StartLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		rule string
		col  int
		n    int
	}{
		{"secret/stripe-access-token", wantStraddle, len(straddle.value)},
		{"secret/aws-access-token", wantEnd, len(end.value)},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %d secrets", ruleIDs(got), len(want))
	}
	for i, w := range want {
		s := got[i]
		if s.RuleID != w.rule || s.Line != 1 || s.EndLine != 1 || s.Column != w.col || s.EndColumn != w.col+w.n {
			t.Errorf("%s at %d:%d-%d:%d, want %s at 1:%d-1:%d", s.RuleID, s.Line, s.Column, s.EndLine, s.EndColumn, w.rule, w.col, w.col+w.n)
		}
	}
	if wantStraddle-1 >= mark || wantStraddle-1+len(straddle.value) <= mark {
		t.Fatalf("test setup: the value does not straddle the %d mark", mark)
	}
}

// TestWindowBoundaries puts secrets across the edges of the windows large
// contents are scanned in, and a private key across one in a multi-line
// file: each is found once, at its place.
func TestWindowBoundaries(t *testing.T) {
	e := newEngine(t, Options{})
	g := newGen(t)
	bundle := minifiedBundle(g, 3*windowBytes)
	a, b, c := g.stripeLive(), g.aws(), g.stripeLive()
	// a straddles the first boundary, c starts in the margin before the
	// second, and b starts right on it.
	prefix := `;var s="`
	at := []int{windowBytes - 10 - len(prefix), 2*windowBytes - windowMargin/2, 2*windowBytes - len(prefix)}
	vals := []string{a.value, c.value, b.value}
	var sb strings.Builder
	prev := 0
	var want []int
	for i, cut := range at {
		sb.WriteString(bundle[prev:cut])
		sb.WriteString(prefix)
		want = append(want, sb.Len()+1)
		sb.WriteString(vals[i] + `";`)
		prev = cut
	}
	sb.WriteString(bundle[prev:])
	content := sb.String()
	got, err := e.Scan(context.Background(), Fragment{Path: "dist/app.js", Content: content, StartLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %v, want 3 secrets, each once", ruleIDs(got))
	}
	for i, s := range got {
		if s.Line != 1 || s.Column != want[i] || s.EndColumn != want[i]+len(vals[i]) {
			t.Errorf("secret %d (%s) at 1:%d-%d, want 1:%d-%d", i, s.RuleID, s.Column, s.EndColumn, want[i], want[i]+len(vals[i]))
		}
	}

	// A multi-line file whose private key block crosses a window edge.
	key := g.privateKey()
	filler := strings.Repeat("const x = 1; // filler line\n", windowBytes/28)
	doc := filler + key.value + "\n" + filler
	got, err = e.Scan(context.Background(), Fragment{Path: "deploy/key.pem.txt", Content: doc, StartLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].RuleID != "secret/private-key" || got[0].Line != strings.Count(filler, "\n")+1 {
		t.Errorf("private key across a window edge: got %v", got)
	}
}
