package gitdiff

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ResolveRange turns a range as a user writes it into two full commit IDs:
// "BASE..HEAD" compares the two commits, "BASE...HEAD" compares HEAD with
// the merge base of BASE and HEAD (what a pull request shows), and "BASE"
// alone means "BASE..HEAD". An empty side means HEAD, as in git.
//
// A commit that the clone lacks, common in shallow CI checkouts, gives a
// *MissingCommitError whose message says how to fetch it. Errors start with
// the range so that a caller can prefix the flag that carried it.
func (r *Repo) ResolveRange(ctx context.Context, spec string) (base, head string, err error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return "", "", errors.New("empty git range: want BASE..HEAD, BASE...HEAD or BASE")
	}
	left, right, mergeBase := spec, "HEAD", false
	if l, rr, ok := strings.Cut(spec, "..."); ok {
		left, right, mergeBase = l, rr, true
	} else if l, rr, ok := strings.Cut(spec, ".."); ok {
		left, right = l, rr
	}
	if strings.Contains(left, "..") || strings.Contains(right, "..") {
		return "", "", fmt.Errorf("%q is not a git range: want BASE..HEAD, BASE...HEAD or BASE", spec)
	}
	if left == "" {
		left = "HEAD"
	}
	if right == "" {
		right = "HEAD"
	}
	base, err = r.resolveCommit(ctx, left, mergeBase)
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", spec, err)
	}
	head, err = r.resolveCommit(ctx, right, mergeBase)
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", spec, err)
	}
	if mergeBase {
		out, err := r.git(ctx, "merge-base", base, head)
		if err != nil {
			return "", "", fmt.Errorf("%s: %w", spec, r.noMergeBase(ctx, left, right, err))
		}
		base = strings.TrimSpace(string(out))
	}
	return base, head, nil
}

// resolveCommit returns the full ID of the commit rev names. history says
// whether the caller will walk history from it (a merge base), which
// changes how to fetch it.
func (r *Repo) resolveCommit(ctx context.Context, rev string, history bool) (string, error) {
	if strings.HasPrefix(rev, "-") {
		// git would read it as an option.
		return "", fmt.Errorf("%q is not a revision", rev)
	}
	out, err := r.git(ctx, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err == nil {
		return strings.TrimSpace(string(out)), nil
	}
	if ctx.Err() != nil {
		return "", ctx.Err()
	}
	// rev-parse accepts any full hex ID without looking it up, so ask
	// cat-file whether the object exists at all.
	if kind, objErr := r.git(ctx, "cat-file", "-t", rev); objErr == nil {
		return "", fmt.Errorf("%q names a %s, not a commit", rev, strings.TrimSpace(string(kind)))
	}
	return "", r.missing(ctx, rev, history)
}

// MissingCommitError reports a revision the clone cannot resolve, with the
// command that would fetch it.
type MissingCommitError struct {
	// Rev is the revision as the user wrote it.
	Rev string
	// Shallow is set when the clone is shallow, the usual reason.
	Shallow bool
	// Fetch is a command that fetches the commit.
	Fetch string
}

// Error reads as one line a CI log can show as is.
func (e *MissingCommitError) Error() string {
	why := ""
	if e.Shallow {
		why = " (a shallow CI checkout?)"
	}
	return fmt.Sprintf("commit %q is not in this clone%s; fetch it first: %s; with actions/checkout, set fetch-depth: 0",
		e.Rev, why, e.Fetch)
}

func (r *Repo) missing(ctx context.Context, rev string, history bool) error {
	shallow := r.isShallow(ctx)
	remotes := r.remotes(ctx)
	return &MissingCommitError{Rev: rev, Shallow: shallow, Fetch: fetchHint(rev, remotes, shallow, history)}
}

func (r *Repo) isShallow(ctx context.Context) bool {
	out, err := r.git(ctx, "rev-parse", "--is-shallow-repository")
	return err == nil && strings.TrimSpace(string(out)) == "true"
}

func (r *Repo) remotes(ctx context.Context) []string {
	out, err := r.git(ctx, "remote")
	if err != nil {
		return nil
	}
	return strings.Fields(string(out))
}

// fetchHint adapts the fetch command to what the user named: a commit ID is
// fetched by ID, a remote-tracking branch from its remote, a relative
// revision (HEAD~3) by deepening the clone. When the caller needs a merge
// base, one commit is not enough, so the hint asks for history.
func fetchHint(rev string, remotes []string, shallow, history bool) string {
	remote := "origin"
	if len(remotes) > 0 && !slices.Contains(remotes, "origin") {
		remote = remotes[0]
	}
	depth := "--depth=1 "
	if history {
		depth = ""
		if shallow {
			depth = "--unshallow "
		}
	}
	switch {
	case isFullID(rev):
		if history && shallow {
			return "git fetch --unshallow " + remote + " " + rev
		}
		return "git fetch " + remote + " " + rev
	case isHex(rev) && len(rev) >= 4:
		return "git fetch " + remote + " <the full 40-character commit ID of " + rev + ">"
	case strings.ContainsAny(rev, "~^@:"):
		return "git fetch --deepen=50 " + remote + " (or git fetch --unshallow " + remote + ")"
	}
	name := strings.TrimPrefix(rev, "refs/remotes/")
	if rem, branch, ok := strings.Cut(name, "/"); ok && slices.Contains(remotes, rem) && branch != "" {
		// An explicit destination, because a single-branch clone's
		// refspec would leave the remote-tracking branch unset.
		return "git fetch " + depth + rem + " " + branch + ":refs/remotes/" + rem + "/" + branch
	}
	name = strings.TrimPrefix(strings.TrimPrefix(rev, "refs/heads/"), "refs/tags/")
	return "git fetch " + depth + remote + " " + name + ":" + name
}

func (r *Repo) noMergeBase(ctx context.Context, left, right string, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	hint := "fetch their history: git fetch --unshallow"
	if !r.isShallow(ctx) {
		hint = "they share no history; compare them with BASE..HEAD instead"
	}
	return fmt.Errorf("no merge base of %q and %q in this clone; %s; with actions/checkout, set fetch-depth: 0: %w",
		left, right, hint, err)
}

func isFullID(s string) bool { return (len(s) == 40 || len(s) == 64) && isHex(s) }

func isHex(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
