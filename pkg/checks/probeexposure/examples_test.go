package probeexposure

import (
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// scenario is the input of a rule example of rules/exposure.yaml: one of
// the loopback sites of sites_test.go, probed with --allow-writes when
// allow_writes is true.
type scenario struct {
	Site        string `yaml:"site"`
	AllowWrites bool   `yaml:"allow_writes"`
}

// TestExamples runs every example of the exposure rules through the check
// against its site: an example that must match fires its rule, one that
// must not does not.
func TestExamples(t *testing.T) {
	checktest.LiveExamples(t, Rules, func(t *testing.T, sc scenario) []string {
		reps, _ := probeSiteWith(t, sc.Site, itemsSpec, sc.AllowWrites)
		var got []string
		for _, r := range reps {
			got = append(got, r.Rule)
		}
		return got
	})
}
