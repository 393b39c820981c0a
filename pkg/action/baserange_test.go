package action

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/ghapi/ghapitest"
	"github.com/launchgate/launchgate/pkg/testkit"
)

func TestShallowCheckoutFetchesTheBase(t *testing.T) {
	repo := newPRRepo(t, "")
	ws := repo.shallowClone(t)
	if out := testkit.Git(t, ws, "rev-parse", "--is-shallow-repository"); out != "true" {
		t.Fatalf("the clone is not shallow (%s); the test would prove nothing", out)
	}
	sim := newRunner(t, ws).event("pull_request", repo.prEvent(7, false))
	res := sim.run()
	if exitOf(res.err) != 1 {
		t.Fatalf("exit %d (%v), want 1\n%s", exitOf(res.err), res.err, res.stdout)
	}
	notices := strings.Join(commandLines(res.stdout, "notice"), "\n")
	if !strings.Contains(notices, "::notice::Fetched "+repo.base[:12]+" from origin") {
		t.Errorf("no notice about the fetch:\n%s", res.stdout)
	}
	keys, _ := sarifKeys(t, res.outputs["sarif-file"])
	if !slices.Equal(keys, repo.want()) {
		t.Errorf("SARIF results %v, want exactly %v", keys, repo.want())
	}
}

// apiPatches are the patches GitHub would list for the pull request, with
// enough unrelated files before them that the listing takes two pages.
func apiPatches(repo *prRepo) []ghapitest.File {
	var files []ghapitest.File
	for i := range 130 {
		files = append(files, ghapitest.File{
			Filename: fmt.Sprintf("docs/page%03d.md", i), Status: "modified", Additions: 1,
			Patch: "@@ -1,1 +1,2 @@\n # title\n+one more line",
		})
	}
	spec := strings.Split(strings.TrimSuffix(headSpec, "\n"), "\n")
	// Lines 20–23 are new; 17–19 are the context GitHub shows before them.
	added := spec[19:]
	files = append(files,
		ghapitest.File{
			Filename: "api/openapi.yaml", Status: "modified", Additions: len(added),
			Patch: "@@ -17,3 +17,7 @@\n " + spec[16] + "\n " + spec[17] + "\n " + spec[18] + "\n+" + strings.Join(added, "\n+"),
		},
		ghapitest.File{
			Filename: "server/config.go", Status: "added", Additions: 3,
			Patch: "@@ -0,0 +1,3 @@\n+package server\n+\n+const stripeKey = \"" + repo.secret + "\"",
		},
		ghapitest.File{Filename: "server/legacy.go", Status: "removed", Deletions: 4},
	)
	return files
}

func TestUnreachableOriginFallsBackToTheAPI(t *testing.T) {
	repo := newPRRepo(t, "")
	ws := repo.shallowClone(t)
	testkit.Git(t, ws, "remote", "set-url", "origin", "file://"+t.TempDir()+"/gone")
	api := ghapitest.New(t)
	const token = "ghs_" + "fallbacktoken0123456789"
	api.RequireToken(token)
	api.AddFiles("acme", "portal", 7, apiPatches(repo)...)

	sim := newRunner(t, ws).event("pull_request", repo.prEvent(7, false))
	sim.input("github-token", token)
	sim.env.APIURL = api.URL()
	res := sim.run()
	if exitOf(res.err) != 1 {
		t.Fatalf("exit %d (%v), want 1\n%s", exitOf(res.err), res.err, res.stdout)
	}
	notices := strings.Join(commandLines(res.stdout, "notice"), "\n")
	if !strings.Contains(notices, "using the lines GitHub's API lists as added by pull request #7 instead") {
		t.Errorf("no notice naming the API fallback:\n%s", res.stdout)
	}
	keys, _ := sarifKeys(t, res.outputs["sarif-file"])
	if !slices.Equal(keys, repo.want()) {
		t.Errorf("SARIF results %v, want exactly %v (the old POST /legacy must be left out)", keys, repo.want())
	}
	pages := 0
	for _, r := range api.Requests() {
		if strings.HasSuffix(r.Path, "/pulls/7/files") {
			pages++
		}
	}
	if pages < 2 {
		t.Errorf("the file listing took %d requests; the fallback must follow pagination", pages)
	}
	if !strings.Contains(res.summary, "from GitHub's list of changed files") {
		t.Errorf("the summary does not say the API decided the scope:\n%s", res.summary)
	}
	assertNoLeak(t, res, sim, token, repo.secret)
}

func TestNoWayToNarrowWarnsAndScansEverything(t *testing.T) {
	tests := []struct {
		name  string
		token string
		api   func(*ghapitest.Server)
		want  string
	}{
		{name: "no token", want: "no github-token input"},
		{name: "API refuses", token: "ghs_" + "refused0123", api: func(s *ghapitest.Server) { s.FailRequests("", 500, "boom") }, want: "500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := newPRRepo(t, "")
			ws := repo.shallowClone(t)
			testkit.Git(t, ws, "remote", "set-url", "origin", "file://"+t.TempDir()+"/gone")
			api := ghapitest.New(t)
			if tt.api != nil {
				tt.api(api)
			}
			sim := newRunner(t, ws).event("pull_request", repo.prEvent(7, false))
			sim.env.APIURL = api.URL()
			if tt.token != "" {
				sim.input("github-token", tt.token)
			}
			res := sim.run()
			if exitOf(res.err) != 1 {
				t.Fatalf("exit %d (%v), want 1\n%s", exitOf(res.err), res.err, res.stdout)
			}
			warnings := strings.Join(commandLines(res.stdout, "warning"), "\n")
			if !strings.Contains(warnings, "Reporting on the whole tree") || !strings.Contains(warnings, tt.want) {
				t.Errorf("no warning that the scan widened, naming %q:\n%s", tt.want, res.stdout)
			}
			keys, _ := sarifKeys(t, res.outputs["sarif-file"])
			if !slices.Contains(keys, repo.old()) {
				t.Errorf("the whole-tree scan should report the old %s: %v", repo.old(), keys)
			}
			if !strings.Contains(res.summary, "Scanned: the whole tree") {
				t.Errorf("the summary does not say the whole tree was scanned:\n%s", res.summary)
			}
		})
	}
}

func TestOnlyNewFalseScansEverythingOnAPullRequest(t *testing.T) {
	repo := newPRRepo(t, "")
	testkit.Git(t, repo.dir, "checkout", "-q", "feature")
	sim := newRunner(t, repo.dir).event("pull_request", repo.prEvent(7, false)).input("only-new", "false")
	res := sim.run()
	keys, _ := sarifKeys(t, res.outputs["sarif-file"])
	want := append([]string{repo.old(), "openapi/health-endpoint-missing@api/openapi.yaml:1"}, repo.want()...)
	slices.Sort(want)
	if !slices.Equal(keys, want) {
		t.Errorf("SARIF results %v, want %v", keys, want)
	}
	if n := len(commandLines(res.stdout, "warning")); n != 0 {
		t.Errorf("an explicit only-new: false should not warn:\n%s", res.stdout)
	}
}
