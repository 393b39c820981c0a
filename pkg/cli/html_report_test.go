package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// TestHTMLReportShowsNoSecret scans a tree whose findings sit next to
// planted secrets and writes the HTML report, to stdout and to a file. No
// piece of a secret may appear in the page, neither in its source nor in
// the text a reader sees once entities are decoded (html/template writes
// "+" as "&#43;", so a raw grep alone could miss a value), while every
// finding of the tree is on it: the redaction happens upstream, and the
// page is the proof that it held.
func TestHTMLReportShowsNoSecret(t *testing.T) {
	files, plants, wants := testkit.LeakTree(t)
	dir := writeTree(t, files)
	r := run(t, dir, "scan", "--artifacts", "dist", "--format", "html")
	if r.code != ExitBlocking {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "report.html")
	if w := run(t, dir, "scan", "--artifacts", "dist", "--format", "html", "--output", out); w.code != ExitBlocking {
		t.Fatalf("--output: exit %d\n%s", w.code, w.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for name, page := range map[string]string{"stdout": r.stdout, "--output file": string(data)} {
		text := pageText(t, page)
		if got := testkit.Leaks(page+"\n"+text+"\n"+r.stderr, plants); len(got) > 0 {
			t.Errorf("the HTML report on %s shows %v", name, got)
		}
		for _, want := range []string{"Launch readiness: ✗ Not ready", "28 November 2026, 12:00 UTC", "launchgate v0.0.0-test"} {
			if !strings.Contains(text, want) {
				t.Errorf("the HTML report on %s lacks %q", name, want)
			}
		}
		// The test means something only if the findings next to the
		// secrets are on the page.
		for _, want := range wants {
			rules, place, _ := strings.Cut(want, "@")
			shown := strings.Contains(text, place)
			if shown {
				shown = false
				for _, rule := range strings.Split(rules, "|") {
					shown = shown || strings.Contains(text, rule)
				}
			}
			if !shown {
				t.Errorf("the HTML report on %s does not show %s", name, want)
			}
		}
	}
}

// pageText is the text of an HTML page as a reader sees it, entities
// decoded.
func pageText(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("the HTML report does not parse: %v", err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}
