package cli

import (
	"strings"
	"testing"
)

// Without a spec, a scan that runs the OpenAPI check says that it found
// none; one that does not run it (--checks secrets) has nothing to say
// about specs.
func TestNoSpecNoteOnlyWithTheOpenAPICheck(t *testing.T) {
	dir := writeTree(t, map[string]string{"app.js": "console.log('hi')\n"})
	const note = "no OpenAPI document found"
	if r := run(t, dir, "scan", "--format", "json"); !strings.Contains(r.stderr, note) {
		t.Errorf("a full scan without a spec does not say so: %q", r.stderr)
	}
	if r := run(t, dir, "scan", "--checks", "secrets", "--format", "json"); strings.Contains(r.stderr, note) {
		t.Errorf("--checks secrets warns about specs: %q", r.stderr)
	}
}
