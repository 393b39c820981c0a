package action

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/ghapi/ghapitest"
	"github.com/launchgate/launchgate/pkg/testkit"
)

// TestNoActionOutputShowsASecret runs the action on a pull request that
// adds the leak tree, with the sticky comment on, and greps everything it
// leaves behind: annotations and log lines, the job summary, the outputs,
// the SARIF file and the comment body.
func TestNoActionOutputShowsASecret(t *testing.T) {
	files, plants, wants := testkit.LeakTree(t)
	dir := t.TempDir()
	testkit.InitRepo(t, dir)
	testkit.WriteFiles(t, dir, map[string]string{"README.md": "portal\n"})
	base := testkit.Commit(t, dir, "base")
	testkit.Git(t, dir, "checkout", "-q", "-b", "feature")
	testkit.WriteFiles(t, dir, files)
	head := testkit.Commit(t, dir, "portal")
	repo := &prRepo{dir: dir, base: base, head: head}

	api := ghapitest.New(t)
	token := "ghs_" + testkit.Random(t, testkit.Alnum, 36)
	api.RequireToken(token)
	sim := newRunner(t, dir).event("pull_request", repo.prEvent(7, false))
	sim.vars["GITHUB_SHA"] = head
	sim.input("github-token", token).input("comment", "true").input("artifacts", "dist")
	sim.env.APIURL = api.URL()
	res := sim.run()
	if exitOf(res.err) != 1 {
		t.Fatalf("exit %d (%v), want 1\n%s", exitOf(res.err), res.err, res.stdout)
	}
	comments := api.Comments("acme", "portal", 7)
	if len(comments) != 1 {
		t.Fatalf("%d comments, want the sticky one", len(comments))
	}
	sarif, err := os.ReadFile(res.outputs["sarif-file"])
	if err != nil {
		t.Fatal(err)
	}
	outputs, err := os.ReadFile(sim.outputFile)
	if err != nil {
		t.Fatal(err)
	}
	stdout := strings.Replace(res.stdout, "::add-mask::"+token+"\n", "", 1)
	for name, text := range map[string]string{
		"the log and annotations": stdout, "stderr": res.stderr, "the job summary": res.summary,
		"the outputs": string(outputs), "the SARIF file": string(sarif), "the comment": comments[0].Body,
	} {
		if got := testkit.Leaks(text, append(plants, testkit.Planted{Kind: "token", Value: token, Random: token[4:]})); len(got) > 0 {
			t.Errorf("%s shows %v", name, got)
		}
	}
	// The findings beside the secrets were made and reported everywhere.
	keys, _ := sarifKeys(t, res.outputs["sarif-file"])
	for _, want := range wants {
		if !testkit.Found(keys, want) {
			t.Errorf("SARIF lacks %s: %v", want, keys)
		}
	}
	if n := len(commandLines(res.stdout, "error")) + len(commandLines(res.stdout, "warning")); n < 5 {
		t.Errorf("only %d annotations, so few messages were checked:\n%s", n, res.stdout)
	}
	for _, in := range []string{res.summary, comments[0].Body} {
		if !strings.Contains(in, "openapi/insecure-server-url") || !strings.Contains(in, filepath.ToSlash("server/session.js")) {
			t.Errorf("the scorecard does not list the findings next to the secrets:\n%s", in)
		}
	}
}
