package dnscheck

import (
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestExamples runs every example of rules/dns.yaml against its zone on
// a real DNS server on 127.0.0.1: an example that must match fires its
// rule, one that must not does not.
func TestExamples(t *testing.T) {
	checktest.LiveExamples(t, Rules, func(t *testing.T, sc scenario) []string {
		return runScenario(t, sc).rules()
	})
}
