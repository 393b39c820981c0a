package report

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// evidenceResult is a run with an SPF tree and a hostile line in it.
func evidenceResult() *Result {
	return &Result{Evidence: []Evidence{{
		Title: "SPF lookup tree of example.com (4 of 10 lookups)",
		Lines: []string{
			"example.com  v=spf1 include:_spf.google.com mx ~all  [4]",
			"  _spf.google.com  v=spf1 include:_netblocks.google.com ~all  [2]",
			"    _netblocks.google.com  v=spf1 ip4:35.190.247.0/24 ~all  [0]",
			"  mx: 2 names\x1b[31m\nforged line",
		},
	}}}
}

// Each format shows the block with its indentation, and no control
// character from a record reaches the output.
func TestEvidenceInEachFormat(t *testing.T) {
	r := evidenceResult()
	var text strings.Builder
	if err := (TextReporter{}).Write(&text, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"SPF lookup tree of example.com (4 of 10 lookups)\n",
		"\n  example.com  v=spf1 include:_spf.google.com mx ~all  [4]\n",
		"\n      _netblocks.google.com  v=spf1",
		"mx: 2 names [31m forged line\n",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, text.String())
		}
	}
	var md strings.Builder
	if err := (MarkdownReporter{}).Write(&md, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "<details><summary>SPF lookup tree of example.com (4 of 10 lookups)</summary>\n\n```text\nexample.com") ||
		!strings.Contains(md.String(), "\n    _netblocks.google.com") {
		t.Errorf("markdown does not fold the block as text:\n%s", md.String())
	}
	var js strings.Builder
	if err := (JSONReporter{}).Write(&js, r); err != nil {
		t.Fatal(err)
	}
	var got struct{ Evidence []Evidence }
	if err := json.Unmarshal([]byte(js.String()), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Evidence) != 1 || len(got.Evidence[0].Lines) != 4 || got.Evidence[0].Lines[1] != "  _spf.google.com  v=spf1 include:_netblocks.google.com ~all  [2]" {
		t.Errorf("JSON evidence = %+v", got.Evidence)
	}
	for _, out := range []string{text.String(), md.String(), js.String()} {
		if strings.ContainsRune(out, '\x1b') {
			t.Errorf("an escape character got through:\n%q", out)
		}
	}
	// A run without evidence has no evidence key.
	var none strings.Builder
	if err := (JSONReporter{}).Write(&none, &Result{}); err != nil || strings.Contains(none.String(), "evidence") {
		t.Errorf("empty run: %v %s", err, none.String())
	}
}

// A huge block and many blocks are cut, saying how much was left out.
func TestEvidenceBounds(t *testing.T) {
	var blocks []Evidence
	for i := range maxEvidenceBlocks + 3 {
		lines := make([]string, maxEvidenceLines+5)
		for j := range lines {
			lines[j] = fmt.Sprintf("line %d %s", j, strings.Repeat("x", 2*maxEvidenceRunes))
		}
		blocks = append(blocks, Evidence{Title: fmt.Sprintf("block %d", i), Lines: lines})
	}
	var text strings.Builder
	if err := (TextReporter{}).Write(&text, &Result{Evidence: blocks}); err != nil {
		t.Fatal(err)
	}
	out := text.String()
	if !strings.Contains(out, "…and 3 more blocks of evidence") || !strings.Contains(out, "…and 5 more lines") {
		t.Errorf("the cut is not said")
	}
	for _, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > maxEvidenceRunes+10 {
			t.Fatalf("a line of %d runes", n)
		}
	}
}
