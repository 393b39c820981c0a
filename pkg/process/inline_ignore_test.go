package process

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

// specFixture is an OpenAPI excerpt whose comments say, per line, what
// the test expects of a finding reported there.
const specFixture = `openapi: 3.0.3
paths:
  # launchgate:ignore openapi/operation-without-auth load balancer probe
  /health:
    get:
      security: [] # launchgate:ignore openapi/* marketing site
  /reports:
    # launchgate:ignore openapi/operation-without-auth
    get: {}
  /invoices:
    get: {}
  /orders:
    get: {} # launchgate:ignore openapi/other-rule not this one
`

const envFixture = "API_KEY=sk_test_abc # gitleaks:allow\nDEBUG=true # gitleaks:allow\n"

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestInlineIgnore(t *testing.T) {
	root := writeTree(t, map[string]string{"api/openapi.yaml": specFixture, ".env": envFixture})
	tests := []struct {
		name string
		in   finding.Finding
		want string // the suppression, or "-"
	}{
		{"directive on the line above", fnd("openapi/operation-without-auth", "api/openapi.yaml", 4), "inline: load balancer probe"},
		{"directive two lines above does not reach", fnd("openapi/operation-without-auth", "api/openapi.yaml", 5), "-"},
		{"category wildcard on the same line", fnd("openapi/security-empty", "api/openapi.yaml", 6), "inline: marketing site"},
		{"wildcard on the line above", fnd("openapi/x", "api/openapi.yaml", 7), "inline: marketing site"},
		{"directive without reason", fnd("openapi/operation-without-auth", "api/openapi.yaml", 9), "-"},
		{"no directive", fnd("openapi/operation-without-auth", "api/openapi.yaml", 11), "-"},
		{"directive for another rule", fnd("openapi/operation-without-auth", "api/openapi.yaml", 13), "-"},
		{"gitleaks:allow on a secret", fnd("secret/generic-api-key", ".env", 1), "inline: gitleaks:allow"},
		{"gitleaks:allow is for secrets only", fnd("debug/flag", ".env", 2), "-"},
		{"missing file", fnd("openapi/x", "api/gone.yaml", 3), "-"},
		{"outside the root", fnd("openapi/x", "../outside.yaml", 1), "-"},
		{"line past the end", fnd("openapi/x", "api/openapi.yaml", 400), "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := InlineIgnore(root, nil).Process([]finding.Finding{tt.in})
			if err != nil {
				t.Fatal(err)
			}
			s := "-"
			if got[0].Suppressed {
				s = got[0].Suppression
			}
			if s != tt.want {
				t.Errorf("suppression = %q, want %q", s, tt.want)
			}
		})
	}
}

func TestInlineIgnoreNotes(t *testing.T) {
	root := writeTree(t, map[string]string{
		"api/openapi.yaml": specFixture,
		"app.js":           "// launchgate:ignore\nconst origin = '*';\n",
	})
	p := InlineIgnore(root, nil)
	in := []finding.Finding{
		fnd("openapi/operation-without-auth", "api/openapi.yaml", 9),
		// Same directive, second finding: one note.
		fnd("openapi/operation-without-auth", "api/openapi.yaml", 9),
		fnd("cors/wildcard-origin", "app.js", 2),
	}
	if _, err := p.Process(in); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"api/openapi.yaml:8: launchgate:ignore openapi/operation-without-auth has no reason; it suppresses nothing",
		"app.js:1: launchgate:ignore needs a rule and a reason; it suppresses nothing",
	}
	if got := p.Notes(); !slices.Equal(got, want) {
		t.Errorf("Notes =\n%q\nwant\n%q", got, want)
	}
}

func TestInlineIgnoreSkipsLargeFiles(t *testing.T) {
	big := "# launchgate:ignore openapi/x reason\n" + strings.Repeat("x", MaxInlineFileSize) + "\n"
	root := writeTree(t, map[string]string{"big.yaml": big, "small.yaml": "# launchgate:ignore openapi/x reason\nx\n"})
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	got, err := InlineIgnore(root, logger).Process([]finding.Finding{fnd("openapi/x", "big.yaml", 2), fnd("openapi/x", "small.yaml", 2)})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"openapi/x@2 -", "openapi/x@2 inline: reason"}; !slices.Equal(outcome(got), want) {
		t.Errorf("got %v, want %v", outcome(got), want)
	}
	if !strings.Contains(logs.String(), "big.yaml") {
		t.Errorf("skipping big.yaml was not logged: %q", logs.String())
	}
}

func TestInlineIgnoreLeavesOthersAlone(t *testing.T) {
	root := writeTree(t, map[string]string{"a.yaml": "# launchgate:ignore openapi/x mine\nx\n"})
	earlier := fnd("openapi/x", "a.yaml", 2)
	earlier.Suppressed, earlier.Suppression = true, "config: first"
	live := finding.Finding{RuleID: "openapi/x", URL: "https://x.test"}
	got, err := InlineIgnore(root, nil).Process([]finding.Finding{earlier, live})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"openapi/x@2 config: first", "openapi/x@0 -"}; !slices.Equal(outcome(got), want) {
		t.Errorf("got %v, want %v", outcome(got), want)
	}
}
