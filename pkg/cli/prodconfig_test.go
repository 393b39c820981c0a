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
// above under any check but monitoring/not-configured, which is true of
// every portal: none keeps uptime monitors, and its config is about
// production settings.
func TestProdConfigPortals(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "prodconfig")
	for _, fw := range []string{"nextjs", "express", "flask", "django", "laravel", "rails", "go"} {
		t.Run(fw, func(t *testing.T) {
			fixed := run(t, root, "scan", filepath.Join(fw, "fixed"), "--fail-on", "never", "--format", "json")
			if fixed.code != ExitOK {
				t.Fatalf("fixed twin: exit %d, want 0; stderr %s", fixed.code, fixed.stderr)
			}
			var fixedRep struct {
				Findings []struct {
					RuleID   string `json:"rule_id"`
					Severity string `json:"severity"`
				} `json:"findings"`
			}
			if err := json.Unmarshal([]byte(fixed.stdout), &fixedRep); err != nil {
				t.Fatal(err)
			}
			unmonitored := 0
			for _, f := range fixedRep.Findings {
				switch {
				case f.RuleID == "monitoring/not-configured":
					unmonitored++
				case f.Severity == "critical" || f.Severity == "high" || f.Severity == "medium":
					t.Errorf("fixed twin has %s (%s)", f.RuleID, f.Severity)
				}
			}
			if unmonitored != 1 {
				t.Errorf("fixed twin has %d monitoring/not-configured findings, want 1 (it keeps no monitors)", unmonitored)
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
