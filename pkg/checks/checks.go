// Package checks is the registry of every check launchgate runs: adding a
// check is adding its package and one line here.
package checks

import (
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/checks/openapi"
)

// Static returns the checks `launchgate scan` runs, freshly constructed.
func Static() []*check.Check {
	return []*check.Check{
		openapi.New(),
	}
}
