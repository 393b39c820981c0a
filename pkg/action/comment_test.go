package action

import (
	"net/http"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/ghapi/ghapitest"
)

func TestStickyCommentIsCreatedThenUpdated(t *testing.T) {
	repo := newPRRepo(t, "")
	api := ghapitest.New(t)
	const token = "ghs_" + "commenttoken0123456789"
	api.RequireToken(token)
	// Someone else's comment, which must stay as it is.
	api.AddComment("acme", "portal", 7, "alice", "looks good")
	for run := range 2 {
		sim := newRunner(t, repo.dir).event("pull_request", repo.prEvent(7, false))
		sim.input("github-token", token).input("comment", "true")
		// The second run gates at critical only, so its body differs.
		if run == 1 {
			sim.input("fail-on", "critical")
		}
		sim.env.APIURL = api.URL()
		res := sim.run()
		if exitOf(res.err) != 1 {
			t.Fatalf("run %d: exit %d (%v), want 1\n%s", run, exitOf(res.err), res.err, res.stdout)
		}
		assertNoLeak(t, res, sim, token, repo.secret)
	}
	comments := api.Comments("acme", "portal", 7)
	if len(comments) != 2 {
		t.Fatalf("got %d comments after two runs, want alice's and one sticky comment", len(comments))
	}
	if comments[0].Body != "looks good" {
		t.Errorf("another user's comment was changed to %q", comments[0].Body)
	}
	body := comments[1].Body
	for _, want := range []string{"<!-- launchgate:launchgate -->", "blocking finding at or above **critical**", "`secret/stripe-access-token`", "(pull request #7)"} {
		if !strings.Contains(body, want) {
			t.Errorf("the sticky comment lacks %q:\n%s", want, body)
		}
	}
	if len(body) > 65536 {
		t.Errorf("the comment is %d bytes, over GitHub's limit", len(body))
	}
	posts, edits := 0, 0
	for _, r := range api.Requests() {
		switch r.Method {
		case http.MethodPost:
			posts++
		case http.MethodPatch:
			edits++
		}
	}
	if posts != 1 || edits != 1 {
		t.Errorf("%d comments posted and %d edited, want 1 and 1: the second run must update the first", posts, edits)
	}
}

func TestCommentDegradesWithoutWriteAccess(t *testing.T) {
	tests := []struct {
		name     string
		fork     bool
		readOnly bool
		want     string
	}{
		{name: "fork pull request", fork: true, want: "this pull request comes from a fork"},
		{name: "token without write access", readOnly: true, want: "the token may not write comments here"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := newPRRepo(t, "")
			api := ghapitest.New(t)
			api.SetReadOnly(tt.readOnly || tt.fork)
			sim := newRunner(t, repo.dir).event("pull_request", repo.prEvent(9, tt.fork))
			sim.input("github-token", "ghs_"+"readonly0123").input("comment", "true")
			sim.env.APIURL = api.URL()
			res := sim.run()
			if exitOf(res.err) != 1 {
				t.Fatalf("exit %d (%v): the gate must still gate\n%s", exitOf(res.err), res.err, res.stdout)
			}
			notices := strings.Join(commandLines(res.stdout, "notice"), "\n")
			if !strings.Contains(notices, tt.want) {
				t.Errorf("no notice saying %q:\n%s", tt.want, res.stdout)
			}
			if len(commandLines(res.stdout, "error")) != 2 {
				t.Errorf("the annotations should still be written:\n%s", res.stdout)
			}
			if res.outputs["passed"] != "false" || !strings.Contains(res.summary, "Not ready") {
				t.Errorf("outputs %v or summary missing after the skipped comment", res.outputs)
			}
			if got := api.Comments("acme", "portal", 9); len(got) != 0 {
				t.Errorf("%d comments were posted", len(got))
			}
			if tt.fork {
				for _, r := range api.Requests() {
					if strings.Contains(r.Path, "/comments") {
						t.Errorf("a fork run called %s %s; it should not try", r.Method, r.Path)
					}
				}
			}
		})
	}
}
