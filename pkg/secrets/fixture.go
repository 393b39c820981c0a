package secrets

import (
	"regexp"
	"strings"
)

// fixturePath matches paths of test fixtures and mocks, where low-confidence
// rules (generic keys, bare JWTs) mostly find test data.
var fixturePath = regexp.MustCompile(`(?:^|[/!])(?:testdata|test-data|__fixtures__|fixtures|__mocks__|mocks)/|_test\.go$|\.(?:test|spec)\.[cm]?[jt]sx?$`)

// isFixturePath reports whether path holds test data.
func isFixturePath(path string) bool {
	return fixturePath.MatchString(strings.ReplaceAll(path, "\\", "/"))
}
