package probetransport

import (
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestExamples runs every example of rules/transport-live.yaml through
// the check against a loopback server built from its input: an example
// that must match fires its rule, one that must not does not.
func TestExamples(t *testing.T) {
	checktest.LiveExamples(t, Rules, func(t *testing.T, sc scenario) []string {
		var ids []string
		for _, r := range probe(t, sc) {
			ids = append(ids, r.Rule)
		}
		return ids
	})
}
