package envcheck

import (
	"context"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// maxFuzzEnvFile bounds each file FuzzCheck tries. Go's fuzzing engine
// minimises every input that reaches new code, with a step that is
// quadratic in the input's length and a budget of a minute
// (-fuzzminimizetime), so a file the mutator has grown to kilobytes stalls
// a run for that minute. 256 bytes hold a dozen variables: secrets weak
// and strong, URLs, references, duplicates and keys the example lacks.
const maxFuzzEnvFile = 256

// FuzzCheck runs the check over any content as a production env file, an
// example file and the process environment: it must not fail or panic, and
// every report must have a rule of the check and a message.
func FuzzCheck(f *testing.F) {
	for _, s := range [][2]string{
		{"SESSION_SECRET=changeme\nDATABASE_URL=postgres://localhost/x\n", "SESSION_SECRET=\nX=\n"},
		{"\xEF\xBB\xBFexport A=\"x\r\nB='y", "A=1\nA=2\n"},
	} {
		if len(s[0]) > maxFuzzEnvFile || len(s[1]) > maxFuzzEnvFile {
			f.Fatalf("seed %q over the %d bytes the target tries", s, maxFuzzEnvFile)
		}
		f.Add([]byte(s[0]), []byte(s[1]))
	}
	f.Fuzz(func(t *testing.T, prod, example []byte) {
		if len(prod) > maxFuzzEnvFile || len(example) > maxFuzzEnvFile {
			return
		}
		tree := checktest.MemFiles{".env.production": string(prod), ".env.example": string(example)}
		environ := strings.Split(string(prod), "\n")
		in := inputs{tree: tree, fromGit: true, environ: environ}
		err := run(context.Background(), in, func(r check.Report) {
			if r.Message == "" || r.Key == "" {
				t.Fatalf("report without a message or key: %+v", r)
			}
			found := false
			for _, id := range Rules {
				found = found || id == r.Rule
			}
			if !found {
				t.Fatalf("report of unknown rule %q", r.Rule)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
