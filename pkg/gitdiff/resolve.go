package gitdiff

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// ResolveRange turns a range as a user writes it into two full commit IDs:
// "BASE..HEAD" compares the two commits, "BASE...HEAD" compares HEAD with
// the merge base of BASE and HEAD (what a pull request shows), and "BASE"
// alone means "BASE..HEAD".
//
// Unlike git, ResolveRange refuses a range with an empty side ("..HEAD",
// "main..", "..."): in a CI job that is an unset variable, and reading it
// as HEAD would compare HEAD with itself and pass with nothing checked.
// A side that is not a revision (white space, a leading "-", a name git
// could not have) is refused too.
//
// A commit that the clone lacks, common in shallow CI checkouts, gives a
// *MissingCommitError whose message says how to fetch it. Errors start with
// the range, quoted, so that a caller can prefix the flag that carried it.
func (r *Repo) ResolveRange(ctx context.Context, spec string) (base, head string, err error) {
	left, right, mergeBase, err := splitRange(spec)
	if err != nil {
		return "", "", err
	}
	base, err = r.resolveCommit(ctx, left, mergeBase)
	if err != nil {
		return "", "", fmt.Errorf("%q: %w", spec, err)
	}
	head, err = r.resolveCommit(ctx, right, mergeBase)
	if err != nil {
		return "", "", fmt.Errorf("%q: %w", spec, err)
	}
	if mergeBase {
		out, err := r.git(ctx, "merge-base", base, head)
		if err != nil {
			return "", "", fmt.Errorf("%q: %w", spec, r.noMergeBase(ctx, left, right, err))
		}
		base = strings.TrimSpace(string(out))
	}
	return base, head, nil
}

// resolveCommit returns the full ID of the commit rev names. history says
// whether the caller will walk history from it (a merge base), which
// changes how to fetch it.
func (r *Repo) resolveCommit(ctx context.Context, rev string, history bool) (string, error) {
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
	// Fetch is a command that fetches the commit, "" when the clone has no
	// remote to fetch it from.
	Fetch string
}

// Error reads as one line a CI log can show as is.
func (e *MissingCommitError) Error() string {
	why := ""
	if e.Shallow {
		why = " (a shallow CI checkout?)"
	}
	if e.Fetch == "" {
		return fmt.Sprintf("commit %q is not in this clone%s, which has no remote to fetch it from", e.Rev, why)
	}
	return fmt.Sprintf("commit %q is not in this clone%s; fetch it first: %s; with actions/checkout, set fetch-depth: 0",
		e.Rev, why, e.Fetch)
}

// missing explains a revision that resolved to nothing. Only a name that a
// remote could have gets a fetch hint: a fetch of anything else would fail
// too, and a hint that fails sends the reader the wrong way.
func (r *Repo) missing(ctx context.Context, rev string, history bool) error {
	name, suffix := splitRelative(rev)
	if name == "" {
		return fmt.Errorf("%q names no commit in this clone", rev)
	}
	if unexpanded(name) {
		return fmt.Errorf("%q names no commit in this clone; it looks like a variable that was never expanded", rev)
	}
	if why := refnameProblem(name); why != "" {
		return fmt.Errorf("%q names no commit in this clone, and no branch or tag can be called %q: %s", rev, name, why)
	}
	shallow := r.isShallow(ctx)
	remotes := r.remotes(ctx)
	if suffix != "" {
		if strings.HasPrefix(suffix, "@{") {
			// Reflog entries and upstreams are local: no fetch brings them.
			return fmt.Errorf("%q names no commit in this clone", rev)
		}
		if !r.hasCommit(ctx, name) {
			// Fetch the name with its history, then walk from it.
			return r.missingName(rev, name, remotes, shallow, true)
		}
		if !shallow {
			return fmt.Errorf("%q names no commit: %s exists, but its history does not go back that far", rev, name)
		}
		fetch := ""
		if remote := fetchRemote(remotes); remote != "" {
			fetch = "git fetch --deepen=50 " + remote + " (or git fetch --unshallow " + remote + ")"
		}
		return &MissingCommitError{Rev: rev, Shallow: true, Fetch: fetch}
	}
	if name == "HEAD" || name == "@" {
		return fmt.Errorf("%q names no commit: the repository has no commits yet", rev)
	}
	return r.missingName(rev, name, remotes, shallow, history)
}

// missingName explains a plain name (a commit ID, a branch, a tag, a
// remote-tracking branch) that is not in the clone.
func (r *Repo) missingName(rev, name string, remotes []string, shallow, history bool) error {
	tracking := strings.TrimPrefix(name, "refs/remotes/")
	if rem, _, ok := strings.Cut(tracking, "/"); ok && !slices.Contains(remotes, rem) && len(remotes) > 0 &&
		(tracking != name || conventionalRemote(rem)) {
		return fmt.Errorf("%q names no commit in this clone, and %q is not one of its remotes (%s)",
			rev, rem, strings.Join(remotes, ", "))
	}
	return &MissingCommitError{Rev: rev, Shallow: shallow, Fetch: fetchHint(name, remotes, shallow, history)}
}

// conventionalRemote reports remote names so common that "origin/main" in a
// clone without an origin remote is a remote-tracking name gone wrong, not
// a branch called "origin/main".
func conventionalRemote(name string) bool { return name == "origin" || name == "upstream" }

func (r *Repo) hasCommit(ctx context.Context, rev string) bool {
	_, err := r.git(ctx, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	return err == nil
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

// fetchRemote is the remote a hint fetches from: origin when there is one,
// else the first; "" for a clone without remotes.
func fetchRemote(remotes []string) string {
	switch {
	case len(remotes) == 0:
		return ""
	case slices.Contains(remotes, "origin"):
		return "origin"
	}
	return remotes[0]
}

// fetchHint adapts the fetch command to what the user named: a commit ID is
// fetched by ID, a remote-tracking branch from its remote into itself, any
// other ref into the same name. When the caller needs a merge base, one
// commit is not enough, so the hint asks for history; a clone that is not
// shallow is never made shallow by one. It is "" without a remote.
func fetchHint(name string, remotes []string, shallow, history bool) string {
	remote := fetchRemote(remotes)
	if remote == "" {
		return ""
	}
	depth := ""
	if shallow {
		depth = "--depth=1 "
		if history {
			depth = "--unshallow "
		}
	}
	switch {
	case isFullID(name):
		if history && shallow {
			return "git fetch --unshallow " + remote + " " + name
		}
		return "git fetch " + remote + " " + name
	case isHex(name) && len(name) >= 4:
		return "git fetch " + remote + " <the full 40-character commit ID of " + name + ">"
	}
	tracking := strings.TrimPrefix(name, "refs/remotes/")
	if rem, branch, ok := strings.Cut(tracking, "/"); ok && slices.Contains(remotes, rem) && branch != "" {
		// An explicit destination, because a single-branch clone's
		// refspec would leave the remote-tracking branch unset.
		return "git fetch " + depth + rem + " " + branch + ":refs/remotes/" + rem + "/" + branch
	}
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
