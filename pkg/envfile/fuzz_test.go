package envfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// maxFuzzFile bounds the files FuzzParse tries. Go's fuzzing engine
// minimises every input that reaches new code, with a step that is
// quadratic in the input's length and a budget of a minute
// (-fuzzminimizetime), so a file the mutator has grown to kilobytes stalls
// a run for that minute. 256 bytes hold a dozen entries of every quoting
// style, a value quoted across lines, and more bad lines than maxProblems.
const maxFuzzFile = 256

// FuzzParse holds Parse to never panicking and to entries that make sense:
// lines within the input, keys of key characters, unique keys.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "envfile", "*"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil && len(data) <= maxFuzzFile {
			f.Add(data)
		}
	}
	// What the fixtures too large to fuzz hold (quirks.env), and more
	// problems than are reported.
	for _, s := range []string{
		"A=\"x\\\"\nB='y\nexport C=${D:-e} # f\n\xEF\xBB\xBFG: h\r\n",
		"export NODE_ENV=production\nDB_HOST = db.internal   # spaces around \"=\"\nHASH_IN_VALUE=abc#def\nEMPTY=\n" +
			"QUOTED_COMMENT=\"a # b\" # real comment\nSINGLE='literal $HOME \\n'\nDOUBLE=\"tab\\there \\\"quoted\\\"\"\n" +
			"BACKTICK=`it's \"both\"`\nYAML_STYLE: value\n",
		"DATABASE_URL=postgres://${DB_USER}:${DB_PASSWORD}@${DB_HOST}:5432/app\nPRIVATE_KEY=\"-----BEGIN PRIVATE KEY-----\n" +
			"MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\"\nAFTER_MULTILINE=1\nHASH_IN_VALUE=abc\nHASH_IN_VALUE=second\n",
		strings.Repeat("1BAD=x\n", maxProblems+2),
	} {
		if len(s) > maxFuzzFile {
			f.Fatalf("seed of %d bytes, over the %d the target tries: %q", len(s), maxFuzzFile, s)
		}
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzFile {
			return
		}
		p := Parse(data)
		lines := 1 + strings.Count(normalizeNewlines(data), "\n")
		seen := map[string]bool{}
		for _, e := range p.Entries {
			if e.Line < 1 || e.Line > lines {
				t.Fatalf("entry %s on line %d of %d", e.Key, e.Line, lines)
			}
			if e.Key == "" || keyLength(e.Key) != len(e.Key) {
				t.Fatalf("bad key %q", e.Key)
			}
			if seen[e.Key] {
				t.Fatalf("key %q twice", e.Key)
			}
			seen[e.Key] = true
		}
		for _, pr := range p.Problems {
			if pr.Line < 1 || pr.Line > lines || pr.Message == "" {
				t.Fatalf("problem %+v in %d lines", pr, lines)
			}
		}
		if len(p.Problems) > maxProblems+1 {
			t.Fatalf("%d problems", len(p.Problems))
		}
	})
}
