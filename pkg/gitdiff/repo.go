// Package gitdiff answers the questions a diff-only scan asks of git: which
// commits a range names, which lines a range added, and what a file held at
// a commit. It runs the git binary rather than a Go reimplementation so that
// shallow CI clones, alternates and partial clones behave exactly as they do
// for the user's own git.
package gitdiff

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrNotWorkTree is wrapped by Open when a folder is not inside a git work
// tree.
var ErrNotWorkTree = errors.New("not inside a git work tree")

// Repo is a git work tree. It holds no mutable state, so one Repo may be
// used from many goroutines.
type Repo struct {
	root string
}

// Open finds the work tree that contains dir.
func Open(ctx context.Context, dir string) (*Repo, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		abs = filepath.Dir(abs)
	}
	out, err := runGit(ctx, abs, "rev-parse", "--is-inside-work-tree")
	if err != nil || strings.TrimSpace(string(out)) != "true" {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, err
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil && strings.Contains(err.Error(), "dubious ownership") {
			return nil, fmt.Errorf("%s: %w", dir, err)
		}
		return nil, fmt.Errorf("%s is %w", dir, ErrNotWorkTree)
	}
	out, err = runGit(ctx, abs, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	return &Repo{root: filepath.Clean(strings.TrimRight(string(out), "\r\n"))}, nil
}

// Root is the absolute path of the work tree's top level.
func (r *Repo) Root() string { return r.root }

// RelPath returns dir relative to Root with / separators ("" for the root
// itself), the prefix to hand to Added.Rebase when a scan starts in a
// subfolder. Symlinks are resolved first because git reports the real path.
func (r *Repo) RelPath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("%s: %w", dir, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	root := r.root
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the git work tree %s", dir, r.root)
	}
	if rel == "." {
		return "", nil
	}
	return filepath.ToSlash(rel), nil
}

// git runs a git subcommand at the top of the work tree and returns its
// standard output.
func (r *Repo) git(ctx context.Context, args ...string) ([]byte, error) {
	return runGit(ctx, r.root, args...)
}

// command prepares git so that neither the user's configuration nor the
// environment changes what we parse: paths unquoted where git allows it, no
// credential prompts that would hang a CI job, C locale messages, and no
// opportunistic index writes while a scan reads the tree.
func command(ctx context.Context, dir string, args ...string) *exec.Cmd {
	full := append([]string{"-c", "core.quotepath=off", "-C", dir}, args...)
	cmd := exec.CommandContext(ctx, "git", full...)
	cmd.Env = append(os.Environ(),
		"GIT_TERMINAL_PROMPT=0",
		"GIT_OPTIONAL_LOCKS=0",
		"LC_ALL=C",
	)
	return cmd
}

func runGit(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := command(ctx, dir, args...)
	var stdout bytes.Buffer
	stderr := &cappedBuffer{max: 4 << 10}
	cmd.Stdout = &stdout
	cmd.Stderr = stderr
	if err := cmd.Run(); err != nil {
		return stdout.Bytes(), gitError(args, err, stderr)
	}
	return stdout.Bytes(), nil
}

// gitError names the subcommand and carries git's own message, which is
// usually the most useful part.
func gitError(args []string, err error, stderr *cappedBuffer) error {
	if errors.Is(err, exec.ErrNotFound) {
		return fmt.Errorf("git is not installed or not on PATH (install git to use --diff): %w", err)
	}
	sub := ""
	if len(args) > 0 {
		sub = args[0]
	}
	msg := strings.TrimSpace(stderr.String())
	if msg == "" {
		return fmt.Errorf("git %s: %w", sub, err)
	}
	return fmt.Errorf("git %s: %s: %w", sub, firstLines(msg, 3), err)
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "; ")
}

// cappedBuffer keeps the first max bytes written to it, enough for git's error
// message without letting a chatty process grow memory.
type cappedBuffer struct {
	buf bytes.Buffer
	max int
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.buf.Len(); room > 0 {
		if len(p) > room {
			b.buf.Write(p[:room])
		} else {
			b.buf.Write(p)
		}
	}
	return len(p), nil
}

func (b *cappedBuffer) String() string { return b.buf.String() }
