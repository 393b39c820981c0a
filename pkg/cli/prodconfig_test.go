package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// The production-config portals, through every check at once: each
// vulnerable twin has findings of the env, manifest, CORS and cookie
// rules and blocks at medium; each fixed twin has nothing at medium or
// above under any check.
func TestProdConfigPortals(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "prodconfig")
	for _, fw := range []string{"nextjs", "express", "flask", "django", "laravel", "rails", "go"} {
		t.Run(fw, func(t *testing.T) {
			fixed := run(t, root, "scan", filepath.Join(fw, "fixed"), "--fail-on", "medium", "--format", "json")
			if fixed.code != ExitOK {
				t.Errorf("fixed twin: exit %d, want 0; stderr %s\n%s", fixed.code, fixed.stderr, fixed.stdout)
			}
			vuln := run(t, root, "scan", filepath.Join(fw, "vulnerable"), "--fail-on", "medium", "--format", "json")
			if vuln.code != ExitBlocking {
				t.Fatalf("vulnerable twin: exit %d, want 1; stderr %s", vuln.code, vuln.stderr)
			}
			var rep struct {
				Findings []struct {
					RuleID string `json:"rule_id"`
				} `json:"findings"`
			}
			if err := json.Unmarshal([]byte(vuln.stdout), &rep); err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for _, f := range rep.Findings {
				seen[strings.SplitN(f.RuleID, "/", 2)[0]] = true
			}
			for _, cat := range []string{"env", "cors", "transport"} {
				if !seen[cat] {
					t.Errorf("vulnerable twin has no %s finding: %v", cat, rep.Findings)
				}
			}
		})
	}
}
