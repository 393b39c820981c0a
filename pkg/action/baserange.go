package action

import (
	"cmp"
	"context"
	"fmt"
	"strings"
	"time"
)

// fetchDepth is how deep the fetch of a missing commit goes. A BASE..HEAD
// diff compares two trees and needs no history between them, so one
// commit of each is enough even in the default depth-1 checkout.
const fetchDepth = 1

// fetchTimeout bounds the fetch so that a slow or unreachable remote costs
// the job a minute, not its whole time budget.
const fetchTimeout = 2 * time.Minute

// reportScope is how much of the tree a run reports on.
type reportScope struct {
	// Diff is a BASE..HEAD range for the scan's own diff support, or "".
	Diff string
	// Added, when set, keeps only findings on the lines the GitHub API says
	// the pull request adds (the fallback when git cannot see the base).
	Added *apiLines
	// Describe tells a reader what was scanned, for the summary.
	Describe string
}

// resolveScope decides what to report on. A run that cannot narrow to the
// change as asked says so in a warning and reports on everything: a gate
// that silently widened would bury the change under old findings, and one
// that silently narrowed would miss them.
func (r *runner) resolveScope(ctx context.Context, onlyNew bool, root string) reportScope {
	ev := &r.event
	whole := reportScope{Describe: "the whole tree at " + short(ev.HeadSHA())}
	if !onlyNew {
		return whole
	}
	if ev.Base == "" || ev.Head == "" {
		switch {
		case ev.NewBranch:
			r.out.notice("This push created the branch, so there is no earlier commit to compare with; scanning everything.")
		default:
			r.out.notice("The %s event names no commit range; only-new has nothing to narrow to, so scanning everything.", cmp.Or(ev.Name, "current"))
		}
		return whole
	}
	base, head := ev.Base, r.diffHead(ctx, root)
	rng := base + ".." + head
	describe := "only lines added in " + short(base) + ".." + short(ev.Head)
	if ev.IsPullRequest() {
		describe += fmt.Sprintf(" (pull request #%d)", ev.PR)
	}
	missing := r.missingCommits(ctx, root, base, head)
	if len(missing) == 0 {
		return reportScope{Diff: rng, Describe: describe}
	}
	fetchErr := r.fetch(ctx, root, missing)
	if fetchErr == nil {
		if still := r.missingCommits(ctx, root, base, head); len(still) == 0 {
			r.out.notice("Fetched %s from origin (the checkout was too shallow) to report only the lines this change adds.", shortList(missing))
			return reportScope{Diff: rng, Describe: describe}
		}
		fetchErr = fmt.Errorf("git fetch succeeded but %s is still missing", shortList(missing))
	}
	if ev.IsPullRequest() {
		added, err := r.apiLines(ctx, root)
		if err == nil {
			r.out.notice("Could not fetch %s with git (%s); using the lines GitHub's API lists as added by pull request #%d instead.",
				shortList(missing), oneLine(fetchErr.Error()), ev.PR)
			return reportScope{Added: added, Describe: describe + ", from GitHub's list of changed files"}
		}
		r.out.warning("Could not narrow the scan to pull request #%d: git could not fetch %s (%s) and the GitHub API fallback failed (%s). Reporting on the whole tree; set fetch-depth: 0 on actions/checkout to fix this.",
			ev.PR, shortList(missing), oneLine(fetchErr.Error()), oneLine(err.Error()))
		return whole
	}
	r.out.warning("Could not narrow the scan to %s: git could not fetch %s (%s). Reporting on the whole tree; set fetch-depth: 0 on actions/checkout to fix this.",
		short(base)+".."+short(head), shortList(missing), oneLine(fetchErr.Error()))
	return whole
}

// diffHead is the commit the diff ends at. On a pull request the checkout
// is usually GitHub's merge commit (GITHUB_SHA), whose lines are the ones
// in the work tree; diffing the base against it gives exactly the pull
// request's changes at the line numbers the scan sees. A checkout of the
// head branch itself diffs against the head commit.
func (r *runner) diffHead(ctx context.Context, root string) string {
	ev := &r.event
	if !ev.IsPullRequest() || ev.SHA == "" || ev.SHA == ev.Head || !isCommitID(ev.SHA) {
		return ev.Head
	}
	out, err := r.git(ctx, root, "rev-parse", "--verify", "--quiet", "HEAD")
	if err == nil && strings.TrimSpace(string(out)) == ev.SHA {
		return ev.SHA
	}
	return ev.Head
}

// missingCommits returns those of ids that the clone at root lacks (all of
// them when root is not a git checkout).
func (r *runner) missingCommits(ctx context.Context, root string, ids ...string) []string {
	var out []string
	for _, id := range ids {
		if _, err := r.git(ctx, root, "cat-file", "-e", id+"^{commit}"); err != nil {
			out = append(out, id)
		}
	}
	return out
}

// fetch asks origin for the missing commits, shallowly and without tags.
// The IDs come from the event payload and were checked to be hex, so they
// cannot pass for options.
func (r *runner) fetch(ctx context.Context, root string, ids []string) error {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	args := append([]string{"fetch", "--no-tags", "--no-recurse-submodules", fmt.Sprintf("--depth=%d", fetchDepth), "origin"}, ids...)
	if _, err := r.git(ctx, root, args...); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("git fetch timed out after %s", fetchTimeout)
		}
		return err
	}
	return nil
}

func short(id string) string { return id[:min(len(id), 12)] }

func shortList(ids []string) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = short(id)
	}
	return strings.Join(s, " and ")
}

// oneLine keeps a message from git or the API on one log line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
