package manifests

import (
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
)

// shownManifests is how many manifests the evidence names.
const shownManifests = 3

// recordEvidence says which deploy manifests were checked and how many
// problems they hold, or that the checkout has none: either is what the
// config row rests on.
func recordEvidence(t *check.Tally, found []string, problems int) {
	if len(found) == 0 {
		t.Record("config", "no deploy manifest found (Dockerfile, Compose, Kubernetes, platform files, GitHub workflows)")
		return
	}
	names := strings.Join(found[:min(len(found), shownManifests)], ", ")
	if rest := len(found) - shownManifests; rest > 0 {
		names += " and " + strconv.Itoa(rest) + " more"
	}
	noun := "deploy manifests"
	if len(found) == 1 {
		noun = "deploy manifest"
	}
	t.Record("config", "%d %s checked for literal secrets (%s): %d found", len(found), noun, names, problems)
}
