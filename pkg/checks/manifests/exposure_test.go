package manifests

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/finding"
)

// The folders of testdata/prodconfig/exposure, each a small checkout of
// its own (want comments, and NAME.want files beside env files, hold the
// expected rules):
//
//   - loopback: every published port bound to 127.0.0.1: low;
//   - backing: only a database and a cache, nothing built: low;
//   - devbuild: a service built from docker/local/: low;
//   - published: the same database published on every interface: high;
//   - listenvar: ports bound to ${LISTEN_IP:-127.0.0.1}, an address a
//     deployment sets: high;
//   - production: only a database on loopback, but production by its
//     folder: high;
//   - testing, infra (docker-compose.infra.yml): not production: quiet;
//   - overlay: a .env.production that overrides a few keys of a full
//     .env.example: one low finding naming the missing keys;
//   - full: a .env.production lacking one key of its example: medium;
//   - stack: a deployment folder with a Dockerfile of its own, which the
//     root example does not describe: quiet.

// localFixtures are the folders of testdata/prodconfig/exposure whose
// Compose files run on a developer's machine only: their findings are
// low. Every other finding there keeps its rule's severity.
var localFixtures = map[string]bool{"loopback": true, "backing": true, "devbuild": true}

// TestExposureFixtures holds the check to the exposure fixtures: the
// findings they expect, at low exactly where the Compose file runs only
// on a developer's machine, with the message saying why.
func TestExposureFixtures(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	tree := checktest.Tree(t, filepath.Join("..", "..", "..", "testdata", "prodconfig", "exposure"))
	target := &check.Target{Root: tree.Root(), Tree: tree}
	checktest.Compare(t, checktest.Findings(t, c, target), checktest.Wants(t, tree, checktest.Select{Rule: checktest.Only(c.Rules)}))
	for _, r := range checktest.Reports(t, c, target) {
		folder, _, _ := strings.Cut(r.File, "/")
		local := r.Capped && r.MaxSeverity == finding.Low
		switch {
		case localFixtures[folder] && !local:
			t.Errorf("%s:%d %s is not capped at low", r.File, r.Line, r.Rule)
		case localFixtures[folder] && !strings.Contains(r.Message, "developer's machine"):
			t.Errorf("%s:%d %s does not say why it is low: %s", r.File, r.Line, r.Rule, r.Message)
		case !localFixtures[folder] && r.Capped:
			t.Errorf("%s:%d %s is capped at %v", r.File, r.Line, r.Rule, r.MaxSeverity)
		}
	}
}

// TestDockerfileStageMessages holds the messages of env/secret-in-dockerfile
// to what is true of the stage: a builder stage's secret is in the
// Dockerfile and the builder's layers, not in the shipped image; the last
// stage's ENV is in every image.
func TestDockerfileStageMessages(t *testing.T) {
	tree := checktest.Tree(t, filepath.Join("..", "..", "..", "testdata", "prodconfig", "nextjs", "vulnerable"))
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][]string{
		3:  {"build stage `build`", "not in the image the last stage ships"},
		13: {"every image built from it keeps it"},
	}
	seen := 0
	for _, r := range checktest.Reports(t, c, &check.Target{Root: tree.Root(), Tree: tree}) {
		if r.File != "Dockerfile" || r.Rule != ruleDockerfile {
			continue
		}
		seen++
		for _, w := range want[r.Line] {
			if !strings.Contains(r.Message, w) {
				t.Errorf("Dockerfile:%d: message %q lacks %q", r.Line, r.Message, w)
			}
		}
		if r.Line == 13 && strings.Contains(r.Message, "stage") {
			t.Errorf("Dockerfile:13 is in the last stage: %q", r.Message)
		}
	}
	if seen != len(want) {
		t.Errorf("got %d Dockerfile findings, want %d", seen, len(want))
	}
}
