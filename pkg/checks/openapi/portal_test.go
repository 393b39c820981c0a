package openapi

import (
	"path/filepath"
	"testing"

	"github.com/launchgate/launchgate/pkg/finding"
)

var portalDir = filepath.Join("..", "..", "..", "testdata", "portal")

// TestPortalVulnerable checks the demo portal with realistic holes: every
// finding is stated in the spec with # want.
func TestPortalVulnerable(t *testing.T) {
	f := folderFixture(t, filepath.Join(portalDir, "vulnerable"))
	got := runFixture(t, f)
	matchExpectations(t, got, expectations(t, f))
	c := loadCatalog(t)
	critical := 0
	for _, r := range got {
		if severityOf(c, r) == finding.Critical {
			critical++
		}
	}
	if critical != 1 {
		t.Errorf("%d critical findings, want 1 (the comment route without auth)", critical)
	}
}

// TestPortalFixed checks the same portal with the holes closed: nothing at
// or above medium, and anything below is stated with # want.
func TestPortalFixed(t *testing.T) {
	f := folderFixture(t, filepath.Join(portalDir, "fixed"))
	got := runFixture(t, f)
	matchExpectations(t, got, expectations(t, f))
	c := loadCatalog(t)
	for _, r := range got {
		if s := severityOf(c, r); s >= finding.Medium {
			t.Errorf("%s:%d: %s is %s: %s", r.File, r.Line, r.Rule, s, r.Message)
		}
	}
}
