package cli

import (
	"strings"
	"testing"
)

// The limit a refusal names is one the config file can move.
func TestSpecLimitIsConfigurable(t *testing.T) {
	big := securedSpec + "x-padding: \"" + strings.Repeat("a", 4000) + "\"\n"
	low := writeTree(t, map[string]string{
		"openapi.yaml":    big,
		".launchgate.yml": "version: 1\nlimits:\n  max_spec_bytes: 2000\n",
	})
	r := run(t, low, "scan", "--format", "json")
	if r.code != ExitBlocking {
		t.Fatalf("exit %d, want 1: a document too large to check blocks\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "openapi/invalid-document") || !strings.Contains(r.stdout, "raise limits.max_spec_bytes in .launchgate.yml") {
		t.Errorf("the refusal does not name the setting that moves it:\n%s", r.stdout)
	}
	high := writeTree(t, map[string]string{
		"openapi.yaml":    big,
		".launchgate.yml": "version: 1\nlimits:\n  max_spec_bytes: 10000\n",
	})
	if r := run(t, high, "scan", "--format", "json"); r.code != ExitOK || strings.Contains(r.stdout, "invalid-document") {
		t.Errorf("with the limit raised: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
