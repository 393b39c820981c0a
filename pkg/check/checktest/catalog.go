package checktest

import (
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/rules"
)

// Catalog loads the rule catalog embedded in the binary.
func Catalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
