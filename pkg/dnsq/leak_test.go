package dnsq

import (
	"testing"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// noLeaks fails the test when goroutines outlive its cleanups.
func noLeaks(t *testing.T) { testkit.NoGoroutineLeaks(t) }
