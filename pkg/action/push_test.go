package action

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/testkit"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func pushEvent(before, after string) map[string]any {
	return map[string]any{
		"ref": "refs/heads/feature", "before": before, "after": after,
		"repository": map[string]any{"full_name": "acme/portal", "name": "portal"},
	}
}

func TestPushEvents(t *testing.T) {
	const zero = "0000000000000000000000000000000000000000"
	tests := []struct {
		name    string
		newBr   bool
		onlyNew string
		// notice is a notice the run must give, "" for none.
		notice string
		// whole says the old finding must be reported.
		whole bool
	}{
		{name: "range, only-new defaults to off", whole: true},
		{name: "range, only-new on", onlyNew: "true"},
		{name: "new branch, only-new on", newBr: true, onlyNew: "true", whole: true,
			notice: "This push created the branch, so there is no earlier commit to compare with; scanning everything."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := newPRRepo(t, "")
			before := repo.base
			if tt.newBr {
				before = zero
			}
			sim := newRunner(t, repo.dir).event("push", pushEvent(before, repo.head))
			sim.vars["GITHUB_SHA"] = repo.head
			if tt.onlyNew != "" {
				sim.input("only-new", tt.onlyNew)
			}
			res := sim.run()
			if exitOf(res.err) != 1 {
				t.Fatalf("exit %d (%v), want 1\n%s", exitOf(res.err), res.err, res.stdout)
			}
			keys, _ := sarifKeys(t, res.outputs["sarif-file"])
			for _, want := range repo.want() {
				if !slices.Contains(keys, want) {
					t.Errorf("missing %s in %v", want, keys)
				}
			}
			if got := slices.Contains(keys, repo.old()); got != tt.whole {
				t.Errorf("old finding reported: %v, want %v (%v)", got, tt.whole, keys)
			}
			notices := commandLines(res.stdout, "notice")
			if tt.notice != "" && !slices.Contains(notices, "::notice::"+tt.notice) {
				t.Errorf("no notice %q in\n%s", tt.notice, res.stdout)
			}
		})
	}
}

// portalRunner simulates a manual run over the bundled vulnerable portal,
// with fixed commit and version so that its output is reproducible.
func portalRunner(t *testing.T) *runnerSim {
	t.Helper()
	ws, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	sim := newRunner(t, ws).event("workflow_dispatch", map[string]any{
		"ref": "refs/heads/main", "inputs": map[string]any{},
		"repository": map[string]any{"full_name": "acme/portal"},
	})
	sim.vars["GITHUB_SHA"] = "5f3c0a1e9b7d2c4f6a8e0b1d3c5e7f9a1b3d5c7e"
	sim.input("path", "testdata/portal/vulnerable")
	return sim
}

func TestWorkflowDispatchSummaryGolden(t *testing.T) {
	sim := portalRunner(t)
	res := sim.run()
	if exitOf(res.err) != 1 {
		t.Fatalf("exit %d (%v), want 1\n%s", exitOf(res.err), res.err, res.stdout)
	}
	golden := filepath.Join("testdata", "summary.golden.md")
	if *update {
		if err := os.WriteFile(golden, []byte(res.summary), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if res.summary != string(want) {
		t.Errorf("job summary differs from %s (run with -update to accept):\n%s", golden, res.summary)
	}
	// The portal's fixture states 12 findings, 7 of them high or critical.
	if got := res.outputs; got["findings"] != "12" || got["blocking"] != "7" || got["passed"] != "false" {
		t.Errorf("outputs %v, want 12 findings, 7 blocking, not passed", got)
	}
	if len(res.summary) > maxSummaryBytes {
		t.Errorf("summary is %d bytes, over GitHub's limit", len(res.summary))
	}
	if n := len(commandLines(res.stdout, "notice")); n != 0 {
		t.Errorf("a manual run without only-new should not need a notice:\n%s", res.stdout)
	}
}

func TestSummaryIsAppended(t *testing.T) {
	sim := portalRunner(t)
	if err := os.WriteFile(sim.summaryFile, []byte("## an earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := sim.run()
	if !strings.HasPrefix(res.summary, "## an earlier step\n## launchgate") {
		t.Errorf("the summary did not keep the earlier step's text:\n%.200s", res.summary)
	}
}

func TestAnnotationCapPointsToTheRest(t *testing.T) {
	// Sixteen open routes of a scheme no route requires: sixteen high
	// findings, six more than GitHub shows as errors, and one info finding
	// (no health route), which is a notice.
	var spec strings.Builder
	spec.WriteString("openapi: 3.0.3\ninfo: {title: many, version: \"1\"}\nservers:\n  - url: https://api.example.com\n" +
		"components:\n  securitySchemes:\n    bearer: {type: http, scheme: bearer}\npaths:\n")
	for i := range 16 {
		spec.WriteString("  /things" + strings.Repeat("x", i) + ":\n    get:\n      responses:\n        \"200\": {description: ok}\n")
	}
	ws := t.TempDir()
	testkit.WriteFiles(t, ws, map[string]string{"api/openapi.yaml": spec.String()})
	sim := newRunner(t, ws).event("schedule", map[string]any{"schedule": "0 0 * * *"})
	sim.input("only-new", "true")
	res := sim.run()
	if exitOf(res.err) != 1 {
		t.Fatalf("exit %d (%v), want 1\n%s", exitOf(res.err), res.err, res.stdout)
	}
	if got := res.outputs["findings"]; got != "17" {
		t.Fatalf("findings output %s, want 17\n%s", got, res.stdout)
	}
	if n := len(commandLines(res.stdout, "error")); n != maxAnnotationsPerType {
		t.Errorf("%d error annotations, want %d", n, maxAnnotationsPerType)
	}
	notices := commandLines(res.stdout, "notice")
	wantFirst := "::notice::The schedule event names no commit range"
	wantLast := "::notice::6 more findings are not annotated here (GitHub shows 10 annotations of each type per step); the job summary and the code-scanning alerts list every finding."
	if len(notices) != 3 || !strings.HasPrefix(notices[0], wantFirst) ||
		!strings.Contains(notices[1], "openapi/health-endpoint-missing") || notices[2] != wantLast {
		t.Errorf("notices\n%s\nwant one starting %q and then\n%s", strings.Join(notices, "\n"), wantFirst, wantLast)
	}
}
