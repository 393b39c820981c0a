package secrets

import (
	"context"
	"strings"
	"testing"
)

// maxFuzzText bounds the text FuzzScan plants a secret in. Go's fuzzing
// engine minimises every input that reaches new code, with a step that is
// quadratic in the input's length and a budget of a minute
// (-fuzzminimizetime), and a scan costs about a millisecond in a fuzzing
// build, so a text the mutator has grown to kilobytes stalls a run for
// that minute. 256 bytes hold a few lines of assignments, keywords and
// quotes around the secret, and an AWS key ID further than pairLines from
// its secret key; large files and bundles are tested in bundle_test.go.
const maxFuzzText = 256

// FuzzScan feeds arbitrary text, with planted secrets mixed in, through the
// engine: it must not panic or fail, every Secret must lie inside the
// fragment, and no field may carry a planted value.
func FuzzScan(f *testing.F) {
	e := newEngine(f, Options{ReportPublic: true})
	g := newGen(f)
	// An AWS key pair is planted as the ID with its secret key after it.
	awsID, awsKey := g.aws(), g.from(alnum+"/+", 40)
	awsPair := planted{"aws key pair", awsID.value + `", secretAccessKey: "` + awsKey, awsID.random + awsKey}
	plants := []planted{g.stripeLive(), g.aws(), g.githubPAT(), g.dbPassword(), g.privateKey(), awsPair}
	for _, s := range []string{
		"",
		"\n\n\n",
		"NEXT_PUBLIC_SECRET=abc\nVITE_TOKEN: x",
		"postgres://u:p@h\nmongodb+srv://:@",
		"eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJlc2lnbmF0dXJl",
		"-----BEGIN PRIVATE KEY-----\n",
		"\xff\xfe\x00token=\x80\x81abc",
		"api_key = 'ÄÖÜßßßßßßßßßßß' gitleaks:allow",
		"[default]\naws_access_key_id = \naws_secret_access_key = \n",
		"{accessKeyId:\"\",secretAccessKey:\"\"}",
	} {
		if len(s) > maxFuzzText {
			f.Fatalf("seed of %d bytes, over the %d the target tries: %q", len(s), maxFuzzText, s)
		}
		f.Add(s, uint8(0), uint16(0))
	}
	f.Fuzz(func(t *testing.T, text string, which uint8, at uint16) {
		if len(text) > maxFuzzText {
			return
		}
		p := plants[int(which)%len(plants)]
		pos := min(int(at), len(text))
		content := text[:pos] + ` key="` + p.value + `" ` + text[pos:]
		frag := Fragment{Path: "fuzz/input.txt", Content: content, StartLine: 1}
		got, err := e.Scan(context.Background(), frag)
		if err != nil {
			t.Fatalf("Scan: %v", err)
		}
		lines := strings.Count(content, "\n") + 1
		for _, s := range got {
			if s.Line < 1 || s.Line > lines || s.EndLine < s.Line || s.EndLine > lines || s.Column < 1 || s.EndColumn < 1 {
				t.Fatalf("%s at %d:%d-%d:%d is outside the %d-line fragment", s.RuleID, s.Line, s.Column, s.EndLine, s.EndColumn, lines)
			}
			lineText := strings.Split(content, "\n")[s.Line-1]
			if s.Column > len(lineText)+1 {
				t.Fatalf("%s column %d beyond line length %d", s.RuleID, s.Column, len(lineText))
			}
			for _, field := range []string{s.RuleID, s.Title, s.Redacted, s.Key, s.Message} {
				if l := leaks(field, plants); l != "" && !strings.Contains(text, p.value) {
					t.Fatalf("%s leaks the %s", s.RuleID, l)
				}
			}
		}
	})
}
