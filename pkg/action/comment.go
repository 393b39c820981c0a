package action

import (
	"context"

	"github.com/launchgate/launchgate/pkg/ghapi"
)

// commentMarker marks the sticky comment of one category, so that each run
// updates its own comment and separate gates on one pull request do not
// overwrite each other's.
func commentMarker(category string) string {
	return "<!-- launchgate:" + category + " -->"
}

// postComment creates or updates the sticky pull-request comment. It never
// fails the step: a fork's read-only token or an API hiccup degrades to a
// notice or a warning, and the gate still gates on the findings.
func (r *runner) postComment(ctx context.Context, body string) {
	ev := &r.event
	switch {
	case !ev.IsPullRequest():
		r.out.notice("comment: true has no pull request to comment on in a %s event; skipped the comment.", ev.Name)
		return
	case ev.Fork:
		r.out.notice("Skipped the pull-request comment: this pull request comes from a fork, whose token cannot write comments. The annotations and the job summary have the results.")
		return
	case r.inputs.Token == "":
		r.out.notice("Skipped the pull-request comment: comment: true needs the github-token input (with pull-requests: write).")
		return
	}
	client, err := r.client()
	if err != nil {
		r.out.warning("Skipped the pull-request comment: %s", oneLine(err.Error()))
		return
	}
	res, err := client.UpsertComment(ctx, ev.Owner, ev.Repo, ev.PR, commentMarker(r.inputs.Category), body)
	switch {
	case ghapi.IsPermission(err):
		r.out.notice("Skipped the pull-request comment: the token may not write comments here (give the job pull-requests: write). The annotations and the job summary have the results.")
	case err != nil:
		r.out.warning("Could not post the pull-request comment: %s", oneLine(err.Error()))
	case res.Created:
		r.out.print("launchgate: commented on pull request #" + itoa(ev.PR) + ": " + res.URL)
	default:
		r.out.print("launchgate: updated the comment on pull request #" + itoa(ev.PR) + ": " + res.URL)
	}
}
