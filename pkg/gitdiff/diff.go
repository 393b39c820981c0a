package gitdiff

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// AddedLines returns the lines head adds relative to base, both commits (as
// ResolveRange returns them). Uncommitted changes in the work tree play no
// part: the comparison is between the two commits.
func (r *Repo) AddedLines(ctx context.Context, base, head string) (Added, error) {
	c, err := r.Changes(ctx, base, head)
	return c.Added, err
}

// Changes is AddedLines with the places where lines were removed too.
func (r *Repo) Changes(ctx context.Context, base, head string) (Changes, error) {
	var c Changes
	err := r.diff(ctx, base, head, func(rd io.Reader) (err error) {
		c, err = ParseChanges(rd)
		return err
	})
	return c, err
}

// diff runs git diff between two commits and hands its output to parse as
// it streams.
func (r *Repo) diff(ctx context.Context, base, head string, parse func(io.Reader) error) error {
	// Resolving first turns a commit missing from a shallow clone into a
	// *MissingCommitError instead of git diff's "bad object".
	base, err := r.resolveCommit(ctx, base, false)
	if err != nil {
		return err
	}
	head, err = r.resolveCommit(ctx, head, false)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Every option that the user's configuration could otherwise flip is
	// spelled out: prefixes (diff.noprefix, diff.mnemonicPrefix), colour,
	// external and textconv drivers, rename detection and diff.relative.
	cmd := command(ctx, r.root, "diff", "--no-color", "--no-ext-diff", "--no-textconv",
		"--no-relative", "--src-prefix=a/", "--dst-prefix=b/", "--unified=0", "-M",
		base, head, "--")
	stderr := &cappedBuffer{max: 4 << 10}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git diff: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return gitError([]string{"diff"}, err, stderr)
	}
	parseErr := parse(stdout)
	if parseErr != nil {
		// Stop git rather than drain a diff we can no longer use.
		cancel()
	}
	waitErr := cmd.Wait()
	if parseErr != nil {
		return fmt.Errorf("git diff %s %s: %w", short(base), short(head), parseErr)
	}
	if waitErr != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return errors.Join(ctxErr, waitErr)
		}
		return gitError([]string{"diff"}, waitErr, stderr)
	}
	return nil
}

// short abbreviates a commit ID for messages.
func short(rev string) string {
	if isFullID(rev) {
		return rev[:12]
	}
	return rev
}
