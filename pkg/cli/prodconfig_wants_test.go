package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/process"
	"github.com/launchgate/launchgate/pkg/scan"
)

// The whole gate on each production-config portal reports exactly what
// the portal's files say they expect, of every check: each check's own
// fixture test holds it to its rules, and this one holds the gate, after
// suppressions and the overlap between the secret scan and the manifest
// rules, to the sum.
func TestProdConfigPortalsExpectations(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "prodconfig")
	for _, fw := range []string{"nextjs", "express", "flask", "django", "laravel", "rails", "go", "settings"} {
		for _, twin := range []string{"vulnerable", "fixed"} {
			t.Run(fw+"/"+twin, func(t *testing.T) {
				dir := filepath.Join(root, fw, twin)
				want := gateWants(t, checktest.Wants(t, checktest.Tree(t, dir), checktest.Select{SkipComments: envFileName}))
				// No portal keeps uptime monitors: a finding about the
				// whole checkout, at its root, which no file's comment
				// can expect.
				want = append(want, ":0 monitoring/not-configured")
				slices.Sort(want)
				res := run(t, root, "scan", filepath.Join(fw, twin), "--format", "json", "--fail-on", "never")
				if res.code != ExitOK {
					t.Fatalf("exit %d: %s", res.code, res.stderr)
				}
				var rep struct {
					Findings []struct {
						RuleID string `json:"rule_id"`
						File   string `json:"file"`
						Line   int    `json:"line"`
					} `json:"findings"`
				}
				if err := json.Unmarshal([]byte(res.stdout), &rep); err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, f := range rep.Findings {
					got = append(got, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.RuleID))
				}
				slices.Sort(got)
				checktest.Compare(t, got, want)
			})
		}
	}
}

// gateWants turns the checks' expectations ("file:line rule") into the
// gate's: where the secret scan and a manifest or env rule both expect a
// finding on one line, the gate keeps the one scan.SecretRank prefers.
func gateWants(t *testing.T, wants []string) []string {
	t.Helper()
	fs := make([]finding.Finding, 0, len(wants))
	for _, w := range wants {
		place, rule, _ := strings.Cut(w, " ")
		file, line, _ := strings.Cut(place, ":")
		n, err := strconv.Atoi(line)
		if err != nil {
			t.Fatalf("expectation %q", w)
		}
		fs = append(fs, finding.Finding{RuleID: rule, File: file, Line: n})
	}
	kept, err := process.Overlap(scan.SecretRank).Process(fs)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(kept))
	for _, f := range kept {
		out = append(out, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.RuleID))
	}
	slices.Sort(out)
	return out
}

// envFileName is a dotenv file, where a trailing "#" may belong to the
// value: its expectations are in NAME.want.
func envFileName(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, ".env") || strings.HasSuffix(base, ".env")
}
