package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// formats are every report format the scan writes.
var formats = []string{"text", "json", "sarif", "markdown", "html"}

// TestNoOutputShowsASecret plants secrets on the lines findings are about
// and greps every format, the --verbose log and a report written to a
// file for any 8-character piece of them.
func TestNoOutputShowsASecret(t *testing.T) {
	files, plants, wants := testkit.LeakTree(t)
	dir := writeTree(t, files)
	for _, format := range formats {
		r := run(t, dir, "scan", "--artifacts", "dist", "--format", format, "--verbose")
		if r.code != ExitBlocking {
			t.Fatalf("%s: exit %d, want 1\n%s%s", format, r.code, r.stdout, r.stderr)
		}
		if got := testkit.Leaks(r.stdout+r.stderr, plants); len(got) > 0 {
			t.Errorf("%s output shows %v", format, got)
		}
		if format == "text" && !strings.Contains(r.stderr, "level=DEBUG") {
			t.Errorf("--verbose logged nothing, so the log was not checked:\n%s", r.stderr)
		}
		out := filepath.Join(dir, "report."+format)
		if w := run(t, dir, "scan", "--artifacts", "dist", "--format", format, "--output", out); w.code != ExitBlocking {
			t.Fatalf("%s --output: exit %d\n%s", format, w.code, w.stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if got := testkit.Leaks(string(data), plants); len(got) > 0 {
			t.Errorf("%s report file shows %v", format, got)
		}
	}
	// The test means something only if the findings next to the secrets
	// were made.
	keys := ruleKeys(t, run(t, dir, "scan", "--artifacts", "dist", "--format", "json").stdout)
	for _, want := range wants {
		if !testkit.Found(keys, want) {
			t.Errorf("no %s in %v", want, keys)
		}
	}
}

// TestConfigErrorsShowNoSecret puts tokens in the wrong fields of the
// config file: the errors name the fields, never the values.
func TestConfigErrorsShowNoSecret(t *testing.T) {
	gh := testkit.Plant(t, "token as a key", "ghp_", 36)
	sev := testkit.Plant(t, "token as a severity", "glpat-", 20)
	method := testkit.Plant(t, "token as a method", "", 32)
	plants := []testkit.Planted{gh, sev, method}
	dir := writeTree(t, map[string]string{
		"openapi.yaml": securedSpec,
		".launchgate.yml": strings.Join([]string{
			"version: 1",
			gh.Value + ": true",
			"severity:",
			"  openapi/operation-without-auth: " + sev.Value,
			"public_routes:",
			"  - {method: " + method.Value + ", path: /h, reason: r}",
			"",
		}, "\n"),
	})
	r := run(t, dir, "scan", "--verbose")
	if r.code != ExitError {
		t.Fatalf("exit %d, want 2\n%s", r.code, r.stderr)
	}
	if got := testkit.Leaks(r.stdout+r.stderr, plants); len(got) > 0 {
		t.Errorf("the error shows %v:\n%s", got, r.stderr)
	}
	// Every problem is reported, each on its own line naming the file.
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) != 2 {
		t.Fatalf("want the two shape problems, one per line; got\n%s", r.stderr)
	}
	for _, want := range []string{".launchgate.yml:2: unknown key", ".launchgate.yml:4: severity.openapi/operation-without-auth: unknown severity"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}
