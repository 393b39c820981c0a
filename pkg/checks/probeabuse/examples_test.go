package probeabuse

import (
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestExamples runs every example of rules/abuse.yaml through the check
// against a loopback server answering as its scenario says: an example
// that must match fires its rule, one that must not does not.
func TestExamples(t *testing.T) {
	checktest.LiveExamples(t, Rules, func(t *testing.T, sc scenario) []string {
		res := probeScenario(t, sc)
		t.Logf("coverage: %q", res.coverage.Lines())
		return res.fired()
	})
}
