package gitdiff

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// ReadFile returns the content of name, relative to the repository root
// with / separators, as committed at rev. A file absent at rev gives an
// error satisfying errors.Is(err, fs.ErrNotExist); a rev the clone lacks
// gives a *MissingCommitError.
func (r *Repo) ReadFile(ctx context.Context, rev, name string) ([]byte, error) {
	clean := path.Clean(strings.ReplaceAll(name, "\\", "/"))
	if name == "" || clean == "." || path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	commit, err := r.resolveCommit(ctx, rev, false)
	if err != nil {
		return nil, err
	}
	obj := commit + ":" + clean
	out, err := r.git(ctx, "cat-file", "blob", obj)
	if err == nil {
		return out, nil
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	// Tell "no such file" from "not a file" and from git failing.
	kind, typeErr := r.git(ctx, "cat-file", "-t", obj)
	switch {
	case typeErr != nil:
		return nil, &fs.PathError{Op: "read", Path: rev + ":" + clean, Err: fs.ErrNotExist}
	case strings.TrimSpace(string(kind)) != "blob":
		return nil, fmt.Errorf("%s:%s is a %s, not a file", rev, clean, strings.TrimSpace(string(kind)))
	}
	return nil, fmt.Errorf("reading %s at %s: %w", clean, rev, err)
}

// HeadIs reports whether rev resolves to the commit checked out in the work
// tree. When it does, a scan of the work tree sees head's files (plus any
// uncommitted edits), so callers can read from disk and skip git.
func (r *Repo) HeadIs(ctx context.Context, rev string) bool {
	head, err := r.resolveCommit(ctx, "HEAD", false)
	if err != nil {
		return false
	}
	if rev == head {
		return true
	}
	commit, err := r.resolveCommit(ctx, rev, false)
	return err == nil && commit == head
}
