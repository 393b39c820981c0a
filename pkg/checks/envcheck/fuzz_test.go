package envcheck

import (
	"context"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// FuzzCheck runs the check over any content as a production env file, an
// example file and the process environment: it must not fail or panic, and
// every report must have a rule of the check and a message.
func FuzzCheck(f *testing.F) {
	f.Add([]byte("SESSION_SECRET=changeme\nDATABASE_URL=postgres://localhost/x\n"), []byte("SESSION_SECRET=\nX=\n"))
	f.Add([]byte("\xEF\xBB\xBFexport A=\"x\r\nB='y"), []byte("A=1\nA=2\n"))
	f.Fuzz(func(t *testing.T, prod, example []byte) {
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
