package cli

import (
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
)

// selectChecks keeps the checks named in list (comma-separated), or all of
// them when list is empty. The areas of the others show as "not run".
func selectChecks(all []*check.Check, list string) ([]*check.Check, error) {
	if strings.TrimSpace(list) == "" {
		return all, nil
	}
	var names []string
	for _, c := range all {
		names = append(names, c.Name)
	}
	var out []*check.Check
	for _, n := range strings.Split(list, ",") {
		n = strings.TrimSpace(n)
		i := slices.IndexFunc(all, func(c *check.Check) bool { return c.Name == n })
		if i < 0 {
			return nil, usageErrorf("--checks: unknown check %q (want %s)", n, strings.Join(names, ", "))
		}
		if !slices.Contains(out, all[i]) {
			out = append(out, all[i])
		}
	}
	return out, nil
}
